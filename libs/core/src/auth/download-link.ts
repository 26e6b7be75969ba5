import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * Signed download links: a browser follows a plain link (no Authorization header possible), so a report path
 * carries `dl=<signature>` instead, valid for a few minutes, for one user and exactly that path and query.
 * The request then runs as that user with their roles as they are at that moment (ContextFactory).
 *
 * The key is derived from JWT_SECRET for this purpose only (HKDF, its own label): a link is not a bearer token,
 * and a bearer token is not a link.
 */
export const DOWNLOAD_LINK_PARAM = 'dl';
export const DOWNLOAD_LINK_TTL_SECONDS = 300;
/** Links are accepted on these paths only; every other path ignores `dl`. */
export const DOWNLOAD_LINK_PREFIX = '/reports/';

const LABEL = 'school-groups download link v1';
const UUID_HEX = /^[0-9a-f]{32}$/;

const keys = new Map<string, Buffer>();
const keyOf = (secret: string) => {
  let key = keys.get(secret);
  if (!key) keys.set(secret, (key = Buffer.from(hkdfSync('sha256', secret, '', LABEL, 32))));
  return key;
};
const mac = (secret: string, userId: string, expires: number, version: number, pathAndQuery: string) =>
  createHmac('sha256', keyOf(secret)).update(`${userId}\n${expires}\n${version}\n${pathAndQuery}`).digest();

/** The path and query of a URL without its `dl` parameter(s), parameters otherwise untouched and in order. */
function withoutLink(pathAndQuery: string): { path: string; links: string[] } {
  const at = pathAndQuery.indexOf('?');
  if (at < 0) return { path: pathAndQuery, links: [] };
  const links: string[] = [];
  const rest = pathAndQuery
    .slice(at + 1)
    .split('&')
    .filter((p) => {
      const [name, value = ''] = p.split('=', 2);
      if (name !== DOWNLOAD_LINK_PARAM) return true;
      links.push(value);
      return false;
    });
  return { path: pathAndQuery.slice(0, at) + (rest.length ? `?${rest.join('&')}` : ''), links };
}

/**
 * `pathAndQuery` with a `dl` parameter added, for `userId` at token version `version` (a logout or password change
 * ends the link with the user's tokens), expiring `ttlSeconds` after `now`. The caller has checked the path (it
 * must be one a link may open) and that it carries no `dl` of its own.
 */
export function signDownloadLink(
  secret: string,
  userId: string,
  version: number,
  pathAndQuery: string,
  { now = Date.now(), ttlSeconds = DOWNLOAD_LINK_TTL_SECONDS }: { now?: number; ttlSeconds?: number } = {},
): { url: string; expiresAt: Date } {
  const expires = Math.floor(now / 1000) + ttlSeconds;
  const id = userId.replace(/-/g, '').toLowerCase();
  const payload = Buffer.alloc(24);
  Buffer.from(id, 'hex').copy(payload);
  payload.writeUInt32BE(expires, 16);
  payload.writeUInt32BE(version, 20);
  const signature = `${payload.toString('base64url')}.${mac(secret, id, expires, version, pathAndQuery).toString('base64url')}`;
  const url = `${pathAndQuery}${pathAndQuery.includes('?') ? '&' : '?'}${DOWNLOAD_LINK_PARAM}=${signature}`;
  return { url, expiresAt: new Date(expires * 1000) };
}

/** The user and token version of a valid, unexpired link for exactly this path and query (as sent), else null. */
export function verifyDownloadLink(secret: string, originalUrl: string, now = Date.now()): { userId: string; version: number } | null {
  const { path, links } = withoutLink(originalUrl);
  if (links.length !== 1) return null;
  const [payloadPart, macPart, extra] = links[0].split('.');
  if (!payloadPart || !macPart || extra !== undefined) return null;
  const payload = Buffer.from(payloadPart, 'base64url');
  const given = Buffer.from(macPart, 'base64url');
  if (payload.length !== 24 || given.length !== 32) return null;
  const id = payload.subarray(0, 16).toString('hex');
  const expires = payload.readUInt32BE(16);
  const version = payload.readUInt32BE(20);
  if (!UUID_HEX.test(id) || expires * 1000 <= now) return null;
  if (!timingSafeEqual(given, mac(secret, id, expires, version, path))) return null;
  return { userId: `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20)}`, version };
}

/** The URL to verify when a request is a link download: a GET of a report path with `dl` and no Authorization header. */
export function downloadLinkRequest(req: { method?: string; originalUrl?: string; url?: string; headers?: Record<string, unknown> }): string | null {
  const url = req.originalUrl ?? req.url ?? '';
  if (req.headers?.authorization || (req.method !== 'GET' && req.method !== 'HEAD') || !url.startsWith(DOWNLOAD_LINK_PREFIX)) return null;
  return withoutLink(url).links.length ? url : null;
}
