// Shared by the specs that look at Mailroom in each interface language: a browser that asks for Hebrew or
// English, mail written in either direction, what every screen must show whatever its language, and the
// screenshots people compare by eye.
import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { type Locator, type Page, type TestInfo, expect } from "@playwright/test";
import Database from "better-sqlite3";
import { answerConsent, type Emulator } from "./fixtures";

export type InterfaceLanguage = {
  name: "en" | "he";
  /** What the browser asks for (Accept-Language and navigator.language), and so the page's `lang`. */
  locale: "en-US" | "he-IL";
  dir: "ltr" | "rtl";
  /** A zone of the language's own country, far enough from the server's UTC to show a wrong zone. */
  timezoneId: string;
};

export const ENGLISH: InterfaceLanguage = { name: "en", locale: "en-US", dir: "ltr", timezoneId: "America/New_York" };
export const HEBREW: InterfaceLanguage = { name: "he", locale: "he-IL", dir: "rtl", timezoneId: "Asia/Jerusalem" };
export const LANGUAGES = [ENGLISH, HEBREW] as const;

/** The sign-in button's name in either language (messages/*\/auth.json). */
const SIGN_IN_BUTTON = /^(Sign in with Google|כניסה עם Google)$/;

/**
 * The people of this worker's database forget any language they chose in Settings, so the language a page
 * is in follows the browser's Accept-Language (an earlier spec of the same worker may have chosen one).
 */
export function forgetChosenLanguages(): void {
  const url = process.env.MAILROOM_E2E_DATABASE_URL ?? "";
  if (!url.startsWith("file:")) throw new Error("the browser suite's database is expected to be a SQLite file");
  const db = new Database(url.slice("file:".length), { fileMustExist: true });
  try {
    db.exec('UPDATE "User" SET "language" = NULL');
  } finally {
    db.close();
  }
}

/** Signs in from the sign-in page, whichever language it is written in. */
export async function signInInAnyLanguage(page: Page, options: { email?: string; untickGmail?: boolean } = {}): Promise<void> {
  await page.goto("/");
  await page.getByRole("button", { name: SIGN_IN_BUTTON }).click();
  await answerConsent(page, options);
  await expect(page).toHaveURL(/\/inbox/);
}

/** What any screen must be in its language: `<html lang dir>`, its main landmark shown, nothing off the side. */
export async function expectScreenInLanguage(page: Page, language: InterfaceLanguage, screen: string): Promise<void> {
  const html = page.locator("html");
  await expect(html, `${screen}: <html dir>`).toHaveAttribute("dir", language.dir);
  await expect(html, `${screen}: <html lang>`).toHaveAttribute("lang", language.locale);
  await expect(page.getByRole("main"), `${screen}: the main landmark`).toBeVisible();
  // A row, a toolbar or a dialog laid out for the other direction shows first as a page that scrolls sideways.
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement!.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${screen}: no sideways scroll at ${innerWidth} px`).toBeLessThanOrEqual(innerWidth + 1);
}

/**
 * Photographs the page into the test's output and report, and, when MAILROOM_SCREENSHOT_DIR is set, copies
 * it there too so a release's pictures can be collected in one place.
 */
export async function shootScreen(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
  const collected = process.env.MAILROOM_SCREENSHOT_DIR;
  if (collected) {
    await mkdir(collected, { recursive: true });
    await copyFile(file, path.join(collected, `${name}.png`));
  }
}

const encodedWord = (text: string) => `=?UTF-8?B?${Buffer.from(text, "utf8").toString("base64")}?=`;

/** Mail arriving in ada's inbox now, with a name and subject in any script. */
async function deliver(emulator: Emulator, mail: { fromName: string; from: string; subject: string; body: string }) {
  const raw = [
    `From: ${encodedWord(mail.fromName)} <${mail.from}>`,
    "To: Ada Lovelace <ada@example.com>",
    `Subject: ${encodedWord(mail.subject)}`,
    `Message-ID: <${Math.random().toString(36).slice(2)}@${mail.from.split("@")[1]}>`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: 8bit",
    "",
    mail.body,
  ].join("\r\n");
  return (await emulator.control("POST", "messages", {
    email: "ada@example.com",
    raw: Buffer.from(raw, "utf8").toString("base64url"),
    labelIds: ["INBOX", "UNREAD"],
  })) as { id: string; threadId: string };
}

export const MIXED_MAIL = {
  hebrew: {
    fromName: "דנה כהן",
    from: "dana@example.co.il",
    subject: "סיכום הפגישה של יום שלישי",
    body: "שלום עדה,\n\nמצורף סיכום הפגישה. נשמח לשמוע הערות עד יום חמישי.\n\nתודה,\nדנה",
  },
  english: {
    fromName: "Bob Example",
    from: "bob@example.com",
    subject: "Quarterly report draft",
    body: "Hi Ada,\n\nThe draft of the quarterly report is ready for your comments.\n\nBob",
  },
  mixed: {
    fromName: "Yossi Levi יוסי",
    from: "yossi@example.co.il",
    subject: "עדכון: Release 2.4 ready for QA בשבוע הבא",
    body: "היי,\n\nגרסה 2.4 (build #1187) מוכנה ל-QA. the changelog is attached to the ticket.\n\nיוסי",
  },
} as const;

/** A Hebrew, an English and a mixed-direction conversation at the top of ada's inbox; answers their thread ids. */
export async function deliverMixedDirectionMail(emulator: Emulator): Promise<{ hebrew: string; english: string; mixed: string }> {
  const english = await deliver(emulator, MIXED_MAIL.english);
  const mixed = await deliver(emulator, MIXED_MAIL.mixed);
  const hebrew = await deliver(emulator, MIXED_MAIL.hebrew);
  return { hebrew: hebrew.threadId, english: english.threadId, mixed: mixed.threadId };
}

/**
 * Ticks a row's checkbox from the keyboard, as a person who tabs to it does: unlike a click, it does not depend
 * on what the row shows under the pointer (its hover actions), which is the subject of the layout's own tests.
 */
export async function selectRowByKeyboard(checkbox: Locator): Promise<void> {
  await checkbox.focus();
  await checkbox.press("Space");
  await expect(checkbox).toBeChecked();
}
