// A conversation in either direction, in either interface language: bidi controls in a file name or a
// sender's name cannot disguise what they are, the Hebrew interface speaks Hebrew, and each message body takes
// its direction from its own text.
import type { Locator, Page } from "@playwright/test";
import { SEED_FIXTURES } from "../emulator/seed";
import { type Emulator, expect, signIn, test } from "./fixtures";

const ada = SEED_FIXTURES.ada;
const ADA = SEED_FIXTURES.accounts.ada.email;
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

test.beforeEach(async ({ page, emulator: _ }) => {
  await signIn(page);
});

let sequence = 0;

/** Inserts a message into Ada's inbox the way Gmail receives mail; answers its ids. */
function insertMessage(emulator: Emulator, raw: string[]) {
  sequence += 1;
  return emulator.control("POST", "messages", {
    email: ADA,
    raw: raw.join("\r\n"),
    labelIds: ["INBOX"],
    internalDate: ada.newestInternalDate + sequence * 60_000,
  }) as Promise<{ id: string; threadId: string }>;
}

/** A header's text as an RFC 2047 encoded word, for names and subjects beyond ASCII. */
const encodedWord = (text: string) => `=?UTF-8?B?${Buffer.from(text).toString("base64")}?=`;

/** A one-part message with a UTF-8 body (plain text or HTML). */
function simpleMessage(options: { from: string; subject: string; body: string; type?: "plain" | "html" }): string[] {
  return [
    `From: ${options.from}`,
    `To: ${ADA}`,
    `Subject: ${encodedWord(options.subject)}`,
    `Content-Type: text/${options.type ?? "plain"}; charset=utf-8`,
    "Content-Transfer-Encoding: base64",
    "",
    Buffer.from(options.body).toString("base64"),
    "",
  ];
}

const innerText = (locator: Locator) => locator.evaluate((element) => (element as HTMLElement).innerText);
const direction = (locator: Locator) => locator.evaluate((element) => getComputedStyle(element).direction);
/** The direction an HTML mail's document reads in, inside its sandboxed frame. */
const frameDirection = (page: Page, messageIndex: number) =>
  page
    .getByTestId("conversation-message")
    .nth(messageIndex)
    .locator("iframe")
    .evaluate((frame) => getComputedStyle((frame as HTMLIFrameElement).contentDocument!.body).direction);

test("a file name or a sender's name with bidi controls shows its real ending, and the file saves under it", async ({ page, emulator }) => {
  const spoofedFile = "invoice\u202Efdp.exe";
  const spoofedName = "Billing \u202Egnp.exe";
  const { id } = await insertMessage(emulator, [
    `From: ${encodedWord(spoofedName)} <billing@example.org>`,
    `To: ${ADA}`,
    "Subject: Your invoice",
    'Content-Type: multipart/mixed; boundary="b1"',
    "",
    "--b1",
    "Content-Type: text/plain; charset=utf-8",
    "",
    "The invoice is attached.",
    "--b1",
    "Content-Type: application/octet-stream",
    `Content-Disposition: attachment; filename*=UTF-8''${encodeURIComponent(spoofedFile)}`,
    "Content-Transfer-Encoding: base64",
    "",
    Buffer.from("MZ not really a program").toString("base64"),
    "--b1--",
    "",
  ]);
  await page.goto(`/inbox/${id}`);

  const file = page.getByTestId("attachment");
  const link = file.getByRole("link");
  const shown = await innerText(link);
  expect(shown).toBe("invoicefdp.exe");
  expect(shown).not.toMatch(BIDI_CONTROLS);
  expect(shown.endsWith(".exe")).toBe(true);
  expect(await innerText(file)).not.toContain(".pdf");
  // The type says nothing and the extension is .exe: a file, never a PDF.
  await expect(file.getByTestId("attachment-kind")).toHaveText(/^File · /);

  const downloading = page.waitForEvent("download");
  await link.click();
  expect((await downloading).suggestedFilename()).toBe("invoicefdp.exe");

  const message = page.getByTestId("conversation-message");
  for (const where of [message.locator("summary"), message.locator(".message-headers dd").first()]) {
    const text = await innerText(where);
    expect(text).not.toMatch(BIDI_CONTROLS);
    expect(text).toContain("Billing gnp.exe");
    expect(text).not.toContain(".png");
  }
  await expect(message.locator(".message-headers dd").first()).toHaveText("Billing gnp.exe <billing@example.org>");
});

