// Reply, Reply all and Forward from an open conversation: built in the browser from what is on screen (no
// request), and received by grace threaded by its headers, as any mail client threads it.
import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";
import { MailboxReader, graceWroteToAda, addRecipients, allParts, header, partText, sendAndWaitForToast } from "./compose-helpers";
import { grantModify } from "./grant-helpers";

const ADA = "ada@example.com";
const GRACE = "grace@example.com";

/** Requests the page makes to Mailroom (the live stream aside) while `act` runs. */
async function requestsDuring(page: Page, act: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const listener = (request: { url(): string }) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith("/api/") && url.pathname !== "/api/events") seen.push(url.pathname);
  };
  page.on("request", listener);
  await act();
  page.off("request", listener);
  return seen;
}

test("Reply quotes the original from the page with no request, and grace receives it threaded by its headers", async ({
  page,
  emulator,
}) => {
  const original = await graceWroteToAda(emulator, { subject: "Lunch on Tuesday", cc: "Bob <bob@example.com>, ada@example.com" });
  await signIn(page);
  await grantModify(page, ADA, `/inbox/${original.threadId}`);
  // Grace's message itself: the replies sent below join the conversation under it.
  const message = page.locator(`[data-testid="conversation-message"][data-message-id="${original.id}"]`);
  await expect(message.getByTestId("reply")).toBeVisible();
  // The page's keys listen once it has hydrated (the toolbar says so); a key pressed before is lost, as in any app.
  await expect(page.locator('[data-testid="conversation-toolbar"][data-keys="ready"]')).toBeVisible();

  const composer = page.getByTestId("composer");
  const requests = await requestsDuring(page, async () => {
    await page.locator("body").press("r");
    await expect(composer.getByTestId("compose-quote")).toContainText("Shall we meet at noon?");
  });
  // The quote comes from the page, and From is the account until ada asks to change it: nothing is asked.
  expect(requests).toEqual([]);
  await composer.getByText("Quoted text").click();
  await expect(composer.getByTestId("compose-quote").locator("blockquote")).toContainText("Shall we meet at noon?");
  await expect(composer.getByTestId("compose-quote")).toContainText(/On .*2026.*, Grace Hopper <grace@example.com> wrote:/);
  await expect(composer.getByTestId("compose-subject")).toHaveValue("Re: Lunch on Tuesday");
  await expect(composer.getByRole("list", { name: "To recipients" })).toHaveText(/Grace Hopper <grace@example.com>/);
  await expect(composer.getByTestId("compose-from")).toHaveText(ADA);

  await composer.getByTestId("compose-body").click();
  await composer.getByTestId("compose-body").pressSequentially("Noon works.");
  await sendAndWaitForToast(page, composer);

  const grace = await MailboxReader.open(emulator, GRACE);
  const [id] = await grace.waitFor('subject:"Re: Lunch on Tuesday"');
  const reply = await grace.message(id!);
  expect(header(reply, "In-Reply-To")).toBe(original.messageId);
  expect(header(reply, "References")).toContain(original.messageId);
  expect(header(reply, "To")).toContain(GRACE);
  expect(header(reply, "Cc")).toBeUndefined();
  const text = partText(allParts(reply.payload).find((part) => part.mimeType === "text/plain"));
  expect(text).toContain("Noon works.");
  expect(text).toContain("Shall we meet at noon?");
});

test("Reply all leaves out ada's own address; Forward starts with no recipients and carries the original", async ({ page, emulator }) => {
  const original = await graceWroteToAda(emulator, { subject: "Lunch on Wednesday", cc: "Bob <bob@example.com>, ada@example.com" });
  await signIn(page);
  await grantModify(page, ADA, `/inbox/${original.threadId}`);
  // Grace's message itself: the replies sent below join the conversation under it.
  const message = page.locator(`[data-testid="conversation-message"][data-message-id="${original.id}"]`);
  const composer = page.getByTestId("composer");

  await message.getByTestId("reply-all").click();
  await expect(composer.getByRole("list", { name: "To recipients" })).toHaveText(/grace@example.com/);
  await expect(composer.getByRole("list", { name: "Cc recipients" })).toHaveText(/bob@example.com/);
  await expect(composer.getByRole("list", { name: "To recipients" })).not.toContainText(ADA);
  await expect(composer.getByRole("list", { name: "Cc recipients" })).not.toContainText(ADA);
  await composer.getByTestId("compose-body").click();
  await composer.getByTestId("compose-body").pressSequentially("Count me in.");
  await sendAndWaitForToast(page, composer);

  await message.getByTestId("forward").click();
  await expect(composer.getByTestId("compose-subject")).toHaveValue("Fwd: Lunch on Wednesday");
  await expect(composer.getByRole("listitem").filter({ hasText: "@" })).toHaveCount(0);
  await expect(composer.getByTestId("compose-quote")).toContainText("Forwarded message");
  await addRecipients(composer, "compose-to", [GRACE]);
  await sendAndWaitForToast(page, composer);

  const grace = await MailboxReader.open(emulator, GRACE);
  const [replyAll] = await grace.waitFor('subject:"Re: Lunch on Wednesday"');
  const all = await grace.message(replyAll!);
  expect(header(all, "Cc")).toContain("bob@example.com");
  expect(`${header(all, "To")} ${header(all, "Cc")}`).not.toContain(ADA);
  expect(header(all, "In-Reply-To")).toBe(original.messageId);

  const [forwarded] = await grace.waitFor('subject:"Fwd: Lunch on Wednesday"');
  const forward = await grace.message(forwarded!);
  expect(partText(allParts(forward.payload).find((part) => part.mimeType === "text/plain"))).toContain("Shall we meet at noon?");
});
