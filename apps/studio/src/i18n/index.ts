import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import { notifications } from '@mantine/notifications';
import type { UiLanguage } from '../lib/dates';
import en from './en.json';
import th from './th.json';
// Part 2's rooms keep their strings in files of their own, merged in below.
import adminEn from './admin.en.json';
import adminTh from './admin.th.json';
import socialEn from './social.en.json';
import socialTh from './social.th.json';

export const UI_LANGUAGES: readonly UiLanguage[] = ['th', 'en'];
const STORAGE_KEY = 'khao.studio.language';

/** The person's choice if they made one, else the browser's: Thai for Thai browsers, English otherwise. */
function initialLanguage(): UiLanguage {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'th' || stored === 'en') return stored;
  return navigator.languages.some((l) => l.toLowerCase().startsWith('th')) ? 'th' : 'en';
}

function apply(lang: string) {
  document.documentElement.lang = lang;
  dayjs.locale(lang);
}

/** After a switch, confirmations already on screen would speak the old language: they go. */
function switched(lang: string) {
  apply(lang);
  notifications.clean();
}

void i18n.use(initReactI18next).init({
  resources: { th: { translation: th }, en: { translation: en } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});
for (const [lang, bundle] of [
  ['en', adminEn],
  ['th', adminTh],
  ['en', socialEn],
  ['th', socialTh],
] as const) {
  i18n.addResourceBundle(lang, 'translation', bundle, true, false);
}
apply(i18n.language);
i18n.on('languageChanged', switched);

export function chooseLanguage(lang: UiLanguage): void {
  localStorage.setItem(STORAGE_KEY, lang);
  void i18n.changeLanguage(lang);
}

export function currentLanguage(): UiLanguage {
  return i18n.language === 'th' ? 'th' : 'en';
}

export default i18n;
