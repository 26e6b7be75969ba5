import { ConsoleLogger } from '@nestjs/common';

// Nest's start-up chatter (one line per module and route) hides what an operator needs to see.
const QUIET_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication', 'GraphQLModule', 'WebSocketsController']);

export class AppLogger extends ConsoleLogger {
  override log(message: unknown, ...rest: unknown[]) {
    const context = rest.at(-1);
    if (typeof context === 'string' && QUIET_CONTEXTS.has(context)) return;
    super.log(message, ...rest);
  }
}
