// Mail in any direction reads right in the list, in either interface: a row's subject and snippet are one
// reading unit whose direction is the subject's (a Hebrew subject's row reads subject, then snippet, right to
// left), and a sender's name cannot reorder the rest of its row. The Hebrew interface speaks Hebrew in the
// list: its tabs, its toolbar and the undo toast, with Hebrew's own plural for two.
import { randomBytes } from "node:crypto";
import type { Locator, Page } from "@playwright/test";
import { type Emulator, expect, signIn, test } from "./fixtures";
import { grantModify } from "./grant-helpers";

const ADA = "ada@example.com";
const RLO = "\u202E";

function encodedWord(text: string): string {
  return `=?UTF-8?B?${Buffer.from(text, "utf8").toString("base64")}?=`;
}

/** New mail at Google, with a subject and a body (so a snippet) in any script, and any sender's name. */
async function deliver(emulator: Emulator, { from, subject, body }: { from: string; subject: string; body: string }) {
  const id = randomBytes(6).toString("hex");
  const raw = [
    `From: ${encodedWord(from)} <sender-${id}@example.com>`,
    `To: ${ADA}`,
    `Subject: ${encodedWord(subject)}`,
    `Message-ID: <${id}@example.com>`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=UTF-8",
    "Content-Transfer-Encoding: base64",
    "",
    Buffer.from(body, "utf8").toString("base64"),
  ].join("\r\n");
  return (await emulator.control("POST", "messages", { email: ADA, raw })) as { id: string; threadId: string };
}

const row = (page: Page, threadId: string): Locator => page.locator(`[data-testid="message-row"][data-thread-id="${threadId}"]`);

async function box(locator: Locator): Promise<{ left: number; right: number }> {
  return locator.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    return { left: rect.left, right: rect.right };
  });
}

/** The subject's box comes before the snippet's in reading order: to its right in a right-to-left summary. */
async function expectSubjectFirst(page: Page, threadId: string, direction: "rtl" | "ltr"): Promise<void> {
  const summary = row(page, threadId);
  const subject = await box(summary.locator(".subject"));
  const snippet = await box(summary.locator(".snippet"));
  const where = `${threadId} (${direction})`;
  if (direction === "rtl") {
    expect(subject.right, `${where}: the subject starts the line at the right`).toBeGreaterThanOrEqual(snippet.right);
    expect(snippet.left, `${where}: the snippet follows to the left`).toBeLessThan(subject.left);
  } else {
    expect(subject.left, `${where}: the subject starts the line at the left`).toBeLessThanOrEqual(snippet.left);
    expect(snippet.right, `${where}: the snippet follows to the right`).toBeGreaterThan(subject.right);
  }
}

async function openInbox(page: Page): Promise<void> {
  await page.goto("/inbox");
  await expect(page.locator('[data-actions="ready"]')).toBeVisible();
}

async function useHebrew(page: Page, appUrl: string): Promise<void> {
  await page.context().addCookies([{ name: "mailroom_lang", value: "he", url: appUrl }]);
}

test("each row's subject comes before its snippet in the subject's direction, in the English and the Hebrew interface", async ({
  page,
  emulator,
  appUrl,
}) => {
  await signIn(page);
  const rows = {
    hebrew: await deliver(emulator, { from: "דנה כהן", subject: "ארוחת צהריים מחר", body: "נפגשים בשעה שתיים ליד המשרד" }),
    english: await deliver(emulator, { from: "Quinn Ops", subject: "Quarterly report", body: "The numbers are attached for review" }),
    hebrewSubjectEnglishSnippet: await deliver(emulator, {
      from: "Budget Team",
      subject: "פגישה על התקציב",
      body: "Budget meeting notes, in English",
    }),
    englishSubjectHebrewSnippet: await deliver(emulator, { from: "יוסי", subject: "Lunch plans", body: "נתראה במסעדה בצהריים" }),
    // A right-to-left override in a sender's name, never closed: it stays inside the name.
    spoofedSender: await deliver(emulator, { from: `Mallory ${RLO}evil`, subject: "Invoice ready", body: "Payment is due next week" }),
  };
  const expected: [keyof typeof rows, "rtl" | "ltr"][] = [
    ["hebrew", "rtl"],
    ["english", "ltr"],
    ["hebrewSubjectEnglishSnippet", "rtl"],
    ["englishSubjectHebrewSnippet", "ltr"],
    ["spoofedSender", "ltr"],
  ];

  for (const language of ["en", "he"] as const) {
    if (language === "he") await useHebrew(page, appUrl);
    await openInbox(page);
    await expect(page.locator("html")).toHaveAttribute("dir", language === "he" ? "rtl" : "ltr");
    for (const [name, direction] of expected) {
      await expect(row(page, rows[name].threadId)).toBeVisible();
      await expectSubjectFirst(page, rows[name].threadId, direction);
    }
    // The subject and snippet are one isolate: a single element with its own direction holds both.
    const summary = row(page, rows.hebrew.threadId).locator(".subject").locator("..");
    await expect(summary).toHaveAttribute("dir", "auto");
    await expect(summary.locator(".snippet")).toHaveCount(1);
    // The sender's name is isolated on its own: the override inside it ends with it.
    const sender = row(page, rows.spoofedSender.threadId).locator(".from bdi");
    await expect(sender).toContainText("Mallory");
    const senderBox = await box(sender);
    const subjectBox = await box(row(page, rows.spoofedSender.threadId).locator(".subject"));
    if (language === "en") expect(senderBox.right).toBeLessThanOrEqual(subjectBox.left);
    else expect(senderBox.left).toBeGreaterThanOrEqual(subjectBox.right);
  }
});

