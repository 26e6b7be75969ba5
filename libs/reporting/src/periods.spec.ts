import { describe, expect, it } from '@jest/globals';
import { months, wholeMonths } from './reports.service';

describe('periods', () => {
  it('finds the whole months inside a period', () => {
    expect(wholeMonths('2025-01-01', '2025-12-31')).toEqual(['2025-01-01', '2026-01-01']);
    expect(wholeMonths('2025-01-15', '2025-03-31')).toEqual(['2025-02-01', '2025-04-01']);
    expect(wholeMonths('2025-01-01', '2025-03-30')).toEqual(['2025-01-01', '2025-03-01']);
    expect(wholeMonths('2024-02-01', '2024-02-29')).toEqual(['2024-02-01', '2024-03-01']);
    expect(wholeMonths('2025-01-15', '2025-01-20')).toEqual(['2025-02-01', '2025-02-01']); // none
    expect(wholeMonths('2025-12-02', '2026-01-30')).toEqual(['2026-01-01', '2026-01-01']); // none
  });
  it('lists the months of a period', () => {
    expect(months('2025-11-20', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});
