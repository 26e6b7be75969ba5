import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { HttpErrorFilter } from './errors/http-exception.filter';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { AccessGuard } from './auth/access.guard';
import { ContextFactory, RequestContextMiddleware } from './auth/context.factory';
import { TransactionService } from './database/transaction.service';
import { EventBus } from './events/event-bus';
import { LiveGateway } from './realtime/live.gateway';
import { LiveBus } from './realtime/live-bus';
import { LiveConnections } from './realtime/live-connections';
import { LabelsResolver } from './graphql/labels.resolver';

/** Infrastructure every bounded context uses; no domain code here. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
        ContextFactory,
        RequestContextMiddleware,
        TransactionService,
        EventBus,
        LiveGateway,
        LabelsResolver,
        LiveBus,
        LiveConnections,
      ],
      exports: [APP_CONFIG, ContextFactory, RequestContextMiddleware, TransactionService, EventBus, LiveBus, LiveConnections],
    };
  }
}
