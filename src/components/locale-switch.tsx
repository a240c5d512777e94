import { SegmentedControl } from '@mantine/core';
import { isLocale, useLocale } from '../lib/i18n/locale';
import { defineMessages, useMessages } from '../lib/i18n/messages';

const messages = defineMessages({
  en: { label: 'Language' },
  zh: { label: '语言' },
});

// Each language is named in itself, so a user who cannot read the current one still finds theirs.
const options = [
  { value: 'zh', label: '中文' },
  { value: 'en', label: 'English' },
];

/** zh-CN / en-US switch; the choice is remembered (it is not a secret). */
export function LocaleSwitch() {
  const t = useMessages(messages);
  const { locale, setLocale } = useLocale();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t.label}
      value={locale}
      data={options}
      onChange={(value) => {
        if (isLocale(value)) setLocale(value);
      }}
    />
  );
}
