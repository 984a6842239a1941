import Database from "better-sqlite3";
import { type Page, test as base, expect } from "@playwright/test";
import { control } from "../emulator/testing/control-client";
import { type SuiteStack, startSuiteStack } from "./suite-stack";

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: it is set by the worker's suite fixture (e2e/suite-stack.ts)`);
  return value;
}

export const GMAIL_SCOPE_LABEL = "Read your email messages and settings";

/** Drives the emulator's control API, as a test would drive Google's state. */
export class Emulator {
  constructor(readonly url: string) {}

  control(method: "GET" | "POST" | "DELETE", path: string, body?: unknown): Promise<unknown> {
    return control(this.url, method, path, body);
  }
}

/** Answers Google's screens the way a person would: the account chooser, then the consent screen. */
export async function answerConsent(page: Page, options: { email?: string; untickGmail?: boolean } = {}): Promise<void> {
  const chooser = page.getByRole("heading", { name: "Choose an account" });
  const allow = page.getByRole("button", { name: "Allow" });
  await expect(chooser.or(allow)).toBeVisible();
  if (await chooser.isVisible()) await page.getByRole("button", { name: new RegExp(options.email ?? "ada@example.com") }).click();
  await expect(allow).toBeVisible();
  if (options.untickGmail) await page.getByLabel(GMAIL_SCOPE_LABEL).uncheck();
  await allow.click();
}

export async function signIn(page: Page, options: { email?: string; untickGmail?: boolean } = {}): Promise<void> {
  await page.goto("/");
  await page.getByRole("button", { name: "Sign in with Google" }).click();
  await answerConsent(page, options);
  await expect(page).toHaveURL(/\/inbox/);
}

type Fixtures = { appUrl: string; emulator: Emulator };

export const test = base.extend<Fixtures, { suite: SuiteStack }>({
  // Each worker has its own app, emulator and database (e2e/suite-stack.ts), so workers run in parallel.
  suite: [
    async ({}, use) => {
      const stack = await startSuiteStack();
      await use(stack);
      await stack.close();
    },
    { scope: "worker", auto: true, timeout: 240_000 },
  ],
  appUrl: async ({ suite }, use) => use(suite.appUrl),
  emulator: async ({ suite }, use) => {
    const emulator = new Emulator(suite.emulatorUrl);
    await emulator.control("POST", "reset");
    await use(emulator);
  },
  baseURL: async ({ suite }, use) => use(suite.appUrl),
});

export { expect };

/** "Add another Gmail account" on /settings, choosing `email` at Google's account chooser. */
export async function addAccount(page: Page, email: string): Promise<void> {
  await page.goto("/settings");
  await page.getByTestId("add-account").click();
  await answerConsent(page, { email });
}

/** The browser suite's database (a SQLite file), for reading what the app stored or clearing it. */
export function suiteDatabaseFile(): string {
  const url = required("MAILROOM_E2E_DATABASE_URL");
  if (!url.startsWith("file:")) throw new Error("the browser suite's database is expected to be a SQLite file");
  return url.slice("file:".length);
}

/** Forgets every user, account and session, for specs where who owns which Google account is the subject. */
export function forgetEveryone(): void {
  const db = new Database(suiteDatabaseFile(), { fileMustExist: true });
  try {
    db.exec('DELETE FROM "Session"; DELETE FROM "Account"; DELETE FROM "User";');
  } finally {
    db.close();
  }
}
