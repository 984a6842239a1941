// Shared by the actions API and incremental authorization specs: the permission to change mail granted
// through the browser as a person grants it, POSTs to /api/actions as Mailroom's pages send them, and the
// emulator's view of what reached Gmail.
import { type Page, expect } from "@playwright/test";
import { answerConsent, type Emulator } from "./fixtures";
import { readDatabase } from "./risc-helpers";

export const MODIFY_SCOPE = "https://www.googleapis.com/auth/gmail.modify";
export const READONLY_SCOPE = "https://www.googleapis.com/auth/gmail.readonly";

/**
 * From /authorize, Continue to Google, Allow: back where it started, with gmail.modify granted. A spec that
 * does not reset the emulator may meet the grant an earlier spec of its worker gave; then there is nothing to ask.
 */
export async function grantModify(page: Page, account = "ada@example.com", returnTo = "/inbox"): Promise<void> {
  await page.goto(`/authorize?${new URLSearchParams({ account, returnTo })}`);
  const ask = page.getByTestId("grant-continue");
  const alreadyGranted = page.getByText("Google already allows Mailroom");
  await expect(ask.or(alreadyGranted)).toBeVisible();
  if (await alreadyGranted.isVisible()) {
    await page.goto(returnTo);
  } else {
    await ask.click();
    await answerConsent(page, { email: account });
  }
  await expect(page).toHaveURL((url) => `${url.pathname}${url.search}` === returnTo);
}

export type ApiAnswer = { status: number; body: { applied?: number; failed?: unknown[]; error?: Record<string, string> } };

/** A POST as a Mailroom page sends it: the browser's own fetch, from the page, with its Origin and cookies. */
export async function postFromPage(page: Page, body: unknown): Promise<ApiAnswer> {
  return page.evaluate(async (payload) => {
    const response = await fetch("/api/actions", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(payload),
    });
    return { status: response.status, body: (await response.json()) as ApiAnswer["body"] };
  }, body);
}

type Logged = { method: string; path: string; status: number; parts?: { method: string; path: string; status: number }[] };

/** Every Gmail request (and batch part) the emulator saw since the log was last cleared. */
export async function gmailLog(emulator: Emulator): Promise<Logged[]> {
  const { requests } = (await emulator.control("GET", "requests")) as { requests: Logged[] };
  return requests.filter((request) => request.path.startsWith("/gmail/") || request.path.startsWith("/batch/"));
}

const LIVE_SYNC = /^\/gmail\/v1\/users\/me\/(watch|profile|history)(\?|$)/;

/**
 * The log without what an open inbox's live stream asks of Gmail on its own (its watch, the mailbox's
 * position, history since, and a batch of conversation reads), so a test sees only what the request under
 * test caused.
 */
export function withoutLiveSync(log: Logged[]): Logged[] {
  return log.filter(
    (request) =>
      !LIVE_SYNC.test(request.path) &&
      !(request.parts !== undefined && request.parts.length > 0 && request.parts.every((part) => part.method === "GET")),
  );
}

const CHANGES = /\/(modify|trash|untrash|batchModify)(\?|$)/;

/** The changes (modify, trash...) Gmail received, directly or inside a batch, with their statuses. */
export async function changeRequests(emulator: Emulator): Promise<Logged[]> {
  return (await gmailLog(emulator))
    .flatMap((request) => [request, ...(request.parts ?? [])])
    .filter((request) => CHANGES.test(request.path));
}

/** The stored Account row's scope and token columns (sealed), to show what a flow changed or left alone. */
export function storedGrant(email: string): {
  scope: string | null;
  access_token: string | null;
  refresh_token: string | null;
  reauthReason: string | null;
} {
  return readDatabase((db) => {
    const row = db
      .prepare<[string], { scope: string | null; access_token: string | null; refresh_token: string | null; reauthReason: string | null }>(
        'SELECT "scope", "access_token", "refresh_token", "reauthReason" FROM "Account" WHERE "email" = ?',
      )
      .get(email);
    if (!row) throw new Error(`no account ${email}`);
    return row;
  });
}
