import { BalanceModule } from '#app/balance';
import { Module } from '@nestjs/common';
import { OrganisationModule } from '#app/organisation';
import { DownloadLinkService } from './download-link.service';
import { ReportsDownloadController } from './reports-download.controller';
import { GroupBreakdownService } from './group-breakdown.service';
import { GroupActivityFieldsResolver, GroupBreakdownRowFieldsResolver, RegionActivityFieldsResolver, RegionCoverageFieldsResolver, ReportsResolver, SchoolActivityFieldsResolver } from './reports.resolver';
import { ReportsService } from './reports.service';
import { RollupProjection } from './rollups/rollup-projection';
import { RollupService } from './rollups/rollup.service';

@Module({
  imports: [OrganisationModule, BalanceModule],
  controllers: [ReportsDownloadController],
  providers: [RollupService, RollupProjection, ReportsService, GroupBreakdownService, DownloadLinkService, ReportsResolver, RegionCoverageFieldsResolver, SchoolActivityFieldsResolver, GroupActivityFieldsResolver, RegionActivityFieldsResolver, GroupBreakdownRowFieldsResolver],
  exports: [ReportsService, GroupBreakdownService, RollupService],
})
export class ReportingModule {}