test("the Hebrew interface names the tabs, the toolbar and the undo toast in Hebrew, with the plural for two", async ({
  page,
  emulator,
  appUrl,
}) => {
  await signIn(page);
  await grantModify(page);
  const first = await deliver(emulator, { from: "דנה", subject: "שיחה ראשונה", body: "תוכן ראשון" });
  const second = await deliver(emulator, { from: "דנה", subject: "שיחה שנייה", body: "תוכן שני" });
  await useHebrew(page, appUrl);
  await openInbox(page);

  const tabs = page.getByRole("navigation", { name: "תוויות" });
  await expect(tabs.getByRole("link", { name: "דואר נכנס" })).toHaveAttribute("aria-current", "page");
  await expect(page).toHaveTitle(/^דואר נכנס \(\d+\) · Mailroom$/);
  await expect(page.getByTestId("page-range")).toContainText("מתוך");

  // Selected from the keyboard: the pointer's way depends on the row's layout, which is not what this tests.
  for (const { threadId } of [first, second]) {
    const checkbox = row(page, threadId).getByTestId("row-select");
    await checkbox.focus();
    await page.keyboard.press("Space");
    await expect(checkbox).toBeChecked();
  }
  await expect(page.getByRole("toolbar", { name: "פעולות על שיחות" })).toContainText("2 נבחרו");
  const archive = page.getByTestId("action-archive");
  await expect(archive).toHaveText("ארכיון");
  await archive.click();

  const toast = page.getByTestId("undo");
  await expect(toast).toContainText("שתי שיחות הועברו לארכיון");
  for (const { threadId } of [first, second]) await expect(row(page, threadId)).toHaveCount(0);
  await toast.getByRole("button", { name: "ביטול פעולה" }).click();
  await expect(toast).toContainText("שתי שיחות הועברו לדואר הנכנס");
  for (const { threadId } of [first, second]) await expect(row(page, threadId)).toBeVisible();
});

test("in Hebrew, an action Gmail refuses says why in Hebrew and offers to try again", async ({ page, emulator, appUrl }) => {
  await signIn(page);
  await grantModify(page);
  const { threadId } = await deliver(emulator, { from: "דנה", subject: "שיחה עמוסה", body: "תוכן" });
  await useHebrew(page, appUrl);
  await openInbox(page);
  // Gmail asks for a minute's pause: longer than Mailroom waits, so the action fails at once.
  await emulator.control("POST", "faults", { match: { method: "POST", path: "/gmail/v1/users/me/" }, status: 429, retryAfter: 60 });

  const checkbox = row(page, threadId).getByTestId("row-select");
  await checkbox.focus();
  await page.keyboard.press("Space");
  await page.getByTestId("action-archive").click();
  const alert = page.getByTestId("action-error");
  await expect(alert).toContainText("Gmail מקבל כרגע יותר מדי בקשות", { timeout: 30_000 });
  await expect(alert).toContainText("לא ניתן");
  // Nothing in it is English but the products' names.
  expect((await alert.innerText()).replace(/Gmail|Mailroom/g, "")).not.toMatch(/[A-Za-z]/);
  await expect(row(page, threadId)).toBeVisible();

  await emulator.control("DELETE", "faults");
  await alert.getByRole("button", { name: "ניסיון נוסף" }).click();
  await expect(page.getByTestId("undo")).toContainText("שיחה אחת הועברה לארכיון");
  await expect(row(page, threadId)).toHaveCount(0);
});
