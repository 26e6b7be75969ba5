import { Prng } from './kit';

/** The demo's calendar: its periods, school terms, holidays and vacations, and date arithmetic on 'YYYY-MM-DD'. */

/** Calendar dates as 'YYYY-MM-DD' strings (UTC arithmetic, no time zones involved). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
/** The next semester start (1 March or 1 September) strictly after `date`. */
export function nextSemester(date: string): string {
  const year = Number(date.slice(0, 4));
  for (const candidate of [`${year}-03-01`, `${year}-09-01`, `${year + 1}-03-01`]) if (candidate > date) return candidate;
  return `${year + 1}-09-01`;
}

/** When the schools were recorded: a fixed past instant, so that figures as of past dates count them. */
export const SCHOOLS_RECORDED_AT = '2020-09-01T00:00:00+08:00';
/** The last day any demo date may fall on. */
export const LATEST_DATE = '2026-11-01';
/** Experience is counted up to the 2026 school year. */
export const CURRENT_SCHOOL_YEAR = 2026;
/** Months with sessions (inclusive), and the upcoming ones. */
export const SESSION_FIRST_MONTH = '2025-05';
export const SESSION_LAST_MONTH = '2026-10';
export const SCHEDULED_FROM = '2026-11-26';
export const SCHEDULED_TO = '2026-12-24';
/** Sessions before this day have taken place. */
export const SESSIONS_ENDED_BEFORE = '2026-11-20';

/** Public holidays (no sessions) and school vacations (teacher training only: lesson preparation and lectures). */
export const PUBLIC_HOLIDAYS: ReadonlyArray<readonly [string, string]> = [
  ['2025-05-01', '2025-05-05'], ['2025-05-31', '2025-06-02'], ['2025-10-01', '2025-10-08'], ['2026-01-01', '2026-01-03'], ['2026-02-15', '2026-02-23'],
  ['2026-04-04', '2026-04-06'], ['2026-05-01', '2026-05-05'], ['2026-06-19', '2026-06-21'], ['2026-09-25', '2026-09-27'], ['2026-10-01', '2026-10-07'],
];
export const VACATIONS: ReadonlyArray<readonly [string, string]> = [['2025-07-05', '2025-08-31'], ['2026-01-24', '2026-03-01'], ['2026-07-04', '2026-08-31']];
export const within = (day: string, ranges: ReadonlyArray<readonly [string, string]>) => ranges.some(([from, to]) => day >= from && day <= to);

export const CHINA_OFFSET_MS = 8 * 3_600_000;
/** 'YYYY-MM-DD' + China wall-clock minutes after midnight -> ISO instant. */
export const chinaInstant = (day: string, minutes: number): string => new Date(Date.parse(`${day}T00:00:00Z`) - CHINA_OFFSET_MS + minutes * 60_000).toISOString();
export const plusSeconds = (iso: string, seconds: number): string => new Date(Date.parse(iso) + seconds * 1000).toISOString();
export const isWeekday = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d >= 1 && d <= 5;
};
/** Records up to this day have happened (as for the research sessions). */
export const RECORDED_UNTIL = SESSIONS_ENDED_BEFORE;
export const MENTORING_FROM = '2024-09-01';
export const FAR_FUTURE = '9999-12-31';

/** School terms: [period, first school day, last school day]. */
export const TERMS: ReadonlyArray<readonly [string, string, string]> = [
  ['2024-2025-1', '2024-09-02', '2025-01-17'],
  ['2024-2025-2', '2025-02-17', '2025-07-04'],
  ['2025-2026-1', '2025-09-01', '2026-01-23'],
  ['2025-2026-2', '2026-03-02', '2026-07-03'],
  ['2026-2027-1', '2026-09-01', '2027-01-22'],
];
/** Public holidays before the research sessions' calendar starts. */
export const EARLY_HOLIDAYS: ReadonlyArray<readonly [string, string]> = [['2024-10-01', '2024-10-07'], ['2025-01-01', '2025-01-01'], ['2025-04-04', '2025-04-06']];
export const isHoliday = (day: string) => within(day, PUBLIC_HOLIDAYS) || within(day, EARLY_HOLIDAYS);
export const termOf = (day: string) => TERMS.find(([, from, to]) => day >= from && day <= to);
export const isSchoolDay = (day: string) => isWeekday(day) && !isHoliday(day) && termOf(day) !== undefined;
export const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;
export const randomDay = (rng: Prng, from: string, to: string) => addDays(from, rng.int(0, dayNumber(to) - dayNumber(from)));
/** The first school day on or after `day`. */
export function schoolDayFrom(day: string): string {
  let d = day;
  while (!isSchoolDay(d)) d = addDays(d, 1);
  return d;
}
/** 2025 for 2025-09-01 to 2026-08-31. */
export const schoolYearOf = (day: string) => Number(day.slice(0, 4)) - (Number(day.slice(5, 7)) < 8 ? 1 : 0);
export const plusYears = (day: string, n: number) => `${Number(day.slice(0, 4)) + n}${day.slice(4)}`.replace(/-02-29$/, '-02-28');
export const maxDay = (...days: string[]) => days.reduce((a, b) => (a > b ? a : b));
export const minDay = (...days: string[]) => days.reduce((a, b) => (a < b ? a : b));
/** Months 'YYYY-MM' from `from` to `to`, inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let y = Number(from.slice(0, 4)), mo = Number(from.slice(5, 7)); `${y}-${String(mo).padStart(2, '0')}` <= to.slice(0, 7); mo === 12 ? (y++, (mo = 1)) : mo++) {
    out.push(`${y}-${String(mo).padStart(2, '0')}`);
  }
  return out;
}
export const daysOfMonth = (month: string): string[] => {
  const out: string[] = [];
  for (let d = `${month}-01`; d.startsWith(month); d = addDays(d, 1)) out.push(d);
  return out;
};
export const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
/** Half-open [from, to) periods overlap. */
export const overlapping = (list: ReadonlyArray<readonly [string, string]>, from: string, to: string) => list.some(([a, b]) => from < b && a < to);

/** '2026-03-16 16:20' (China time) as an instant. */
export const at = (when: string) => chinaInstant(when.slice(0, 10), Number(when.slice(11, 13)) * 60 + Number(when.slice(14, 16)));
/** The China calendar day of an instant. */
export const dayOf = (iso: string) => new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString().slice(0, 10);
