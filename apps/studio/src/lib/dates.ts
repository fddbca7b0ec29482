import dayjs from 'dayjs';
import buddhistEra from 'dayjs/plugin/buddhistEra';
import 'dayjs/locale/th';

dayjs.extend(buddhistEra);

export type UiLanguage = 'th' | 'en';

/** The newsroom's clock: Thailand keeps UTC+7 all year (no daylight saving). */
const NEWSROOM_TZ = 'Asia/Bangkok';
const NEWSROOM_OFFSET = '+07:00';

/**
 * Calendar formats for Mantine's pickers: Buddhist Era years in Thai (BBBB), CE in English, on the labels people
 * see and on the names screen readers read out; `labels` names the previous/next buttons.
 */
export function pickerFormats(lang: UiLanguage, labels: { previous: string; next: string }) {
  const year = lang === 'th' ? 'BBBB' : 'YYYY';
  return {
    valueFormat: `D MMMM ${year}`,
    monthLabelFormat: `MMMM ${year}`,
    yearLabelFormat: year,
    decadeLabelFormat: year,
    yearsListFormat: year,
    previousLabel: labels.previous,
    nextLabel: labels.next,
    getDayAriaLabel: (day: string) => dayjs(day).locale(lang).format(`D MMMM ${year}`),
  };
}

// Built once per language: a list formats every row's dates, and building a formatter costs far more than using it.
const dateTimeFormats: Record<UiLanguage, Intl.DateTimeFormat> = {
  th: new Intl.DateTimeFormat('th-TH', { dateStyle: 'medium', timeStyle: 'short', timeZone: NEWSROOM_TZ }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: NEWSROOM_TZ }),
};

/** A date-time for people: Thai shows the Buddhist Era (th-TH), English CE; always in the newsroom's time zone. */
export function formatDateTime(iso: string, lang: UiLanguage): string {
  return dateTimeFormats[lang].format(new Date(iso));
}

/** The newsroom day (YYYY-MM-DD) of an instant or of a date-only value. */
export function newsroomDay(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return new Date(Date.parse(value) + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** A whole newsroom day as the API takes an event date: the date alone (no time), kept and shown as a day. */
export function dayToApi(day: string): string {
  return day;
}

/** A date and time picked in the newsroom's zone (YYYY-MM-DD HH:mm:ss) as an ISO instant with its offset. */
export function localDateTimeToApi(value: string): string {
  return `${value.replace(' ', 'T')}${NEWSROOM_OFFSET}`;
}
