export type Lang = 'th' | 'en';

/** Newsroom dates are Thai local dates, whatever the server's zone. */
export const NEWSROOM_TIME_ZONE = 'Asia/Bangkok';

const locales: Record<Lang, string> = { th: 'th-TH-u-ca-buddhist', en: 'en-GB' };
const formats = new Map<Lang, Intl.DateTimeFormat>();

function format(lang: Lang): Intl.DateTimeFormat {
  let f = formats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(locales[lang], {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: NEWSROOM_TIME_ZONE,
    });
    formats.set(lang, f);
  }
  return f;
}

/** Thai shows the Buddhist Era (CE + 543: "10 เมษายน 2560"); English the Common Era ("10 April 2017"). */
export function formatDate(date: Date, lang: Lang): string {
  return format(lang).format(date);
}

/** A range collapses what the ends share: "10–11 เมษายน 2560", "30 เมษายน – 2 พฤษภาคม 2560". */
export function formatDateRange(start: Date, end: Date | undefined, lang: Lang): string {
  if (!end || sameDay(start, end, lang)) return formatDate(start, lang);
  return format(lang).formatRange(start, end);
}

function sameDay(a: Date, b: Date, lang: Lang): boolean {
  return formatDate(a, lang) === formatDate(b, lang);
}

/** The Buddhist-Era year of a date in the newsroom's zone. */
export function buddhistYear(date: Date): number {
  const year = new Intl.DateTimeFormat('en-US', { year: 'numeric', timeZone: NEWSROOM_TIME_ZONE }).format(date);
  return Number(year) + 543;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date without a time (`2017-04-10`), as a whole-day event is entered and shown. */
export function isDateOnly(value: string): boolean {
  return DATE_ONLY.test(value);
}

/** A whole day starts at midnight in the newsroom's zone (UTC+7 all year: Thailand keeps no summer time). */
export function startOfNewsroomDay(date: string): Date {
  return new Date(`${date}T00:00:00+07:00`);
}

/** The last millisecond of that day, for ranges that include the whole of their end date. */
export function endOfNewsroomDay(date: string): Date {
  return new Date(startOfNewsroomDay(date).getTime() + 86_400_000 - 1);
}

/** The newsroom's calendar date of an instant, `YYYY-MM-DD`. */
export function newsroomDateOf(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: NEWSROOM_TIME_ZONE }).format(instant);
}
