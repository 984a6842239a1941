// Writing mail through the real browser, the real server and the emulator: what ada writes is what
// grace's mailbox receives, read back through Gmail's own API.
import { expect, signIn, test } from "./fixtures";
import {
  MailboxReader,
  addRecipients,
  allParts,
  header,
  openComposer,
  partText,
  sendAndWaitForToast,
  writeMessage,
} from "./compose-helpers";
import { grantModify } from "./grant-helpers";

const ADA = "ada@example.com";
const GRACE = "grace@example.com";

test("ada writes to grace: autosaved as a Gmail draft, sent after the undo window with its HTML, text and attachment", async ({
  page,
  emulator,
}) => {
  await signIn(page);
  await grantModify(page, ADA, "/inbox");
  const composer = await openComposer(page);
  await writeMessage(composer, { to: [GRACE], subject: "Plans for Tuesday", body: "Hello Grace, " });
  await composer.getByRole("button", { name: "Bold" }).click();
  await composer.getByTestId("compose-body").pressSequentially("lunch at noon");
  await expect(composer.getByTestId("draft-state")).toHaveText("Saved");

  // The draft is Gmail's: it is in ada's Drafts, as any Gmail client sees them.
  const ada = await MailboxReader.open(emulator, ADA);
  expect(await ada.drafts()).toHaveLength(1);

  const bytes = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7) % 256));
  await composer.getByTestId("compose-attach").setInputFiles({ name: "notes.bin", mimeType: "application/octet-stream", buffer: bytes });
  await expect(composer.getByTestId("compose-attachment")).toContainText("notes.bin");
  await expect(composer.getByRole("progressbar")).toHaveCount(0);
  await sendAndWaitForToast(page, composer);

  const grace = await MailboxReader.open(emulator, GRACE);
  const [id] = await grace.waitFor('subject:"Plans for Tuesday"');
  const message = await grace.message(id!);
  expect(message.labelIds).toEqual(expect.arrayContaining(["INBOX", "UNREAD"]));
  expect(header(message, "From")).toContain(ADA);
  expect(header(message, "To")).toContain(GRACE);
  expect(header(message, "Subject")).toBe("Plans for Tuesday");
  const parts = allParts(message.payload);
  expect(partText(parts.find((part) => part.mimeType === "text/plain"))).toContain("Hello Grace, lunch at noon");
  expect(partText(parts.find((part) => part.mimeType === "text/html"))).toMatch(/Hello Grace, <(strong|b)>lunch at noon<\/(strong|b)>/);
  const attachment = parts.find((part) => part.filename === "notes.bin");
  expect(attachment?.body?.attachmentId).toBeTruthy();
  expect((await grace.attachment(id!, attachment!.body!.attachmentId!)).equals(bytes)).toBe(true);

  // Sent, the draft is gone from ada's Drafts and the message is in her Sent.
  await expect.poll(async () => (await ada.drafts()).length).toBe(0);
  expect(await ada.search('in:sent subject:"Plans for Tuesday"')).toHaveLength(1);
});

test("Undo within the window: nothing arrives, and the composer comes back with the draft", async ({ page, emulator }) => {
  await signIn(page);
  await grantModify(page, ADA, "/inbox");
  await page.getByTestId("compose").waitFor();
  // The key opens the composer too.
  await page.locator("body").press("c");
  const composer = page.getByTestId("composer");
  await expect(composer.getByTestId("compose-body")).toBeVisible();
  await writeMessage(composer, { to: [GRACE], subject: "Not this one", body: "Second thoughts" });
  await sendAndWaitForToast(page, composer);
  // z, as in Gmail, over the inbox list (whose own z undoes list actions).
  await page.locator("body").press("z");

  await expect(composer).toBeVisible();
  await expect(composer.getByTestId("compose-subject")).toHaveValue("Not this one");
  await expect(composer.getByTestId("compose-body")).toContainText("Second thoughts");
  // Well past the window: nothing reached grace, the draft is still ada's.
  await page.waitForTimeout(12_000);
  const grace = await MailboxReader.open(emulator, GRACE);
  expect(await grace.search('subject:"Not this one"')).toEqual([]);
  const ada = await MailboxReader.open(emulator, ADA);
  expect(await ada.drafts()).toHaveLength(1);
  expect(await ada.search('in:sent subject:"Not this one"')).toEqual([]);
});

