// The interface language: from Accept-Language in the first byte, changeable in Settings (at once with
// JavaScript, with the Save button without), remembered per user and, before sign-in, by the browser's cookie.
import type { Browser, Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import Database from "better-sqlite3";
import { answerConsent, expect, forgetEveryone, suiteDatabaseFile, test } from "./fixtures";

// The Hebrew catalogue's own words, so the test follows a change of wording.
const hebrew = (namespace: string) =>
  JSON.parse(readFileSync(new URL(`../messages/he/${namespace}.json`, import.meta.url), "utf8")) as unknown;
const heAuth = hebrew("auth") as { signIn: { button: string; tagline: string } };
const heCommon = hebrew("common") as { save: string };

const ADA = "ada@example.com";

test.beforeEach(() => forgetEveryone());
test.afterEach(() => forgetEveryone());

async function hebrewContext(browser: Browser, baseURL: string | undefined) {
  return browser.newContext({ locale: "he-IL", baseURL });
}

/** Signs in from a Hebrew sign-in page (its button says so in Hebrew). */
async function signInInHebrew(page: Page): Promise<void> {
  await page.goto("/");
  await page.getByRole("button", { name: heAuth.signIn.button }).click();
  await answerConsent(page, { email: ADA });
  await expect(page).toHaveURL(/\/inbox/);
}

test("a Hebrew browser gets the sign-in page in Hebrew, right to left from the first byte", async ({ browser, baseURL }) => {
  const context = await hebrewContext(browser, baseURL);
  const page = await context.newPage();
  const raw = await (await page.request.get("/", { headers: { "accept-language": "he-IL,he;q=0.9" } })).text();
  expect(raw.startsWith('<!DOCTYPE html><html lang="he-IL" dir="rtl"')).toBe(true);

  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("html")).toHaveAttribute("lang", "he-IL");
  await expect(page.getByRole("button", { name: heAuth.signIn.button })).toBeVisible();
  await expect(page.getByText(heAuth.signIn.tagline)).toBeVisible();
  await context.close();
});

test("choosing English in Settings on a Hebrew browser applies at once and is remembered for the person", async ({
  browser,
  baseURL,
  emulator: _,
}) => {
  const first = await hebrewContext(browser, baseURL);
  const page = await first.newPage();
  await signInInHebrew(page);
  await page.goto("/settings");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Settings");

  // With JavaScript the choice applies in place: the same document, written again in English, left to right.
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
  await page.getByTestId("language").selectOption("en");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await expect(page.locator("html")).toHaveAttribute("lang", /^en/);
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  expect(await page.evaluate(() => "sameDocument" in window)).toBe(true);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();

  // Signed out, this browser's cookie decides: still English on a Hebrew browser.
  await page.getByTestId("sign-out").click();
  await expect(page.getByRole("button", { name: "Sign in with Google" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await first.close();

  // A new browser, no cookie: Hebrew before sign-in (its Accept-Language), the person's English after.
  const second = await hebrewContext(browser, baseURL);
  const other = await second.newPage();
  await other.goto("/");
  await expect(other.locator("html")).toHaveAttribute("dir", "rtl");
  await signInInHebrew(other);
  await expect(other.locator("html")).toHaveAttribute("dir", "ltr");
  await other.goto("/settings");
  await expect(other.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await expect(other.getByTestId("language")).toHaveValue("en");
  await second.close();
});

test("without JavaScript, the Save button changes the language", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ locale: "en-US", baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await page.getByTestId("language").selectOption("he");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("button", { name: heCommon.save })).toBeVisible();
  await expect(page.getByText(heAuth.signIn.tagline)).toBeVisible();
  await context.close();
});

test("a forged language value changes nothing", async ({ browser, baseURL, emulator: _ }) => {
  const context = await browser.newContext({ locale: "he-IL", baseURL });
  const page = await context.newPage();
  await signInInHebrew(page);
  await page.goto("/settings");
  const picker = page.getByTestId("language");
  await picker.evaluate((select: HTMLSelectElement) => {
    const forged = document.createElement("option");
    forged.value = "<script>fr";
    select.append(forged);
  });
  await picker.selectOption("<script>fr");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("html")).toHaveAttribute("lang", "he-IL");
  expect((await context.cookies()).filter((cookie) => cookie.name === "mailroom_lang")).toEqual([]);

  // Nor for the person: nothing was stored.
  const db = new Database(suiteDatabaseFile(), { readonly: true, fileMustExist: true });
  try {
    expect(db.prepare('SELECT "language" FROM "User"').all()).toEqual([{ language: null }]);
  } finally {
    db.close();
  }
  await context.close();
});

test("an inbox address with bad parameters is explained in Hebrew, naming them", async ({ browser, baseURL, emulator: _ }) => {
  const heList = hebrew("list") as { page: { invalidAddress: string; invalidParameters: string } };
  const context = await hebrewContext(browser, baseURL);
  const page = await context.newPage();
  await signInInHebrew(page);
  await page.goto("/inbox?pageSize=0&colour=red");
  await expect(page.getByRole("heading", { name: heList.page.invalidAddress })).toBeVisible();
  const explanation = page.getByText(heList.page.invalidParameters.split(":")[0]!);
  await expect(explanation).toContainText("pageSize");
  await expect(explanation).toContainText("colour");
  await expect(page.getByText("Invalid request")).toHaveCount(0);
  await context.close();
});
