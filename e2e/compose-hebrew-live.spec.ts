// Hebrew mail end to end: what ada writes in Hebrew travels as RFC 2047 / RFC 2231 encodings that decode back
// exactly, grace's inbox shows it; and grace's answer reaches ada's open conversation live, without a reload.
import { expect, signIn, test, addAccount } from "./fixtures";
import { MailboxReader, addRecipients, allParts, header, openComposer, sendAndWaitForToast } from "./compose-helpers";
import { grantModify } from "./grant-helpers";

const ADA = "ada@example.com";
const GRACE = "grace@example.com";
const SUBJECT = "סיכום פגישה";
const NAME = "דנה כהן";
const FILENAME = "חשבונית מרץ.pdf";

/** One header of a raw message, its folded lines joined. */
function rawHeader(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]/g, " ");
  const line = head.split(/\r?\n/).find((item) => item.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}

/** RFC 2047 encoded words (B or Q), adjacent ones joined as the RFC says. */
function decodeEncodedWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, "$1$2")
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, charset: string, encoding: string, text: string) => {
      expect(charset.toLowerCase()).toBe("utf-8");
      const bytes =
        encoding.toUpperCase() === "B"
          ? Buffer.from(text, "base64")
          : Buffer.from(
              text.replace(/_/g, " ").replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
              "latin1",
            );
      return bytes.toString("utf8");
    });
}

/** An RFC 2231 parameter (`name*=` or continued `name*0*=`, `name*1*=` …) decoded. */
function decodeExtendedParameter(headerValue: string, name: string): string | null {
  const pieces = [...headerValue.matchAll(new RegExp(`${name}\\*(\\d+)?(\\*)?=("[^"]*"|[^;\\s]+)`, "gi"))]
    .map((match) => ({
      index: Number(match[1] ?? 0),
      encoded: match[2] !== undefined || match[1] === undefined,
      value: match[3]!.replace(/^"|"$/g, ""),
    }))
    .sort((a, b) => a.index - b.index);
  if (pieces.length === 0) return null;
  const joined = pieces
    .map((piece, position) => (position === 0 && piece.encoded ? piece.value.replace(/^[^']*'[^']*'/, "") : piece.value))
    .join("");
  return decodeURIComponent(joined);
}

test("Hebrew subject, recipient name and attachment name travel encoded and decode back exactly; grace's inbox shows them", async ({
  page,
  emulator,
}) => {
  await signIn(page);
  await grantModify(page, ADA, "/inbox");
  const composer = await openComposer(page);
  await addRecipients(composer, "compose-to", [`"${NAME}" <${GRACE}>`]);
  await composer.getByTestId("compose-subject").fill(SUBJECT);
  await composer.getByTestId("compose-body").click();
  await composer.getByTestId("compose-body").pressSequentially("שלום דנה, מצורפת החשבונית.");
  const bytes = Buffer.from(Array.from({ length: 20_000 }, (_, i) => (i * 13) % 256));
  await composer.getByTestId("compose-attach").setInputFiles({ name: FILENAME, mimeType: "application/pdf", buffer: bytes });
  await expect(composer.getByTestId("compose-attachment")).toContainText(FILENAME);
  await expect(composer.getByRole("progressbar")).toHaveCount(0);
  await sendAndWaitForToast(page, composer);

  const grace = await MailboxReader.open(emulator, GRACE);
  const [id] = await grace.waitFor(`from:${ADA}`);
  const raw = await grace.raw(id!);

  const subject = rawHeader(raw, "Subject")!;
  expect(subject).toMatch(/^=\?UTF-8\?/i);
  expect(decodeEncodedWords(subject)).toBe(SUBJECT);
  const to = rawHeader(raw, "To")!;
  expect(to).toMatch(/=\?UTF-8\?/i);
  expect(decodeEncodedWords(to).replace(/"/g, "")).toBe(`${NAME} <${GRACE}>`);

  const disposition = raw
    .replace(/\r?\n[ \t]/g, " ")
    .split(/\r?\n/)
    .find((line) => /^content-disposition:\s*attachment/i.test(line));
  expect(disposition).toMatch(/filename\*(0\*)?=/i);
  expect(decodeExtendedParameter(disposition!, "filename")).toBe(FILENAME);

  // Read as Gmail reads it: the same name, and the same bytes.
  const message = await grace.message(id!);
  expect(header(message, "Subject")).toBe(SUBJECT);
  const attachment = allParts(message.payload).find((part) => part.filename === FILENAME);
  expect(attachment?.body?.attachmentId).toBeTruthy();
  expect((await grace.attachment(id!, attachment!.body!.attachmentId!)).equals(bytes)).toBe(true);

  // Grace's own inbox in Mailroom shows the subject as written.
  await addAccount(page, GRACE);
  await page.goto(`/inbox?${new URLSearchParams({ account: GRACE })}`);
  await expect(page.getByTestId("message-row").filter({ hasText: SUBJECT })).toBeVisible();
});

test("grace's reply arrives in ada's open conversation live, without a reload", async ({ page, emulator }) => {
  // Every change notified at once (Gmail's one-a-second notification limit is covered elsewhere).
  await emulator.control("POST", "watches/rate", { intervalMs: 0 });
  await signIn(page);
  await grantModify(page, ADA, "/inbox");
  const composer = await openComposer(page);
  await addRecipients(composer, "compose-to", [GRACE]);
  await composer.getByTestId("compose-subject").fill(SUBJECT);
  await composer.getByTestId("compose-body").click();
  await composer.getByTestId("compose-body").pressSequentially("נדבר מחר?");
  await sendAndWaitForToast(page, composer);

  const grace = await MailboxReader.open(emulator, GRACE);
  const [received] = await grace.waitFor(`from:${ADA}`);
  const messageId = header(await grace.message(received!), "Message-ID")!;
  expect(messageId).toMatch(/^<.+>$/);
  const ada = await MailboxReader.open(emulator, ADA);
  // Sent before grace received it: the newest of ada's Sent.
  const [sent] = await ada.search("in:sent");
  const sentMessage = await ada.message(sent!);
  expect(header(sentMessage, "Subject")).toBe(SUBJECT);
  const threadId = sentMessage.threadId;

  // Ada has her conversation open, its stream live.
  await page.goto(`/inbox/${threadId}?${new URLSearchParams({ account: ADA })}`);
  await expect(page.getByTestId("conversation-message")).toHaveCount(1);
  await expect(page.getByTestId("conversation-live")).toHaveAttribute("data-live", "live");
  // A marker that is gone after any reload: the reply must appear in this same page.
  await page.evaluate(() => Object.assign(window, { __stillThisPage: true }));

  const reply = [
    `From: ${NAME} <${GRACE}>`,
    `To: ${ADA}`,
    `Subject: =?UTF-8?B?${Buffer.from(`Re: ${SUBJECT}`).toString("base64")}?=`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <reply-${Date.now()}@example.com>`,
    `In-Reply-To: ${messageId}`,
    `References: ${messageId}`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=UTF-8",
    "Content-Transfer-Encoding: base64",
    "",
    Buffer.from("כן, מחר בעשר.").toString("base64"),
    "",
  ].join("\r\n");
  await emulator.control("POST", "send", { email: GRACE, raw: reply });

  await expect(page.getByTestId("conversation-message")).toHaveCount(2);
  await expect(page.getByTestId("conversation-message").last()).toContainText("כן, מחר בעשר.");
  expect(await page.evaluate(() => (window as unknown as { __stillThisPage?: boolean }).__stillThisPage)).toBe(true);
});
