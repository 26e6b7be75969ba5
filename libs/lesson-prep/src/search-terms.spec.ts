import { describe, expect, it } from '@jest/globals';
import { lineDiff, unified } from './plan-diff';
import { documentTerms, likePatterns, queryTerms } from './search-terms';

describe('search terms for Chinese and other text', () => {
  it('indexes Han characters and bigrams and lower-cased words', () => {
    const terms = documentTerms('分数的意义 Fractions 5.1');
    expect(terms).toEqual(expect.arrayContaining(['分', '分数', '数的', '的意', '意义', '义', 'fractions', '5', '1']));
    expect(terms).not.toContain('分数的');
  });
  it('queries every bigram of a Chinese phrase, a single character, and word prefixes', () => {
    expect(queryTerms('分数的意义')).toBe("'分数' & '数的' & '的意' & '意义'");
    expect(queryTerms('数')).toBe("'数'");
    expect(queryTerms('Frac 分数')).toBe("'frac':* & '分数'");
    expect(queryTerms('  ！？ ')).toBeNull();
  });
  it('every term of a query is in a document that contains the phrase', () => {
    const doc = new Set(documentTerms('第二单元 《分数的意义》教学设计：认识单位“1”'));
    for (const q of ['分数的意义', '单位', '教学设计', '1']) {
      const needed = queryTerms(q)!.split(' & ').map((t) => t.replace(/^'|'(:\*)?$/g, ''));
      expect(needed.every((t) => doc.has(t) || [...doc].some((d) => d.startsWith(t)))).toBe(true);
    }
  });
  it('escapes LIKE wildcards and quotes', () => {
    expect(likePatterns(' 100%_a\\ ')).toEqual(['%100\\%\\_a\\\\%']);
    expect(likePatterns('分月饼\u3000 板书')).toEqual(['%分月饼%', '%板书%']);
    expect(queryTerms("o'neil")).toBe("'o':* & 'neil':*");
  });
});

describe('line diff', () => {
  it('numbers lines on both sides', () => {
    const d = lineDiff('一\n二\n三', '一\n贰\n三\n四');
    expect(d.map((x) => [x.op, x.text, x.fromLine, x.toLine])).toEqual([
      ['EQUAL', '一', 1, 1],
      ['REMOVED', '二', 2, null],
      ['ADDED', '贰', null, 2],
      ['EQUAL', '三', 3, 3],
      ['ADDED', '四', null, 4],
    ]);
    expect(unified(d)).toBe(' 一\n-二\n+贰\n 三\n+四');
    expect(lineDiff('', 'a')).toEqual([{ op: 'ADDED', text: 'a', fromLine: null, toLine: 1 }]);
  });
});
