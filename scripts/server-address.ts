// a deep relative import on purpose: the web app's Vite config loads this file, and #app/* would load the server's compiled index
import { loadConfig } from '../libs/core/src/config/app-config';

/**
 * The address of the running server, for every helper script that talks to one (npm run demo:live; the README examples run with the same):
 * `API_URL` when set, else `PORT` and `HOST` read exactly as the server reads them (loadConfig), with a wildcard
 * host (0.0.0.0, ::) reached as localhost.
 */
export function serverAddress(env: NodeJS.ProcessEnv = process.env): string {
  if (env.API_URL) return env.API_URL.replace(/\/+$/, '');
  const { port, host } = loadConfig({ PORT: env.PORT, HOST: env.HOST });
  const reach = host === '0.0.0.0' || host === '::' || host === '' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${reach}:${port}`;
}
