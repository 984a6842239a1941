// Writing in Hebrew with the Hebrew interface: the composer speaks Hebrew, each paragraph takes its direction
// from its own text, and a reply reaches grace with its header in Hebrew ("ב-… כתב/ה:"), the Latin name in it
// isolated, the paragraphs marked dir="auto" and the quote in its blockquote, threaded by In-Reply-To.
import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";
import { MailboxReader, graceWroteToAda, allParts, header, openComposer, partText, sendAndWaitForToast } from "./compose-helpers";
import { grantModify } from "./grant-helpers";

const ADA = "ada@example.com";
const GRACE = "grace@example.com";
const FSI = "\u2068";
const PDI = "\u2069";

test.use({ timezoneId: "Asia/Jerusalem" });

/** Ada, signed in with gmail.modify, then switched to the Hebrew interface (the language cookie). */
async function adaInHebrew(page: Page, appUrl: string, returnTo: string): Promise<void> {
  await signIn(page);
  await grantModify(page, ADA, returnTo);
  await page.context().addCookies([{ name: "mailroom_lang", value: "he", url: appUrl }]);
  await page.goto(returnTo);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
}

test("the composer reads in Hebrew, and each paragraph takes its direction from its own text", async ({ page, appUrl }) => {
  await adaInHebrew(page, appUrl, "/inbox");
  await expect(page.getByTestId("compose")).toHaveText("כתיבה");
  const composer = await openComposer(page);
  await expect(composer.getByTestId("compose-send")).toHaveText("שליחה");
  await expect(composer.getByTestId("compose-send-later")).toHaveText("שליחה מתוזמנת");
  await expect(composer.getByTestId("compose-subject")).toHaveAttribute("dir", "auto");
  await expect(composer.getByTestId("compose-to")).toHaveAttribute("dir", "auto");

  const body = composer.getByTestId("compose-body");
  await body.click();
  await body.pressSequentially("שלום לכולם");
  await body.press("Enter");
  await body.pressSequentially("Hello everyone");
  const paragraphs = body.locator("p");
  await expect(paragraphs).toHaveCount(2);
  const direction = (index: number) => paragraphs.nth(index).evaluate((element) => getComputedStyle(element).direction);
  expect(await direction(0)).toBe("rtl");
  expect(await direction(1)).toBe("ltr");
});

test("a Hebrew reply as grace receives it: the header in Hebrew, the name isolated, dir=auto paragraphs, the quote, In-Reply-To", async ({
  page,
  appUrl,
  emulator,
}) => {
  const original = await graceWroteToAda(emulator, { subject: "Plans for March" });
  await adaInHebrew(page, appUrl, `/inbox/${original.threadId}`);
  const message = page.locator(`[data-testid="conversation-message"][data-message-id="${original.id}"]`);
  await expect(message.getByTestId("reply")).toHaveText("תשובה");
  await message.getByTestId("reply").click();
  const composer = page.getByTestId("composer");
  await expect(composer.getByTestId("compose-quote")).toContainText("Shall we meet at noon?");
  await expect(composer.getByTestId("compose-quote")).toContainText("כתב/ה:");

  const body = composer.getByTestId("compose-body");
  await body.click();
  await body.pressSequentially("נפגש בצהריים, תודה!");
  await sendAndWaitForToast(page, composer);

  const grace = await MailboxReader.open(emulator, GRACE);
  const [id] = await grace.waitFor('subject:"Re: Plans for March"');
  const reply = await grace.message(id!);
  expect(header(reply, "In-Reply-To")).toBe(original.messageId);

  const parts = allParts(reply.payload);
  const text = partText(parts.find((part) => part.mimeType === "text/plain"));
  const html = partText(parts.find((part) => part.mimeType === "text/html"));
  expect(text).toContain("נפגש בצהריים, תודה!");
  // "ב-3 במרץ 2026, 12:15, ⁨Grace Hopper <grace@example.com>⁩ כתב/ה:" (the time in ada's zone).
  expect(text).toMatch(new RegExp(`ב-3 במרץ 2026, [0-9:]+, ${FSI}Grace Hopper <grace@example\\.com>${PDI} כתב/ה:`));
  expect(text).toContain("> Shall we meet at noon?");
  expect(html).toContain('<p dir="auto">נפגש בצהריים, תודה!</p>');
  expect(html).toContain("<bdi>Grace Hopper &#60;grace@example.com&#62;</bdi> כתב/ה:");
  expect(html).toMatch(/<blockquote class="gmail_quote" dir="auto">Shall we meet at noon\?<\/blockquote>/);
});
