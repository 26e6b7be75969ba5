import { Module } from '@nestjs/common';
import { OrganisationModule } from '../../organisation/src';
import { ReportsCsvController } from './reports-csv.controller';
import { RegionCoverageFieldsResolver, ReportsResolver, SchoolActivityFieldsResolver } from './reports.resolver';
import { ReportsService } from './reports.service';

@Module({
  imports: [OrganisationModule],
  controllers: [ReportsCsvController],
  providers: [ReportsService, ReportsResolver, RegionCoverageFieldsResolver, SchoolActivityFieldsResolver],
  exports: [ReportsService],
})
export class ReportingModule {}
