// The interface's languages, and how one is chosen. Pure (no request, no React): the server's request config,
// the language setting and the tests share these rules.

export const LOCALES = ["en", "he"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** The cookie a browser keeps its chosen language in (before sign-in, and so a page needs no database read). */
export const LANGUAGE_COOKIE = "mailroom_lang";

/** What the language setting offers, each named in its own language. */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: "English", he: "עברית" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function directionOf(locale: Locale): "ltr" | "rtl" {
  return locale === "he" ? "rtl" : "ltr";
}

const TAG_SHAPE = /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/;

/** An Accept-Language header's tags, most preferred first ("he-IL;q=0.9, en" → ["en", "he-IL"]); at most 20 read. */
export function preferredLanguageTags(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .split(",")
    .slice(0, 20)
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter(({ tag, q }) => TAG_SHAPE.test(tag) && q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map(({ tag }) => tag);
}

/** The first interface language among the tags ("he-IL" → he; "iw" is Hebrew's old code), else English. */
export function interfaceLocaleOf(tags: readonly string[]): Locale {
  for (const tag of tags) {
    const base = tag.split("-")[0]!.toLowerCase();
    if (base === "iw") return "he";
    if (isLocale(base)) return base;
  }
  return DEFAULT_LOCALE;
}

/**
 * The tag dates and numbers are written with: the person's own regional variant of the interface language when
 * they asked for one ("en-GB" writes 20/11/2025), else the language's usual region.
 */
export function formattingLocaleOf(locale: Locale, tags: readonly string[]): string {
  for (const tag of tags) {
    if (tag.split("-")[0]!.toLowerCase() !== locale) continue;
    try {
      const [supported] = Intl.DateTimeFormat.supportedLocalesOf([tag]);
      if (supported) return supported;
    } catch {
      // A tag Intl rejects is skipped like an unsupported one.
    }
  }
  return locale === "he" ? "he-IL" : "en-US";
}
