import type { Page } from "@playwright/test";
import { SEED_FIXTURES } from "../emulator/seed";
import { expect, test } from "./fixtures";
import { datesInHtml, datesOnPage, hydrationProblems } from "./hydration-helpers";
import { HEBREW, deliverMixedDirectionMail, forgetChosenLanguages, signInInAnyLanguage } from "./interface-language-helpers";

// The Hebrew interface in Israel's zone (the server runs in UTC and defaults to US English): any string, date or
// direction the server wrote differently from the browser would be a hydration difference React reports.
test.use({ locale: HEBREW.locale, timezoneId: HEBREW.timezoneId });

/** Loads the page and waits for React to have hydrated it (the document complete, the network quiet). */
async function visit(page: Page, path: string): Promise<string> {
  const response = await page.goto(path);
  await page.waitForLoadState("networkidle");
  expect(response?.status(), path).toBe(200);
  return response!.text();
}

/** The browser has told the server its zone (the cookie the first page sets), so pages now come in it. */
async function zoneKnown(page: Page): Promise<void> {
  await expect
    .poll(async () => (await page.context().cookies()).find((cookie) => cookie.name === "mailroom_tz")?.value)
    .toBe(encodeURIComponent(HEBREW.timezoneId));
}

const fullHebrewDate = (iso: string) =>
  new Intl.DateTimeFormat(HEBREW.locale, { dateStyle: "full", timeStyle: "short", timeZone: HEBREW.timezoneId }).format(new Date(iso));

test("in Hebrew, the sign-in page, the inbox, conversations, drafts, scheduled and settings hydrate without a difference", async ({
  page,
  emulator,
}) => {
  forgetChosenLanguages();
  const problems = hydrationProblems(page);
  await visit(page, "/");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  const threads = await deliverMixedDirectionMail(emulator);
  await signInInAnyLanguage(page);
  const paths = [
    "/inbox",
    `/inbox/${threads.hebrew}`,
    `/inbox/${threads.mixed}`,
    `/inbox/${SEED_FIXTURES.ada.thread.id}`,
    "/drafts",
    "/scheduled",
    "/settings",
    "/inbox?label=ALL",
    `/inbox?q=${encodeURIComponent("nothing-matches-this-zq")}`,
  ];
  for (const path of paths) {
    await visit(page, path);
    await expect(page.locator("html"), path).toHaveAttribute("dir", "rtl");
    await visit(page, path); // once more: now the server knows the browser's zone for sure
  }
  expect(problems).toEqual([]);
});

test("in Hebrew, the dates of the list and of a conversation are the same text in the server's HTML and once hydrated", async ({
  page,
  emulator,
}) => {
  forgetChosenLanguages();
  const problems = hydrationProblems(page);
  const threads = await deliverMixedDirectionMail(emulator);
  await signInInAnyLanguage(page);
  await visit(page, "/inbox");
  await zoneKnown(page);

  for (const path of ["/inbox", `/inbox/${threads.hebrew}`, `/inbox/${SEED_FIXTURES.ada.thread.id}`]) {
    const written = datesInHtml(await visit(page, path));
    expect(written.length, `${path}: dates in the server's HTML`).toBeGreaterThan(0);
    const shown = await datesOnPage(page);
    for (const date of written) {
      const same = shown.filter((candidate) => candidate.datetime === date.datetime);
      expect(same.length, `${path}: ${date.datetime} on the page`).toBeGreaterThan(0);
      expect(
        same.map((candidate) => candidate.text),
        `${path}: ${date.datetime} hydrated as written`,
      ).toContain(date.text);
      // Written in Hebrew, in Israel's zone, by the server itself.
      if (date.title !== null) expect(date.title, `${path}: ${date.datetime} tooltip`).toBe(fullHebrewDate(date.datetime));
    }
  }
  // Today's mail shows its time; the tooltip is the Hebrew full date (a Hebrew weekday name, e.g. "יום שלישי").
  const newest = datesInHtml(await visit(page, "/inbox")).find((date) => date.title !== null);
  expect(newest?.title).toMatch(/^יום /);
  expect(problems).toEqual([]);
});
