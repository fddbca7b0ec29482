import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { chooseLanguage } from '../../../i18n';

/** ไทย / English: the person's choice, remembered in this browser. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      aria-label={t('shell.language')}
      size="xs"
      value={i18n.language === 'th' ? 'th' : 'en'}
      onChange={(v) => chooseLanguage(v === 'th' ? 'th' : 'en')}
      data={[
        { value: 'th', label: 'ไทย' },
        { value: 'en', label: 'English' },
      ]}
    />
  );
}
