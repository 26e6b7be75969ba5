import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { APP_CONFIG, type AppConfig } from '#app/core';
import { OrganisationModule } from '#app/organisation';
import { ResearchModule } from '#app/research';
import { MentoringModule } from '#app/mentoring';
import { ActivityModule } from '#app/activity';
import { IdentityModule } from '#app/identity';
import { BalanceModule } from '#app/balance';
import { IMPORT_KINDS } from './import-kind';
import { ImportProgress } from './import-progress';
import { ImportService } from './import.service';
import { ImportsController, ImportTooLargeFilter } from './imports.controller';
import { ExchangesImport } from './kinds/exchanges.import';
import { SchoolFacilitiesImport } from './kinds/school-facilities.import';
import { MembershipsImport } from './kinds/memberships.import';
import { MentoringPairsImport } from './kinds/mentoring-pairs.import';
import { SchoolsImport } from './kinds/schools.import';
import { SessionsImport } from './kinds/sessions.import';
import { TeachersImport } from './kinds/teachers.import';

/** Spreadsheet imports: each kind plays its rows through its context's services. */
@Module({
  imports: [
    OrganisationModule,
    ResearchModule,
    MentoringModule,
    ActivityModule,
    IdentityModule,
    BalanceModule,
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      // in memory: files are bounded by IMPORT_MAX_BYTES; one file per request
      useFactory: (config: AppConfig) => ({ limits: { fileSize: config.importMaxBytes, files: 1, fields: 10 } }),
    }),
  ],
  controllers: [ImportsController],
  providers: [
    SchoolsImport,
    TeachersImport,
    MembershipsImport,
    SessionsImport,
    MentoringPairsImport,
    ExchangesImport,
    SchoolFacilitiesImport,
    { provide: IMPORT_KINDS, inject: [SchoolsImport, TeachersImport, MembershipsImport, SessionsImport, MentoringPairsImport, ExchangesImport, SchoolFacilitiesImport], useFactory: (...kinds: unknown[]) => kinds },
    ImportProgress,
    ImportService,
    ImportTooLargeFilter,
  ],
  exports: [ImportService],
})
export class ImportsModule {}
