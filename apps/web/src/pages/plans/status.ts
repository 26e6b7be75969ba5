/** Tag colours of a plan's status, the same on every page. */
export const STATUS_COLOR: Record<string, string> = { DRAFT: 'default', IN_REVIEW: 'gold', APPROVED: 'cyan', PUBLISHED: 'green', ARCHIVED: 'red' };
