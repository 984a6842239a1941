// The pure modules that put the list's sentences together take the translator they need, so they stay
// testable without React: next-intl's `useTranslations("list")` in the page, `createTranslator` in tests.

/** A translator for some of the "list" catalogue's messages, by key. */
export type Translate<Key extends string> = (key: Key, values?: Record<string, string | number>) => string;