test("in the Hebrew interface the conversation's toolbar and words are Hebrew, an English mail still reads left to right", async ({
  page,
  emulator,
  appUrl,
}) => {
  const { id } = await insertMessage(emulator, [
    "From: Grace Hopper <grace@example.org>",
    `To: ${ADA}`,
    "Subject: Quarterly figures",
    'Content-Type: multipart/mixed; boundary="b2"',
    "",
    "--b2",
    "Content-Type: text/plain; charset=utf-8",
    "",
    "The figures for the quarter are attached.",
    "--b2",
    "Content-Type: application/pdf",
    'Content-Disposition: attachment; filename="figures.pdf"',
    "Content-Transfer-Encoding: base64",
    "",
    Buffer.alloc(1300, 7).toString("base64"),
    "--b2--",
    "",
  ]);
  await page.context().addCookies([{ name: "mailroom_lang", value: "he", url: appUrl }]);
  await page.goto(`/inbox/${id}`);

  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  const toolbar = page.getByTestId("conversation-toolbar");
  await expect(toolbar.getByTestId("action-archive")).toHaveText("ארכיון");
  await expect(toolbar.getByTestId("action-trash")).toHaveText("העברה לאשפה");
  await expect(toolbar.getByTestId("action-star")).toHaveText("סימון בכוכב");
  await expect(toolbar.getByRole("link", { name: "חזרה לדואר הנכנס" })).toBeVisible();
  await expect(page.getByTestId("attachment-kind")).toHaveText("PDF · 1.3 KB");
  await expect(page.getByRole("region", { name: /קבצים מצורפים/ })).toBeVisible();
  await expect(page.locator(".message-headers dt").first()).toHaveText("מאת");
  await expect(page).toHaveTitle(/שיחה/);

  const body = page.getByTestId("message-body");
  await expect(body).toHaveText("The figures for the quarter are attached.");
  expect(await direction(body)).toBe("ltr");
});

test("in the English interface a Hebrew mail reads right to left and an English one left to right, in text and in HTML", async ({
  page,
  emulator,
}) => {
  const hebrewText = await insertMessage(
    emulator,
    simpleMessage({ from: "Dana <dana@example.org>", subject: "סיכום", body: "שלום, מצורף הסיכום של הפגישה. Thanks!" }),
  );
  const englishText = await insertMessage(
    emulator,
    simpleMessage({ from: "Grace <grace@example.org>", subject: "Summary", body: "Hello, the summary of the meeting: תודה" }),
  );
  const hebrewHtml = await insertMessage(
    emulator,
    simpleMessage({
      from: "Dana <dana@example.org>",
      subject: "עדכון",
      type: "html",
      body: "<html><body><p>שלום לכולם, <b>Mailroom</b> עובד.</p></body></html>",
    }),
  );
  const englishHtml = await insertMessage(
    emulator,
    simpleMessage({ from: "Grace <grace@example.org>", subject: "Update", type: "html", body: "<p>Hello all, <b>שלום</b>.</p>" }),
  );

  await page.goto(`/inbox/${hebrewText.id}`);
  await expect(page.getByTestId("message-body")).toContainText("שלום");
  expect(await direction(page.getByTestId("message-body"))).toBe("rtl");
  expect(await direction(page.getByRole("heading", { level: 1 }))).toBe("rtl");

  await page.goto(`/inbox/${englishText.id}`);
  await expect(page.getByTestId("message-body")).toContainText("Hello");
  expect(await direction(page.getByTestId("message-body"))).toBe("ltr");

  await page.goto(`/inbox/${hebrewHtml.id}`);
  await expect(page.getByTestId("message-body")).toHaveAttribute("data-fitted", "true");
  expect(await frameDirection(page, 0)).toBe("rtl");

  await page.goto(`/inbox/${englishHtml.id}`);
  await expect(page.getByTestId("message-body")).toHaveAttribute("data-fitted", "true");
  expect(await frameDirection(page, 0)).toBe("ltr");
});
