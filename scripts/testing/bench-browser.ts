// The browser the bench modules measure in: the system's Chromium (nothing is downloaded), started as in CI.
import { type Browser, type Page, chromium } from "@playwright/test";

const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run"];

export function launchBenchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

/** A `Cookie` header's pairs as the browser's cookies for the app's origin. */
export function cookiesFor(appUrl: string, cookieHeader: string) {
  return cookieHeader.split("; ").map((pair) => {
    const at = pair.indexOf("=");
    return { name: pair.slice(0, at), value: pair.slice(at + 1), url: appUrl };
  });
}

/** A new page in a fresh context of `browser`, signed in as the `Cookie` header says. */
export async function signedInPage(browser: Browser, appUrl: string, cookieHeader: string): Promise<Page> {
  const context = await browser.newContext();
  await context.addCookies(cookiesFor(appUrl, cookieHeader));
  return context.newPage();
}
