import { Module } from '@nestjs/common';
import { OrganisationModule } from '#app/organisation';
import { BalanceResolver } from './balance.resolver';
import { BalanceService } from './balance.service';

/** 优质均衡: the county's balance indicators, compliance and coefficients (教督〔2017〕6号). */
@Module({
  imports: [OrganisationModule],
  providers: [BalanceService, BalanceResolver],
  exports: [BalanceService],
})
export class BalanceModule {}
