import Database from "better-sqlite3";
import { SEED_FIXTURES } from "../emulator/seed";
import { addAccount, expect, forgetEveryone, signIn, suiteDatabaseFile, test } from "./fixtures";

const ADA = "ada@example.com";
const GRACE = "grace@example.com";
const { id: imageMessage, remoteImageUrl } = SEED_FIXTURES.ada.special.htmlWithScript;

function forgetTrustedSenders(): void {
  const db = new Database(suiteDatabaseFile(), { fileMustExist: true });
  try {
    db.exec('DELETE FROM "TrustedSender";');
  } finally {
    db.close();
  }
}

// Which accounts exist, and whom they trust, is what these tests are about: nobody before, nobody after.
test.beforeEach(() => {
  forgetTrustedSenders();
  forgetEveryone();
});
test.afterEach(() => {
  forgetTrustedSenders();
  forgetEveryone();
});

test("Settings names each permission in words, never a scope's URL", async ({ page, emulator: _ }) => {
  await signIn(page, { email: ADA });
  await page.goto("/settings");
  const granted = page.getByTestId("granted-scopes");
  await expect(granted).toContainText("Read your email messages and settings");
  await expect(granted).toContainText("See your email address");
  await expect(granted).not.toContainText("https://");
  await expect(granted).not.toContainText("openid");
});

test("adding an account keeps the default account", async ({ page, emulator: _ }) => {
  await signIn(page, { email: ADA });
  await addAccount(page, GRACE);
  await expect(page.getByTestId("account-card")).toHaveCount(2);
  await page.goto("/inbox");
  await expect(page.getByTestId("account-switcher")).toHaveValue(ADA);
});

test("Always show images from a sender: remembered for the account, used on the next visit, forgotten in Settings", async ({
  page,
  emulator: _,
}) => {
  await signIn(page, { email: ADA });
  await page.goto(`/inbox/${imageMessage}`);
  const trust = page.getByTestId("trust-sender");
  await expect(trust).toHaveText(/^Always show images from \S+@\S+$/);
  const sender = (await trust.textContent())!.replace("Always show images from ", "");
  await trust.click();
  await expect(page.getByRole("link", { name: "Show images" })).toHaveCount(0);

  // Another visit, without asking: the images are in the message, allowed by its frame's policy.
  await page.goto(`/inbox/${imageMessage}`);
  const body = page.locator(`[data-testid="message-body"][srcdoc*="${remoteImageUrl}"]`);
  await expect(body).toHaveCount(1);
  expect(await body.getAttribute("srcdoc")).toContain("img-src data: https: http:");
  await expect(page.getByRole("link", { name: "Show images" })).toHaveCount(0);

  // Settings lists the sender, and Forget hides their images again.
  await page.goto("/settings");
  const listed = page.getByTestId("trusted-sender");
  await expect(listed).toHaveText([new RegExp(sender.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))]);
  await listed.getByRole("button", { name: `Forget ${sender}` }).click();
  await expect(listed).toHaveCount(0);
  await page.goto(`/inbox/${imageMessage}`);
  await expect(page.getByRole("link", { name: "Show images" })).toBeVisible();
});
