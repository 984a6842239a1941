// Discard: the draft leaves Gmail and this browser, the composer closes, and the person is told.
import { expect, signIn, test } from "./fixtures";
import { MailboxReader, openComposer, writeMessage } from "./compose-helpers";
import { grantModify } from "./grant-helpers";

const ADA = "ada@example.com";

test("Discard draft deletes the Gmail draft and the browser copy, closes the composer and says so", async ({ page, emulator }) => {
  await signIn(page);
  await grantModify(page, ADA, "/drafts");
  const composer = await openComposer(page);
  await writeMessage(composer, { to: ["grace@example.com"], subject: "Never mind", body: "Thinking aloud" });
  await expect(composer.getByTestId("draft-state")).toHaveText("Saved");
  const ada = await MailboxReader.open(emulator, ADA);
  expect(await ada.drafts()).toHaveLength(1);

  await composer.getByRole("button", { name: "Discard draft" }).click();
  await expect(composer).toBeHidden();
  await expect(page.getByTestId("compose-status")).toHaveText("Draft discarded");
  expect(await ada.drafts()).toHaveLength(0);
  await expect(page.getByText("No drafts.")).toBeVisible();
  await expect(page.getByTestId("draft-row")).toHaveCount(0);

  // Nothing kept in the browser either: a reload does not bring the composer back.
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("mailroom.composer.")));
  expect(kept).toEqual([]);
  await page.reload();
  await expect(page.getByTestId("compose")).toBeVisible();
  await expect(page.getByTestId("composer")).toHaveCount(0);
});