test("Send later refuses the past, lists the send in Scheduled, and Cancel keeps the draft", async ({ page, emulator }) => {
  await signIn(page);
  await grantModify(page, ADA, "/inbox");
  const composer = await openComposer(page);
  await writeMessage(composer, { to: [GRACE], subject: "For next week", body: "Later" });
  await composer.getByTestId("compose-send-later").click();
  await composer.getByTestId("send-later-at").fill("2020-01-01T09:00");
  await composer.getByTestId("send-later-confirm").click();
  await expect(composer.getByRole("alert")).toContainText("choose a time in the future");

  // A week ahead, at 09:30 in the browser's zone.
  const later = new Date(Date.now() + 7 * 24 * 3600_000);
  later.setHours(9, 30, 0, 0);
  const pad = (value: number) => String(value).padStart(2, "0");
  const typed = `${later.getFullYear()}-${pad(later.getMonth() + 1)}-${pad(later.getDate())}T09:30`;
  await composer.getByTestId("send-later-at").fill(typed);
  await composer.getByTestId("send-later-confirm").click();
  await expect(composer).toBeHidden();
  await expect(page.getByTestId("send-toast")).toContainText("Scheduled for");

  await page.goto("/scheduled");
  const row = page.getByTestId("scheduled-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("For next week");
  await expect(row.locator("time")).toHaveAttribute("datetime", later.toISOString());
  await row.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId("scheduled-row")).toHaveCount(0);
  await expect(page.getByText("Nothing is waiting to be sent.")).toBeVisible();

  // The draft stays a draft, in Mailroom's Drafts view, and reopens in the composer from there.
  await page.getByRole("link", { name: "Drafts" }).click();
  await page.getByTestId("draft-row").filter({ hasText: "For next week" }).getByRole("button").click();
  await expect(page.getByTestId("compose-subject")).toHaveValue("For next week");
  const grace = await MailboxReader.open(emulator, GRACE);
  expect(await grace.search('subject:"For next week"')).toEqual([]);
});

test("bad input is refused with a clear message: an invalid recipient named, an attachment past 25 MB before any upload", async ({
  page,
  emulator,
}) => {
  await signIn(page);
  await grantModify(page, ADA, "/inbox");
  const composer = await openComposer(page);
  await writeMessage(composer, { to: ["grace@", GRACE], subject: "Typo", body: "Hi" });
  await composer.getByTestId("compose-send").click();
  await expect(composer.getByTestId("compose-error")).toContainText("grace@");
  await expect(page.getByTestId("undo-send")).toHaveCount(0);

  const uploads: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/uploads")) uploads.push(request.url());
  });
  await composer.getByTestId("compose-attach").setInputFiles({
    name: "huge.iso",
    mimeType: "application/octet-stream",
    buffer: Buffer.alloc(26 * 1024 * 1024),
  });
  await expect(composer.getByTestId("compose-attach-error")).toContainText("25 MB");
  await expect(composer.getByTestId("compose-attachment")).toHaveCount(0);
  expect(uploads).toEqual([]);

  // With the bad address removed, it goes.
  await composer.getByRole("button", { name: "Remove grace@", exact: true }).click();
  await sendAndWaitForToast(page, composer);
  const grace = await MailboxReader.open(emulator, GRACE);
  await grace.waitFor('subject:"Typo"');
});

test("Cc and Bcc: suggestions come from the people ada writes to, chosen with the keyboard; Bcc never delivered", async ({
  page,
  emulator,
}) => {
  // Ada once wrote to Grace: her Sent mail is where the suggestions come from.
  await emulator.control("POST", "messages", {
    email: ADA,
    raw: ["From: Ada Lovelace <ada@example.com>", "To: Grace Hopper <grace@example.com>", "Subject: Earlier", "", "Hi"].join("\r\n"),
    labelIds: ["SENT"],
  });
  await signIn(page);
  await grantModify(page, ADA, "/inbox");
  const composer = await openComposer(page);
  const to = composer.getByTestId("compose-to");
  await to.fill("gra");
  await expect(composer.getByTestId("compose-suggestion")).toContainText(["Grace Hopper"]);
  await expect(to).toHaveAttribute("aria-expanded", "true");
  await to.press("ArrowDown");
  await expect(composer.getByTestId("compose-suggestion").first()).toHaveAttribute("aria-selected", "true");
  await to.press("Enter");
  await expect(composer.getByRole("list", { name: "To recipients" })).toContainText("Grace Hopper <grace@example.com>");
  await composer.getByRole("button", { name: "Cc / Bcc" }).click();
  await addRecipients(composer, "compose-bcc", ["hidden@example.com"]);
  await composer.getByTestId("compose-subject").fill("With a blind copy");
  await composer.getByTestId("compose-body").click();
  await composer.getByTestId("compose-body").pressSequentially("Hello");
  await page.keyboard.press("Control+Enter");
  await expect(page.getByTestId("undo-send")).toBeVisible();

  const grace = await MailboxReader.open(emulator, GRACE);
  const [id] = await grace.waitFor('subject:"With a blind copy"');
  expect(await grace.raw(id!)).not.toContain("hidden@example.com");
});
