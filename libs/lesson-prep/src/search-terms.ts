/**
 * Search that works for Chinese without a word segmenter or a database extension: text is indexed as the set
 * of its Han characters and Han bigrams plus its other words (letters and digits, lower-cased). A query
 * matches a revision when every bigram (or single character) and word-prefix of the query is in its set (a
 * GIN index answers that), and then each phrase of the query (split at white space) is checked with ILIKE, so "分数的意义" finds exactly the
 * plans that contain that phrase.
 */
const HAN = /\p{Script=Han}/u;
const RUN = /\p{Script=Han}+|[\p{L}\p{N}]+/gu;
const MAX_WORD = 60;
const MAX_TERMS = 20_000;

const normalise = (text: string) => text.normalize('NFKC').toLowerCase();

/** Index terms of a text (unique). */
export function documentTerms(...parts: (string | null | undefined)[]): string[] {
  const terms = new Set<string>();
  for (const part of parts) {
    if (!part) continue;
    for (const [run] of normalise(part).matchAll(RUN)) {
      if (terms.size >= MAX_TERMS) return [...terms];
      if (HAN.test(run[0])) {
        const chars = [...run];
        chars.forEach((c, i) => {
          terms.add(c);
          if (i + 1 < chars.length) terms.add(c + chars[i + 1]);
        });
      } else terms.add(run.slice(0, MAX_WORD));
    }
  }
  return [...terms];
}

const quote = (term: string) => `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** A tsquery (for `::tsquery`) that every matching document satisfies; null when the query has no letters or digits. */
export function queryTerms(query: string): string | null {
  const parts: string[] = [];
  for (const [run] of normalise(query).matchAll(RUN)) {
    if (HAN.test(run[0])) {
      const chars = [...run];
      if (chars.length === 1) parts.push(quote(chars[0]));
      for (let i = 0; i + 1 < chars.length; i++) parts.push(quote(chars[i] + chars[i + 1]));
    } else parts.push(`${quote(run.slice(0, MAX_WORD))}:*`);
  }
  return parts.length ? [...new Set(parts)].join(' & ') : null;
}

/** The query's phrases (split at white space) as ILIKE patterns, each anywhere, with LIKE's wildcards escaped: all must match. */
export const likePatterns = (query: string) =>
  query
    .trim()
    .split(/\s+/u)
    .filter(Boolean)
    .map((phrase) => `%${phrase.replace(/[\\%_]/g, (c) => '\\' + c)}%`);
