import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import i18n, { isLanguage, type Language } from '../i18n';
import { useMe, useSetLanguage } from '../features/auth/session';

/** ko/en switch: applies at once; when signed in, the choice is remembered for the user. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const me = useMe();
  const setLanguage = useSetLanguage();
  const current: Language = isLanguage(i18n.language) ? i18n.language : 'en';
  const change = (value: string) => {
    if (!isLanguage(value)) return;
    if (me.data) setLanguage.mutate(value);
    else void i18n.changeLanguage(value);
  };
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      value={current}
      onChange={change}
      data={[
        { value: 'ko', label: '한국어' },
        { value: 'en', label: 'English' },
      ]}
    />
  );
}
