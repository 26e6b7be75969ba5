import { NestFactory } from '@nestjs/core';
import { Logger, type INestApplication, type LogLevel } from '@nestjs/common';
import express from 'express';
import { DataSource } from 'typeorm';
import { AppLogger, createValidationPipe, QueryParamPipe, RequestContextMiddleware, requestLang, runMigrations, TextSafetyPipe, type AppConfig } from '#app/core';
import { AppModule } from './app.module';
import { PrototypedExpressAdapter } from './http-adapter';
import { serveWebApp } from './web-app';

export interface CreateAppOptions {
  config: AppConfig;
  databaseUrl: string;
  logger?: LogLevel[] | false;
}

/** Body-parser failures (too large, not JSON) answer like GraphQL errors instead of Express's HTML page. */
function bodyErrors(err: any, _req: any, res: any, next: (e?: unknown) => void) {
  if (!err) return next();
  const tooLarge = err.type === 'entity.too.large';
  const status = tooLarge ? 413 : err.status && err.status < 500 ? err.status : 400;
  const text = tooLarge
    ? { zh: `请求体过大（上限 ${err.limit} 字节）`, en: `Request body too large (limit ${err.limit} bytes)` }
    : { zh: '请求体不是有效的 JSON', en: 'Request body is not valid JSON' };
  const message = text[requestLang(_req)];
  res.status(status).json({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT' } }] });
}

/** Builds the API (not listening yet) and brings the schema up to date. Used by main.ts and the tests. */
export async function createApp(opts: CreateAppOptions): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.forRoot(opts.config, opts.databaseUrl), new PrototypedExpressAdapter(), {
    bodyParser: false,
    logger: opts.logger === false ? false : new AppLogger({ logLevels: opts.logger ?? ['log', 'warn', 'error'] }),
  });
  const http = app.getHttpAdapter().getInstance();
  http.disable('x-powered-by');
  // No ETag on res.send answers: a GraphQL POST is never revalidated, and hashing every answer costs each request
  // (the web app's static files keep theirs: express.static makes its own).
  http.set('etag', false);
  http.set('trust proxy', opts.config.trustProxy); // req.ip: the sign-in throttle counts failures per client address
  // ?a[b]=1 becomes { a: { b: '1' } } (not a key "a[b]" beside a missing "a"), so QueryParamPipe can refuse it by name.
  http.set('query parser', 'extended');
  serveWebApp(app); // before parsing and tokens: static files need neither
  app.use(express.json({ limit: opts.config.bodyLimit }));
  app.use(bodyErrors);
  const contexts = app.get(RequestContextMiddleware);
  app.use((req: any, res: any, next: any) => contexts.use(req, res, next));
  // Raw input first: text that cannot be stored exactly, then query parameter shapes, then class-validator.
  app.useGlobalPipes(new TextSafetyPipe(), new QueryParamPipe(), createValidationPipe());
  // The schema first: what starts with the app (the notification worker, the live bus) finds its tables.
  await runMigrations(app.get(DataSource), (m) => (opts.logger === false ? undefined : new Logger('Migrations').log(m)));
  await app.init();
  return app;
}
