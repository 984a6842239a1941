import { answerConsent, expect, forgetEveryone, signIn, test } from "./fixtures";
import { MODIFY_SCOPE, READONLY_SCOPE, gmailLog, grantModify, postFromPage, storedGrant, withoutLiveSync } from "./grant-helpers";

// Sign-in asks only to read. The first action asks Google for gmail.modify alone (include_granted_scopes),
// returns to the page it started on, and from then on actions apply; declining changes nothing.
test.beforeEach(forgetEveryone);
test.afterEach(forgetEveryone);

const MODIFY_ON_CONSENT = "Read, compose, and send emails from your Gmail account";
const READ_ON_CONSENT = "Read your email messages and settings";

type Grant = { clientId: string; scopes: string[] };
const grantsOf = async (emulator: { control: (m: "GET", p: string) => Promise<unknown> }, email: string) =>
  ((await emulator.control("GET", `grants?email=${encodeURIComponent(email)}`)) as { grants: Grant[] }).grants;

test("a read-only user grants gmail.modify alone and is back on the page, where actions now apply", async ({ page, emulator }) => {
  await signIn(page);
  expect(storedGrant("ada@example.com").scope).not.toContain(MODIFY_SCOPE);
  await page.goto("/inbox?label=STARRED");
  const messageId = await page.getByTestId("message-row").first().getAttribute("data-message-id");

  // The API asks for the permission, naming the page that explains it and the way back here.
  await emulator.control("DELETE", "requests");
  const refused = await postFromPage(page, { action: "markRead", messageIds: [messageId] });
  expect(refused.status).toBe(403);
  expect(refused.body.error).toEqual({
    code: "scope_required",
    scope: MODIFY_SCOPE,
    authorizeUrl: "/authorize?account=ada%40example.com&returnTo=%2Finbox%3Flabel%3DSTARRED",
    message: expect.stringMatching(/change your mail/) as unknown,
  });
  // Nothing reached Gmail for the action (the open inbox's live stream may have made its own calls).
  expect(withoutLiveSync(await gmailLog(emulator))).toEqual([]);

  await page.goto(refused.body.error!.authorizeUrl!);
  await expect(page.getByRole("heading", { name: "Allow Mailroom to change your mail" })).toBeVisible();
  await expect(page.getByText("ada@example.com")).toBeVisible();
  await expect(page.getByTestId("grant-cancel")).toHaveAttribute("href", "/inbox?label=STARRED");
  await page.getByTestId("grant-continue").click();

  // Google's screen asks for the new permission only.
  await expect(page.getByRole("button", { name: "Allow" })).toBeVisible();
  await expect(page.getByText(MODIFY_ON_CONSENT)).toBeVisible();
  await expect(page.getByText(READ_ON_CONSENT)).toHaveCount(0);
  await answerConsent(page);
  await expect(page).toHaveURL(/\/inbox\?label=STARRED$/);

  // Google's grant and Mailroom's stored scope are the union of both trips.
  const [grant] = await grantsOf(emulator, "ada@example.com");
  expect(grant!.scopes).toEqual(expect.arrayContaining(["openid", READONLY_SCOPE, MODIFY_SCOPE]));
  const stored = storedGrant("ada@example.com");
  expect(stored.scope?.split(" ")).toEqual(expect.arrayContaining([READONLY_SCOPE, MODIFY_SCOPE]));
  expect(stored.reauthReason).toBeNull();

  expect(await postFromPage(page, { action: "markRead", messageIds: [messageId] })).toEqual({
    status: 200,
    body: { applied: 1, failed: [] },
  });
  // Asking again is pointless now, and the page says so.
  await page.goto(refused.body.error!.authorizeUrl!);
  await expect(page.getByTestId("grant-done")).toBeVisible();
  await expect(page.getByTestId("grant-continue")).toHaveCount(0);
});

