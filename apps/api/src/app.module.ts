import { Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CoreModule, dataSourceOptions, type AppConfig } from '#app/core';
import { IDENTITY_ENTITIES, IdentityModule } from '#app/identity';
import { ORGANISATION_ENTITIES, OrganisationModule } from '#app/organisation';
import { RESEARCH_ENTITIES, ResearchModule } from '#app/research';
import { ReportingModule } from '#app/reporting';
import { MENTORING_ENTITIES, MentoringModule } from '#app/mentoring';
import { ACTIVITY_ENTITIES, ActivityModule } from '#app/activity';
import { LESSON_PREP_ENTITIES, LessonPrepModule } from '#app/lesson-prep';
import { ImportsModule } from '#app/imports';
import { NOTIFICATION_ENTITIES, NotificationsModule } from '#app/notifications';
import { BALANCE_ENTITIES, BalanceModule } from '#app/balance';
import { MIGRATIONS } from '../../../prisma-free-migrations';
import { graphqlOptions } from './graphql.config';
import { HealthController } from './health.controller';

export const ENTITIES = [...ORGANISATION_ENTITIES, ...IDENTITY_ENTITIES, ...RESEARCH_ENTITIES, ...MENTORING_ENTITIES, ...ACTIVITY_ENTITIES, ...LESSON_PREP_ENTITIES, ...NOTIFICATION_ENTITIES, ...BALANCE_ENTITIES];

/** The API only composes libs. */
@Module({})
export class AppModule {
  /** connect=false builds everything but opens no database connection (used to print the schema). */
  static forRoot(config: AppConfig, databaseUrl: string, connect = true): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config),
        TypeOrmModule.forRoot({
          ...dataSourceOptions({ url: databaseUrl, entities: ENTITIES, migrations: MIGRATIONS, logSql: config.logSql }),
          manualInitialization: !connect,
        }),
        GraphQLModule.forRootAsync(graphqlOptions),
        OrganisationModule,
        IdentityModule,
        ResearchModule,
        ReportingModule,
        MentoringModule,
        ActivityModule,
        LessonPrepModule,
        ImportsModule,
        NotificationsModule,
        BalanceModule,
      ],
      controllers: [HealthController],
    };
  }
}
