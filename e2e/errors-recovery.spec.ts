import type { Page } from "@playwright/test";
import { SEED_FIXTURES } from "../emulator/seed";
import { answerConsent, expect, signIn, suiteDatabaseFile, test } from "./fixtures";
import { GmailReader } from "./gmail-reader";
import { gmailLog, grantModify } from "./grant-helpers";
import Database from "better-sqlite3";

const ADA = "ada@example.com";

/** Ends every session in the database, as an expired or revoked session would: the browser is signed out. */
function endSessions(): void {
  const db = new Database(suiteDatabaseFile(), { fileMustExist: true });
  try {
    db.exec('DELETE FROM "Session";');
  } finally {
    db.close();
  }
}

async function openInbox(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator('[data-actions="ready"]')).toBeVisible();
}

const here = (page: Page) => {
  const url = new URL(page.url());
  return `${url.pathname}${url.search}`;
};

test("Gmail asking to slow down offers Try again on the same page: label, search and all", async ({ page, emulator }) => {
  await signIn(page, { email: ADA });
  const search = "/inbox?label=ALL&q=in%3Aanywhere";
  await emulator.control("POST", "faults", { match: { method: "GET", path: "/gmail/v1/users/me/threads" }, status: 429, retryAfter: 60 });
  await page.goto(search);
  const problem = page.getByRole("alert").filter({ hasText: "slow down" });
  await expect(problem).toBeVisible();
  await expect(problem.getByRole("link", { name: "Try again" })).toHaveAttribute("href", search);

  await emulator.control("DELETE", "faults");
  await problem.getByRole("link", { name: "Try again" }).click();
  await expect(page.getByTestId("message-row").first()).toBeVisible();
  expect(here(page)).toBe(search);
  await expect(page.getByTestId("search")).toHaveValue("in:anywhere");
});

test("a failing action says so after one quick retry, and Try again does it once Gmail is back", async ({ page, emulator }) => {
  await signIn(page, { email: ADA });
  await grantModify(page, ADA);
  await openInbox(page, "/inbox");
  const target = (await page.getByTestId("message-row").first().getAttribute("data-thread-id"))!;
  await emulator.control("POST", "faults", { match: { method: "POST", path: "/gmail/v1/users/me/threads" }, status: 503 });
  await emulator.control("DELETE", "requests");

  await page.getByTestId("row-select").first().check();
  await page.getByTestId("action-archive").click();
  const alert = page.getByTestId("action-error");
  await expect(alert).toContainText("Could not archive 1 conversation");
  // The first failure and one retry reached Gmail, not a long series of retries the person waits through.
  const modifies = (await gmailLog(emulator)).filter((request) =>
    [request, ...(request.parts ?? [])].some((part) => part.method === "POST" && part.path.includes(`/threads/${target}/modify`)),
  );
  expect(modifies.length).toBeGreaterThanOrEqual(1);
  expect(modifies.length).toBeLessThanOrEqual(2);

  await emulator.control("DELETE", "faults");
  await alert.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByTestId("undo")).toContainText("Archived 1 conversation");
  await expect(alert).toBeEmpty();
  const reader = await GmailReader.forAccount(emulator, ADA);
  await expect.poll(() => reader.threadLabels(target)).not.toContain("INBOX");
});

test("an action after the session ended offers Sign in, which comes back to the same page", async ({ page, emulator: _ }) => {
  await signIn(page, { email: ADA });
  const search = "/inbox?label=ALL&q=in%3Aanywhere";
  await openInbox(page, search);
  endSessions();

  await page.getByTestId("row-select").first().check();
  await page.getByTestId("action-star").click();
  const alert = page.getByTestId("action-error");
  await expect(alert).toContainText("Sign in to continue");
  await alert.getByRole("button", { name: "Sign in" }).click();
  await answerConsent(page, { email: ADA });
  await expect(page).toHaveURL((url) => `${url.pathname}${url.search}` === search);
  await expect(page.getByTestId("message-row").first()).toBeVisible();
});

test("a signed-out link to a conversation opens that conversation after signing in", async ({ page, emulator: _ }) => {
  await signIn(page, { email: ADA });
  endSessions();
  const conversation = `/inbox/${SEED_FIXTURES.ada.thread.id}?${new URLSearchParams({ back: "/inbox?label=ALL" })}`;
  await page.goto(conversation);
  await page.getByRole("button", { name: "Sign in with Google" }).click();
  await answerConsent(page, { email: ADA });
  await expect(page).toHaveURL((url) => `${url.pathname}${url.search}` === conversation);
  await expect(page.getByRole("heading", { level: 1, name: SEED_FIXTURES.ada.thread.subject })).toBeVisible();
});
