export const REPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * Every report download, below /reports (the controller's routes use these paths), with the query parameters
 * each accepts.
 */
export const REPORT_ROUTES = {
  groupActivity: { path: 'groups/:groupId/activity.:format', query: ['from', 'to'] },
  coverage: { path: 'regions/:regionId/coverage.:format', query: ['asOf'] },
  regionActivity: { path: 'regions/:regionId/activity.:format', query: ['from', 'to'] },
  trend: { path: 'regions/:regionId/trend.:format', query: ['months', 'asOf'] },
  breakdown: { path: 'regions/:regionId/breakdown.:format', query: ['from', 'to', 'asOf'] },
} as const;
