import { describe, expect, it } from '@jest/globals';
import { addDays, chinaDay, chinaDayStart, fixedClock, isValidDate, monthEnds, months, todayInChina, wholeMonths } from './china-date';

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
  it('puts an instant on its day in China (UTC+8)', () => {
    expect(chinaDay(new Date('2026-03-31T15:59:59Z'))).toBe('2026-03-31');
    expect(chinaDay(new Date('2026-03-31T16:00:00Z'))).toBe('2026-04-01');
    expect(chinaDayStart('2026-04-01').toISOString()).toBe('2026-03-31T16:00:00.000Z');
    expect(chinaDayStart('2026-04-01', 8 * 60 + 30).toISOString()).toBe('2026-04-01T00:30:00.000Z');
    expect(todayInChina(fixedClock('2025-12-31T20:00:00Z').now())).toBe('2026-01-01');
  });
  it('checks calendar dates and counts days across months and leap years', () => {
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2025-02-29')).toBe(false);
    expect(isValidDate('2025-13-01')).toBe(false);
    expect(isValidDate('2025-1-01')).toBe(false);
    expect(isValidDate(20250101)).toBe(false);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
  });
  it('lists month-ends up to a day, the last one being the day itself', () => {
    expect(monthEnds('2026-03-15', 3)).toEqual([
      { month: '2026-01', day: '2026-01-31' },
      { month: '2026-02', day: '2026-02-28' },
      { month: '2026-03', day: '2026-03-15' },
    ]);
    expect(monthEnds('2025-01-31', 2)).toEqual([
      { month: '2024-12', day: '2024-12-31' },
      { month: '2025-01', day: '2025-01-31' },
    ]);
  });
});
