import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import express from 'express';

/** Paths the API answers itself: never the web app's index.html. */
const API_PREFIXES = ['/graphql', '/socket.io', '/health', '/reports', '/imports', '/assets/'];

/** Where `vite build` puts the web app (apps/web/vite.config.mts). */
export const webAppDir = (dir = process.env.WEB_DIR) => path.resolve(dir ?? path.join(process.cwd(), 'dist', 'web'));

/**
 * Serves the built web app at `/` on the API's port: hashed files under /assets for a year (immutable), a
 * missing asset is 404 (not the page), and any other GET that asks for HTML gets index.html (history
 * fallback), so a deep link such as /groups/<id> reloads. Registered as middleware before the API's routes, it
 * steps aside for every API path.
 */
export function serveWebApp(app: INestApplication, dir = webAppDir()): boolean {
  const index = path.join(dir, 'index.html');
  if (!existsSync(index)) return false;
  app.use(
    '/assets',
    express.static(path.join(dir, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: true }),
    (_req: express.Request, res: express.Response) => res.status(404).type('text/plain').send('Not found'),
  );
  app.use(express.static(dir, { index: false, maxAge: '1h' }));
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (API_PREFIXES.some((p) => req.path === p.replace(/\/$/, '') || req.path.startsWith(p.endsWith('/') ? p : `${p}/`))) return next();
    if (!req.accepts('html')) return next();
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}
