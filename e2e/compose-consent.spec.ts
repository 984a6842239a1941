// An account that may only read mail meets Google's consent screen at its first save or send: the text is
// kept throughout, the send completes after consent, and declining says that nothing was sent.
import { answerConsent, expect, signIn, test } from "./fixtures";
import { MailboxReader, openComposer, writeMessage } from "./compose-helpers";

const GRACE = "grace@example.com";

test("read-only at first: Send asks for permission, and after consent the composer comes back and finishes the send", async ({
  page,
  emulator,
}) => {
  await signIn(page);
  const composer = await openComposer(page);
  await writeMessage(composer, { to: [GRACE], subject: "After consent", body: "Worth the wait" });
  await expect(composer.getByTestId("draft-state")).toHaveText("Not saved: permission needed");
  await composer.getByTestId("compose-send").click();
  await expect(composer.getByTestId("compose-scope")).toContainText("permission");

  await composer.getByTestId("compose-grant").click();
  await answerConsent(page);
  await expect(page).toHaveURL(/\/inbox/);
  // Back: the same text, sent now, with Undo offered as for any send.
  await expect(page.getByTestId("undo-send")).toBeVisible();
  await expect(page.getByTestId("composer")).toHaveCount(0);

  const grace = await MailboxReader.open(emulator, GRACE);
  const [id] = await grace.waitFor('subject:"After consent"');
  expect(await grace.raw(id!)).toContain("Worth the wait");
});

test("declining at Google keeps the text in the composer and says nothing was sent", async ({ page, emulator }) => {
  await signIn(page);
  const composer = await openComposer(page);
  await writeMessage(composer, { to: [GRACE], subject: "Declined", body: "Kept safe" });
  await composer.getByTestId("compose-send").click();
  await composer.getByTestId("compose-grant").click();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page).toHaveURL(/\/inbox/);

  const back = page.getByTestId("composer");
  await expect(back.getByTestId("compose-scope")).toContainText("nothing was sent");
  await expect(back.getByTestId("compose-subject")).toHaveValue("Declined");
  await expect(back.getByTestId("compose-body")).toContainText("Kept safe");
  await expect(page.getByTestId("undo-send")).toHaveCount(0);
  const grace = await MailboxReader.open(emulator, GRACE);
  expect(await grace.search('subject:"Declined"')).toEqual([]);
});

test("a reload loses nothing: the composer reopens with what was typed", async ({ page }) => {
  await signIn(page);
  const composer = await openComposer(page);
  await writeMessage(composer, { to: [GRACE], subject: "Survives a reload", body: "Every word" });
  await page.reload();
  const back = page.getByTestId("composer");
  await expect(back.getByTestId("compose-subject")).toHaveValue("Survives a reload");
  await expect(back.getByTestId("compose-body")).toContainText("Every word");
  await expect(back.getByRole("list", { name: "To recipients" })).toContainText(GRACE);
});
