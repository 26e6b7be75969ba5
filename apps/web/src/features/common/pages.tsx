import { useState } from 'react';

/** Keyset pages of a connection: the cursors walked so far, so ‹ goes back and › forward. */
export function useCursorPages() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return {
    after: cursors.at(-1) ?? null,
    reset: () => setCursors([null]),
    footer: (pageInfo: { hasNextPage: boolean; endCursor?: string | null } | undefined) => (
      <span>
        {cursors.length > 1 ? <a onClick={() => setCursors(cursors.slice(0, -1))}>‹ </a> : null}
        {cursors.length}
        {pageInfo?.hasNextPage ? <a onClick={() => setCursors([...cursors, pageInfo.endCursor ?? null])}> ›</a> : null}
      </span>
    ),
  };
}

export const PAIRINGS = ['STRONG_WEAK', 'STRONG_NEW', 'STRONG_RURAL', 'STRONG_SUBURBAN', 'OTHER'] as const;
