import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);

/**
 * The one place for calendar dates (issue: one rule, one place). Dates are strings `YYYY-MM-DD` (a calendar day,
 * no zone), months `YYYY-MM`; instants are `Date`. "The day" of an instant is its day in China: Asia/Shanghai is
 * UTC+8 all year (no daylight saving since 1991), so a fixed offset is exact.
 */
export const CHINA_UTC_OFFSET_MINUTES = 8 * 60;

const DAY = 'YYYY-MM-DD';
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day as a UTC midnight, for arithmetic only (days have no zone). */
const asDay = (day: string): Dayjs => dayjs.utc(day);

/** Whether `value` is a real calendar date written YYYY-MM-DD (2025-02-30 is not). */
export function isValidDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const d = asDay(value);
  return d.isValid() && d.year() === +m[1] && d.month() === +m[2] - 1 && d.date() === +m[3];
}

/** The calendar day in China of an instant. */
export const chinaDay = (instant: Date): string => dayjs(instant).utcOffset(CHINA_UTC_OFFSET_MINUTES).format(DAY);

/** Today's date in China: the default for joinedOn, leftOn, asOf. */
export const todayInChina = (now: Date = new Date()): string => chinaDay(now);

/** The instant a China calendar day begins (00:00 UTC+8), plus `minutes`. */
export const chinaDayStart = (day: string, minutes = 0): Date =>
  asDay(day).subtract(CHINA_UTC_OFFSET_MINUTES, 'minute').add(minutes, 'minute').toDate();

/** The same as chinaDay, in SQL, for a timestamptz column or expression. */
export const chinaDaySql = (col: string) => `((${col} AT TIME ZONE 'UTC') + interval '8 hours')::date`;

export const addDays = (day: string, days: number): string => asDay(day).add(days, 'day').format(DAY);
export const addYears = (day: string, years: number): string => asDay(day).add(years, 'year').format(DAY);
/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => asDay(to).diff(asDay(from), 'day');

export const monthStart = (day: string): string => day.slice(0, 8) + '01';

/** The school year a day falls in, by the year it starts in (on 1 September): 2026-03-01 is in 2025. */
export const schoolYearOf = (day: string): number => Number(day.slice(0, 4)) - (day.slice(5) >= '09-01' ? 0 : 1);
export const nextMonthStart = (day: string): string => asDay(monthStart(day)).add(1, 'month').format(DAY);
/** The last day of the day's month. */
export const monthEnd = (day: string): string => asDay(monthStart(day)).endOf('month').format(DAY);

/** Every month `YYYY-MM` from the month of `from` to the month of `to`, both included. */
export function months(from: string, to: string): string[] {
  const out: string[] = [];
  const last = to.slice(0, 7);
  for (let m = asDay(from.slice(0, 7) + '-01'); m.format('YYYY-MM') <= last; m = m.add(1, 'month')) out.push(m.format('YYYY-MM'));
  return out;
}

/** [first day of the first whole month in the period, first day after the last whole month); empty when equal. */
export function wholeMonths(from: string, to: string): [string, string] {
  const start = from === monthStart(from) ? from : nextMonthStart(from);
  const end = to === monthEnd(to) ? nextMonthStart(to) : monthStart(to);
  return start < end ? [start, end] : [start, start];
}

/** The last `count` month-ends up to asOf, oldest first; asOf's own month ends at asOf. */
export function monthEnds(asOf: string, count: number): { month: string; day: string }[] {
  const start = asDay(monthStart(asOf)).subtract(count - 1, 'month').format(DAY);
  return months(start, asOf).map((month) => {
    const last = monthEnd(`${month}-01`);
    return { month, day: last < asOf ? last : asOf };
  });
}

/** A source of the current instant. Services read time through the request context (`ctx.now()`), never `new Date()`. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock standing at a given instant (the demo plays its history at the history's own dates). */
export const fixedClock = (at: Date | string): Clock => {
  const instant = new Date(at);
  return { now: () => new Date(instant) };
};
