// "Chrome on Linux": enough of a User-Agent for a person to recognise their own browser in the sessions list.
// Deliberately coarse (no versions): the string is the browser's claim, shown back to its owner, never trusted.

const BROWSERS: [RegExp, string][] = [
  [/\bEdg(e|A|iOS)?\//, "Edge"],
  [/\bOPR\/|\bOpera\b/, "Opera"],
  [/\bFirefox\/|\bFxiOS\//, "Firefox"],
  [/\b(Headless)?Chrom(e|ium)\/|\bCriOS\//, "Chrome"],
  [/\bVersion\/[\d.]+.*\bSafari\//, "Safari"],
  [/\bcurl\//, "curl"],
];

const SYSTEMS: [RegExp, string][] = [
  [/\bAndroid\b/, "Android"],
  [/\b(iPhone|iPad|iPod)\b/, "iOS"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\bWindows\b/, "Windows"],
  [/\bMac OS X\b|\bMacintosh\b/, "macOS"],
  [/\bLinux\b/, "Linux"],
];

const firstMatch = (table: [RegExp, string][], userAgent: string) => table.find(([pattern]) => pattern.test(userAgent))?.[1];

/** A browser and system by their (untranslated) product names; null when the browser sent no User-Agent. */
export type Device = { browser: string | null; system: string | null } | null;

export function deviceOf(userAgent: string | null | undefined): Device {
  if (!userAgent) return null;
  return { browser: firstMatch(BROWSERS, userAgent) ?? null, system: firstMatch(SYSTEMS, userAgent) ?? null };
}
