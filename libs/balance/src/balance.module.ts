import { Module } from '@nestjs/common';
import { ActivityModule } from '#app/activity';
import { OrganisationModule } from '#app/organisation';
import { BalanceResolver } from './balance.resolver';
import { BalanceService } from './balance.service';
import { BalancingService } from './balancing.service';
import { EnrolmentService } from './enrolment.service';

/** 优质均衡: the county's balance indicators, compliance and coefficients (教督〔2017〕6号). */
@Module({
  imports: [OrganisationModule, ActivityModule],
  providers: [BalanceService, BalancingService, EnrolmentService, BalanceResolver],
  exports: [BalanceService, BalancingService, EnrolmentService],
})
export class BalanceModule {}
