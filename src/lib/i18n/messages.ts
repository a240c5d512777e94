import { useLocale, type Locale } from './locale';

/** A message is a plain string or a function of its parameters. */
type Message = string | ((...args: never[]) => string);

/**
 * Each feature keeps its own strings next to its code. The zh table must have exactly the keys and
 * parameter shapes of the en table, so a missing translation is a type error.
 */
export function defineMessages<T extends Record<string, Message>>(tables: {
  en: T;
  zh: { [K in keyof T]: T[K] };
}): Record<Locale, T> {
  return tables;
}

export function useMessages<T extends Record<string, Message>>(tables: Record<Locale, T>): T {
  return tables[useLocale().locale];
}
