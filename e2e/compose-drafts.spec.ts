// Drafts are Gmail's: the Drafts view lists them, and two tabs editing one draft never overwrite each other
// silently: the stale tab is told, keeps its text, and decides.
import { expect, signIn, test } from "./fixtures";
import { MailboxReader, openComposer, writeMessage } from "./compose-helpers";
import { grantModify } from "./grant-helpers";

const ADA = "ada@example.com";

test("two tabs on one draft: the stale one is told, keeps what was typed, and Keep mine overwrites", async ({
  page,
  context,
  emulator,
}) => {
  await signIn(page);
  await grantModify(page, ADA, "/inbox");
  const first = await openComposer(page);
  await writeMessage(first, { to: ["grace@example.com"], subject: "Shared draft", body: "From tab one" });
  await expect(first.getByTestId("draft-state")).toHaveText("Saved");

  // A second tab opens the same draft from the Drafts view and changes it.
  const other = await context.newPage();
  await other.goto("/drafts");
  await other.getByTestId("draft-row").filter({ hasText: "Shared draft" }).getByRole("button").click();
  const second = other.getByTestId("composer");
  await expect(second.getByTestId("compose-body")).toContainText("From tab one");
  await second.getByTestId("compose-body").click();
  await second.getByTestId("compose-body").press("End");
  await second.getByTestId("compose-body").pressSequentially(" and tab two");
  await expect(second.getByTestId("draft-state")).toHaveText("Saved");

  // The first tab types on: its save is refused as stale, and says so.
  await first.getByTestId("compose-body").pressSequentially(", still typing");
  await expect(first.getByTestId("compose-conflict")).toBeVisible();
  await expect(first.getByTestId("compose-body")).toContainText("From tab one, still typing");
  await first.getByRole("button", { name: "Keep mine" }).click();
  await expect(first.getByTestId("draft-state")).toHaveText("Saved");

  const ada = await MailboxReader.open(emulator, ADA);
  const drafts = await ada.drafts();
  expect(drafts).toHaveLength(1);
  expect(await ada.raw(drafts[0]!.message.id)).toContain("still typing");
});
