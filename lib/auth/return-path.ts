// Where to send the browser back to after a trip to Google (or after declining one): a path on this site
// only. A scheme, a protocol-relative `//host`, a backslash (which browsers read as a slash) or any
// whitespace or control character (which browsers strip, turning `/\t/evil` into `//evil`) is refused.

const MAX_LENGTH = 2000;
const SAFE_PATH = /^\/(?![/\\])[^\\\s\u0000-\u001f\u007f]*$/;

/** The path if it is a safe same-origin path, else null. */
export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== "string" || value.length > MAX_LENGTH || !SAFE_PATH.test(value)) return null;
  return value;
}

/**
 * The same-origin path of an absolute URL (a Referer, next-auth's callback-url cookie), or null when it names
 * another origin or is not a URL.
 */
export function sameOriginPath(value: string | null | undefined, appOrigin: string): string | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value, appOrigin);
  } catch {
    return null;
  }
  if (url.origin !== new URL(appOrigin).origin) return null;
  return safeReturnPath(`${url.pathname}${url.search}`);
}
