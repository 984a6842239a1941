// Whether this tab may prefetch at all: never in a background tab, never when the browser asks to save data,
// and never when the person (or the benchmark, measuring a cold opening) switched it off for this browser
// with `localStorage["mailroom.prefetch"] = "off"`.

export const PREFETCH_SWITCH_KEY = "mailroom.prefetch";

type NetworkInformation = { saveData?: boolean };

export function prefetchAllowed(): boolean {
  if (document.visibilityState !== "visible") return false;
  if ((navigator as Navigator & { connection?: NetworkInformation }).connection?.saveData) return false;
  try {
    return window.localStorage.getItem(PREFETCH_SWITCH_KEY) !== "off";
  } catch {
    // Storage refused (a privacy mode): nothing was switched off.
    return true;
  }
}
