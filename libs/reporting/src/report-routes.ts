import { badInput, DOWNLOAD_LINK_PARAM, DOWNLOAD_LINK_PREFIX } from '#app/core';

export const REPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * Every report download, below /reports (the controller's routes use these paths), with the query parameters
 * each accepts: a download link may be made for exactly these.
 */
export const REPORT_ROUTES = {
  groupActivity: { path: 'groups/:groupId/activity.:format', query: ['from', 'to'] },
  coverage: { path: 'regions/:regionId/coverage.:format', query: ['asOf'] },
  regionActivity: { path: 'regions/:regionId/activity.:format', query: ['from', 'to'] },
  trend: { path: 'regions/:regionId/trend.:format', query: ['months', 'asOf'] },
  breakdown: { path: 'regions/:regionId/breakdown.:format', query: ['from', 'to', 'asOf'] },
  groups: { path: 'regions/:regionId/groups.:format', query: ['from', 'to'] },
  balance: { path: 'regions/:regionId/balance.:format', query: ['year', 'asOf', 'moves'] },
  balancePlan: { path: 'regions/:regionId/balance-plan.:format', query: ['year', 'asOf', 'maxMoves', 'acrossGroups'] },
} as const;

const MATCHERS = Object.values(REPORT_ROUTES).map((r) => ({
  query: r.query as readonly string[],
  re: new RegExp(
    '^' +
      (DOWNLOAD_LINK_PREFIX + r.path)
        .replace(/\./g, '\\.')
        .replace(/:format/, `(?:${REPORT_FORMATS.join('|')})`)
        .replace(/:\w+Id/g, '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}') +
      '$',
  ),
}));

const EXAMPLE = '/reports/regions/<regionId>/coverage.xlsx?asOf=2026-06-30';
/** Long enough for a what-if of 100 moves (teacherId:toSchoolId, about 80 characters each encoded); browsers and Node take such a URL. */
const MAX_PATH = 10_000;

/** A report path with its query, as a browser will send it back; BAD_USER_INPUT (field path) for anything else. */
export function reportPathOf(input: string): string {
  if (typeof input !== 'string' || input.length > MAX_PATH || !input.startsWith(DOWNLOAD_LINK_PREFIX) || /[\s#\\]/.test(input)) {
    throw badInput('path', { zh: `「path」须为报表路径及其查询参数，例如 ${EXAMPLE}`, en: `path is a report path with its query, e.g. ${EXAMPLE}` });
  }
  const base = 'http://link.invalid';
  const url = new URL(input, base);
  const route = url.origin === base ? MATCHERS.find((m) => m.re.test(url.pathname)) : undefined;
  if (!route) throw badInput('path', { zh: `「path」不是报表下载地址（例如 ${EXAMPLE}）`, en: `path is not a report download (e.g. ${EXAMPLE})` });
  const names = [...url.searchParams.keys()];
  const bad = names.find((n, i) => n === DOWNLOAD_LINK_PARAM || !route.query.includes(n) || names.indexOf(n) !== i);
  if (bad !== undefined) throw badInput('path', { zh: `该报表的参数为 ${route.query.join('、')}，每个最多出现一次（不接受“${bad}”）`, en: `This report takes the parameters ${route.query.join(', ')}, each at most once (not "${bad}")` });
  return url.pathname + url.search;
}
