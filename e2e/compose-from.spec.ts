// From: an account with an accepted alias chooses which address a message is from, and the recipient
// sees that address.
import { expect, signIn, test } from "./fixtures";
import { MailboxReader, header, openComposer, sendAndWaitForToast, writeMessage } from "./compose-helpers";
import { grantModify } from "./grant-helpers";

const ADA = "ada@example.com";
const GRACE = "grace@example.com";
const ALIAS = "countess@example.com";

test("ada sends From her accepted alias and grace's copy is From the alias", async ({ page, emulator }) => {
  await emulator.control("POST", "send-as", {
    email: ADA,
    sendAsEmail: ALIAS,
    displayName: "The Countess",
    verificationStatus: "accepted",
  });
  await signIn(page);
  await grantModify(page, ADA, "/inbox");
  const composer = await openComposer(page);
  // The account is shown until the person asks to change it: only then are its addresses fetched.
  await expect(composer.getByTestId("compose-from")).toHaveText(ADA);
  await composer.getByTestId("compose-from-change").click();
  const from = composer.getByLabel("From");
  await expect(from).toBeFocused();
  await expect(from).toHaveJSProperty("tagName", "SELECT");
  // The account's default is chosen first; both addresses are offered.
  await expect(from).toHaveValue(ADA);
  await expect(from.locator("option")).toHaveText([/ada@example\.com/, /The Countess <countess@example\.com>/]);
  await from.selectOption(ALIAS);
  await writeMessage(composer, { to: [GRACE], subject: "From the alias", body: "Signed, the Countess" });
  await expect(composer.getByTestId("draft-state")).toHaveText("Saved");
  await sendAndWaitForToast(page, composer);

  const grace = await MailboxReader.open(emulator, GRACE);
  const [id] = await grace.waitFor('subject:"From the alias"');
  const received = header(await grace.message(id!), "From");
  expect(received).toContain(`<${ALIAS}>`);
  expect(received).not.toContain(ADA);
});

// The emulator fixture resets Google's state, so ada has only her own address again.
test("with only the account's own address, From is shown, not chosen", async ({ page, emulator: _reset }) => {
  await signIn(page);
  const composer = await openComposer(page);
  await expect(composer.getByTestId("compose-from")).toHaveText(ADA);
  await composer.getByTestId("compose-from-change").click();
  await expect(composer.getByText("No other address to send from.")).toBeVisible();
  await expect(composer.locator("select[data-testid=compose-from]")).toHaveCount(0);
});
