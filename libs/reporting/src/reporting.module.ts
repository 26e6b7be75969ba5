import { Module } from '@nestjs/common';
import { OrganisationModule } from '../../organisation/src';
import { DownloadLinkService } from './download-link.service';
import { ReportsDownloadController } from './reports-download.controller';
import { RegionCoverageFieldsResolver, ReportsResolver, SchoolActivityFieldsResolver } from './reports.resolver';
import { ReportsService } from './reports.service';

@Module({
  imports: [OrganisationModule],
  controllers: [ReportsDownloadController],
  providers: [ReportsService, DownloadLinkService, ReportsResolver, RegionCoverageFieldsResolver, SchoolActivityFieldsResolver],
  exports: [ReportsService],
})
export class ReportingModule {}
