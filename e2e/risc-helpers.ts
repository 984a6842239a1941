// Shared by the Cross-Account Protection and sessions specs: browsers signed in as a Google account, and the
// suite's database read directly (a SQLite file), to show what an event changed and what it left alone.
import Database from "better-sqlite3";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { signIn } from "./fixtures";

export function readDatabase<T>(read: (db: Database.Database) => T): T {
  const url = process.env.MAILROOM_E2E_DATABASE_URL ?? "";
  if (!url.startsWith("file:")) throw new Error("the browser suite's database is expected to be a SQLite file");
  const db = new Database(url.slice("file:".length), { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

export type AccountState = { reauthReason: string | null; hasRefreshToken: boolean; sessions: number };

/** The Google account's row and how many sessions it signed in, as stored now. */
export function accountState(email: string): AccountState {
  return readDatabase((db) => {
    const row = db
      .prepare<[string], { id: string; reauthReason: string | null; refresh_token: string | null }>(
        'SELECT "id", "reauthReason", "refresh_token" FROM "Account" WHERE "email" = ?',
      )
      .get(email);
    if (!row) throw new Error(`no account ${email}`);
    const { n } = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM "Session" WHERE "accountId" = ?').get(row.id)!;
    return { reauthReason: row.reauthReason, hasRefreshToken: row.refresh_token !== null, sessions: n };
  });
}

const opened: BrowserContext[] = [];

/** Closes the browsers browserSignedInAs opened (an afterEach hook). */
export async function closeBrowsers(): Promise<void> {
  await Promise.all(opened.splice(0).map((context) => context.close()));
}

/** A new browser (its own cookies) signed in with the Google account `email`; close it with closeBrowsers. */
export async function browserSignedInAs(browser: Browser, appUrl: string, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: appUrl });
  opened.push(context);
  const page = await context.newPage();
  await signIn(page, { email });
  return page;
}
