import {
  createContext,
  useContext,
  useLayoutEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import type { Locale } from '../obshell/client';

export type { Locale };

const STORAGE_KEY = 'obdash.locale';

export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'zh';
}

/** The browser globals read here; each may be absent (Node tests, the API client outside a page). */
const browser: Partial<Pick<typeof globalThis, 'localStorage' | 'navigator' | 'document'>> =
  globalThis;

/** Saved choice, else the browser's language (any zh-* → zh), else English. */
export function detectLocale(): Locale {
  try {
    const saved = browser.localStorage?.getItem(STORAGE_KEY);
    if (isLocale(saved)) return saved;
  } catch {
    // Storage can be blocked in a sandboxed iframe; fall back to the browser language.
  }
  const languages = browser.navigator?.languages ?? [];
  return languages.some((lang) => lang.toLowerCase().startsWith('zh')) &&
    !languages[0]?.toLowerCase().startsWith('en')
    ? 'zh'
    : 'en';
}

/** The UI locale as the page declares it (`<html lang>`), for code outside React such as the API client. */
export function documentLocale(): Locale {
  return browser.document?.documentElement.lang.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

interface LocaleContextValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

const LocaleContext = createContext<LocaleContextValue | null>(null);

export function LocaleProvider({ initial, children }: { initial?: Locale; children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => initial ?? detectLocale());
  // A layout effect runs before any child's passive effect, so the very first obshell request
  // (started by a query in a child) already carries the right Accept-Language.
  useLayoutEffect(() => {
    document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
  }, [locale]);
  const value = useMemo<LocaleContextValue>(
    () => ({
      locale,
      setLocale(next) {
        setLocaleState(next);
        try {
          browser.localStorage?.setItem(STORAGE_KEY, next);
        } catch {
          // Not fatal: the choice just will not survive a reload.
        }
      },
    }),
    [locale],
  );
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleContextValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale must be used inside <LocaleProvider>');
  return value;
}