test("declining at Google returns to the page, and Mailroom stays exactly as it was: read-only", async ({ page, emulator }) => {
  await signIn(page);
  const before = storedGrant("ada@example.com");
  const grantsBefore = await grantsOf(emulator, "ada@example.com");
  await page.goto("/inbox?label=STARRED");
  const messageId = await page.getByTestId("message-row").first().getAttribute("data-message-id");

  // Only for one's own accounts, and only back to a page of this site.
  await page.goto("/authorize?account=grace%40example.com");
  await expect(page.getByRole("heading", { name: "That account is not one of yours" })).toBeVisible();
  await page.goto(`/authorize?account=ada%40example.com&returnTo=${encodeURIComponent("//evil.example/inbox")}`);
  await expect(page.getByTestId("grant-cancel")).toHaveAttribute("href", "/inbox");

  await page.goto(`/authorize?account=ada%40example.com&returnTo=${encodeURIComponent("/inbox?label=STARRED")}`);
  await page.getByTestId("grant-continue").click();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page).toHaveURL(/\/inbox\?label=STARRED$/);
  await expect(page.getByTestId("message-row").first()).toBeVisible();

  expect(storedGrant("ada@example.com")).toEqual(before);
  expect(await grantsOf(emulator, "ada@example.com")).toEqual(grantsBefore);
  const again = await postFromPage(page, { action: "markRead", messageIds: [messageId] });
  expect(again.status).toBe(403);
  expect(again.body.error?.code).toBe("scope_required");
  // Reading still works.
  await page.reload();
  await expect(page.getByTestId("message-row").first()).toBeVisible();
  await expect(page.getByTestId("reauth-banner")).toHaveCount(0);
});

test("a later reconnect keeps the permission to change mail", async ({ page }) => {
  await signIn(page);
  await grantModify(page, "ada@example.com", "/inbox");
  const granted = storedGrant("ada@example.com");

  await page.goto("/reconnect?account=ada%40example.com&callbackUrl=%2Finbox");
  await page.getByRole("button", { name: "Reconnect Gmail" }).click();
  // The reconnect asks for what sign-in asks for; include_granted_scopes keeps what was granted since.
  await expect(page.getByText(READ_ON_CONSENT)).toBeVisible();
  await answerConsent(page);
  await expect(page).toHaveURL(/\/inbox$/);

  const reconnected = storedGrant("ada@example.com");
  expect(reconnected.refresh_token).not.toBe(granted.refresh_token);
  expect(reconnected.scope?.split(" ")).toEqual(expect.arrayContaining([READONLY_SCOPE, MODIFY_SCOPE]));
  const messageId = await page.getByTestId("message-row").first().getAttribute("data-message-id");
  expect((await postFromPage(page, { action: "star", messageIds: [messageId] })).status).toBe(200);
});

test("granting with another Google account at Google changes nothing and says which account was chosen", async ({ page, emulator }) => {
  await signIn(page);
  const before = storedGrant("ada@example.com");
  await page.goto("/authorize?account=ada%40example.com");
  // Google answers as Grace whatever the login hint (as if she picked her account on Google's chooser).
  await emulator.control("POST", "consent", { email: "grace@example.com" });
  await page.getByTestId("grant-continue").click();
  await expect(page).toHaveURL(/\/settings\?notice=/);
  const notice = page.getByTestId("account-notice");
  await expect(notice).toHaveAttribute("data-refusal", "WrongAccount");
  // Grace never granted Mailroom anything: Google's answer for gmail.modify alone carries no id_token and no
  // address (the profile comes from userinfo), so the notice cannot name her.
  await expect(notice).toHaveText(/You chose another Google account; this reconnects ada@example\.com\. Nothing was changed\./);
  await emulator.control("POST", "consent", { autoApprove: false });
  expect(storedGrant("ada@example.com")).toEqual(before);
  await expect(page.getByTestId("account-card")).toHaveCount(1);
});
