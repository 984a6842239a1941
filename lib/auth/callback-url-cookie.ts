import "server-only";
// Where a signed-in person was before a trip to Google that did not end in a sign-in (they declined the consent
// screen, or Google answered with an error). next-auth then sends the browser to its error page ("/", the
// sign-in page), which would otherwise drop them on the inbox; the page they came from is in next-auth's
// callback-url cookie, set when the trip started. Used only if it is a path on this site.
import { cookies } from "next/headers";
import { getConfig } from "../config";
import { sameOriginPath } from "./return-path";

// next-auth's names for it: the __Secure- prefix when NEXTAUTH_URL is https.
const CALLBACK_URL_COOKIES = ["__Secure-next-auth.callback-url", "next-auth.callback-url"];

/** The same-origin page next-auth was to return to, or /inbox. Never the sign-in page itself (no loop). */
export async function pageBeforeGoogle(): Promise<string> {
  const jar = await cookies();
  const appUrl = getConfig().auth.url;
  for (const name of CALLBACK_URL_COOKIES) {
    const path = sameOriginPath(jar.get(name)?.value, appUrl);
    if (path !== null && new URL(path, appUrl).pathname !== "/") return path;
  }
  return "/inbox";
}
