import Database from "better-sqlite3";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { type Emulator, addAccount, answerConsent, expect, signIn, forgetEveryone, suiteDatabaseFile, test } from "./fixtures";

type StoredAccount = {
  userId: string;
  email: string;
  refresh_token: string | null;
  access_token: string | null;
  reauthReason: string | null;
  updatedAt: string;
};

/** The Account rows as the database holds them (tokens sealed), by address. */
function storedAccounts(): StoredAccount[] {
  const db = new Database(suiteDatabaseFile(), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare<[], StoredAccount>(
        'SELECT "userId", "email", "refresh_token", "access_token", "reauthReason", "updatedAt" FROM "Account" ORDER BY "email"',
      )
      .all();
  } finally {
    db.close();
  }
}

/** Each account's lastUsedAt (what makes it the default), by address. */
function storedLastUsed(): [string, string | null][] {
  const db = new Database(suiteDatabaseFile(), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare<[], { email: string; lastUsedAt: string | null }>('SELECT "email", "lastUsedAt" FROM "Account" ORDER BY "email"')
      .all()
      .map((row) => [row.email, row.lastUsedAt]);
  } finally {
    db.close();
  }
}

async function sessionUserId(page: Page): Promise<string> {
  return ((await (await page.request.get("/api/auth/session")).json()) as { user: { id: string } }).user.id;
}

type Logged = { path: string };
const gmailRequests = (requests: Logged[]) =>
  requests.filter((request) => request.path.startsWith("/gmail/") || request.path.startsWith("/batch"));

const liveGrants = async (emulator: Emulator, email: string) =>
  ((await emulator.control("GET", `grants?email=${encodeURIComponent(email)}`)) as { grants: unknown[] }).grants;

const contexts: BrowserContext[] = [];
/** Another browser (its own cookies) signed in with `email`. */
async function anotherBrowser(browser: Browser, appUrl: string, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: appUrl });
  contexts.push(context);
  const other = await context.newPage();
  await signIn(other, { email });
  return other;
}
test.afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

const card = (page: Page, email: string) => page.locator(`[data-testid="account-card"][data-account="${email}"]`);

// Each test starts with nobody known to Mailroom (which user a Google account belongs to is what is tested),
// and leaves nobody behind for the specs that follow.
test.beforeEach(forgetEveryone);
test.afterEach(forgetEveryone);

test("adds a second Google account and switches between them, keeping the label and the search", async ({ page, emulator: _ }) => {
  await signIn(page, { email: "ada@example.com" });
  const me = await sessionUserId(page);
  await addAccount(page, "grace@example.com");
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByTestId("account-card")).toHaveCount(2);
  expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain("mailroom.sign-in-intent");
  await expect(page.locator('[data-testid="account-card"][data-account="grace@example.com"]').getByTestId("connection-state")).toHaveText(
    "connected",
  );
  expect(await sessionUserId(page)).toBe(me);
  expect(storedAccounts().map((row) => [row.email, row.userId])).toEqual([
    ["ada@example.com", me],
    ["grace@example.com", me],
  ]);

  // Ada's All mail, searched; then the switcher: Grace's All mail, same search.
  await page.goto("/inbox?account=ada%40example.com&label=ALL&q=in%3Aanywhere");
  const switcher = page.getByTestId("account-switcher");
  await expect(switcher).toHaveValue("ada@example.com");
  await expect(switcher.locator("option")).toHaveText(["ada@example.com", "grace@example.com", "All accounts"]);
  await expect(page.getByTestId("message-row").first()).toBeVisible();
  const adaIds = await page.getByTestId("message-row").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-message-id")));

  await switcher.selectOption("grace@example.com");
  await expect(page).toHaveURL(/\/inbox\?account=grace%40example\.com&label=ALL&q=in%3Aanywhere$/);
  await expect(switcher).toHaveValue("grace@example.com");
  await expect(page.getByTestId("search")).toHaveValue("in:anywhere");
  // A search looks in all mail whichever tab it came from: the page says so, and no tab is the current one.
  await expect(page.getByTestId("search-scope")).toContainText("Searching all mail");
  await expect(page.getByRole("navigation", { name: "Labels" }).locator('[aria-current="page"]')).toHaveCount(0);
  await expect(page.getByTestId("message-row").first()).toBeVisible();
  const graceIds = await page.getByTestId("message-row").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-message-id")));
  expect(graceIds.filter((id) => adaIds.includes(id))).toEqual([]);

  // A message of Grace's opens from her list; switching from there goes to Ada's list with label and search.
  await page.getByTestId("message-row").first().getByRole("link").click();
  await expect(page).toHaveURL(/\/inbox\/[0-9a-f]{16}\?account=grace%40example\.com/);
  await expect(page.getByTestId("message-body")).toBeVisible();
  await page.getByTestId("account-switcher").selectOption("ada@example.com");
  await expect(page).toHaveURL(/\/inbox\?account=ada%40example\.com&label=ALL&q=in%3Aanywhere$/);
  await expect(page.getByTestId("message-row").first()).toHaveAttribute("data-message-id", adaIds[0]!);

  // The last account used is the default.
  await page.getByTestId("account-switcher").selectOption("grace@example.com");
  await expect(page.getByTestId("message-row").first()).toHaveAttribute("data-message-id", graceIds[0]!);
  await page.goto("/inbox?label=ALL&q=in%3Aanywhere");
  await expect(page.getByTestId("account-switcher")).toHaveValue("grace@example.com");
  await expect(page.getByTestId("message-row").first()).toHaveAttribute("data-message-id", graceIds[0]!);
});

test("reconnecting one account but choosing another at Google changes nothing and names both accounts", async ({ page, emulator }) => {
  await signIn(page, { email: "ada@example.com" });
  const me = await sessionUserId(page);
  await addAccount(page, "grace@example.com");
  await emulator.control("POST", "revoke", { email: "ada@example.com" });
  await page.goto("/inbox?account=ada%40example.com");
  const banner = page.getByTestId("reauth-banner");
  await expect(banner).toHaveAttribute("data-account", "ada@example.com");
  const before = storedAccounts();

  // At Google the person picks Grace although Mailroom asked (login_hint) for Ada.
  await emulator.control("POST", "consent", { email: "grace@example.com" });
  try {
    await banner.getByRole("button", { name: "Reconnect Gmail" }).click();
    const notice = page.getByTestId("account-notice");
    await expect(notice).toHaveText(/You chose grace@example\.com; this reconnects ada@example\.com\. Nothing was changed\./);
    await expect(notice).toHaveAttribute("role", "alert");
  } finally {
    await emulator.control("POST", "consent", { autoApprove: false });
  }
  expect(storedAccounts()).toEqual(before);
  expect(await sessionUserId(page)).toBe(me);
  await expect(page.locator('[data-testid="account-card"][data-account="ada@example.com"]').getByTestId("reauth-banner")).toBeVisible();
  // The intent was spent: it cannot be replayed by a later sign-in from this browser.
  expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain("mailroom.sign-in-intent");

  // Choosing the right account reconnects it.
  await page
    .locator('[data-testid="account-card"][data-account="ada@example.com"]')
    .getByRole("button", { name: "Reconnect Gmail" })
    .click();
  await answerConsent(page, { email: "ada@example.com" });
  await expect(page.getByTestId("reauth-banner")).toHaveCount(0);
  await page.goto("/inbox?account=ada%40example.com");
  await expect(page.getByTestId("message-row").first()).toBeVisible();
});

test("revoking one of two accounts shows only its banner; the other account keeps working", async ({ page, emulator }) => {
  await signIn(page, { email: "ada@example.com" });
  await addAccount(page, "grace@example.com");
  await emulator.control("POST", "revoke", { email: "grace@example.com" });

  await page.goto("/inbox?account=grace%40example.com");
  await expect(page.getByTestId("reauth-banner")).toHaveAttribute("data-account", "grace@example.com");
  await expect(page.getByTestId("reauth-banner")).toContainText("grace@example.com");
  await page.getByTestId("account-switcher").selectOption("ada@example.com");
  await expect(page.getByTestId("message-row").first()).toBeVisible();
  await expect(page.getByTestId("reauth-banner")).toHaveCount(0);

  const grace = await page.request.get("/api/messages?account=grace@example.com");
  expect(grace.status()).toBe(401);
  expect(await grace.json()).toMatchObject({
    error: {
      code: "reauth_required",
      reason: "revoked",
      reauthorizeUrl: expect.stringContaining("/reconnect?account=grace%40example.com"),
    },
  });
  const ada = await page.request.get("/api/messages?account=ada@example.com");
  expect(ada.status()).toBe(200);
  await page.goto("/settings");
  await expect(page.getByTestId("reauth-banner")).toHaveCount(1);
  await expect(page.locator('[data-testid="account-card"][data-account="ada@example.com"]').getByTestId("connection-state")).toHaveText(
    "connected",
  );
});

test("a Google account already linked to another Mailroom user is refused, and its mail stays out of reach", async ({ page, emulator }) => {
  await signIn(page, { email: "grace@example.com" });
  const graceUser = await sessionUserId(page);
  await page.getByTestId("sign-out").click();
  await expect(page.getByRole("button", { name: "Sign in with Google" })).toBeVisible();
  await signIn(page, { email: "ada@example.com" });
  const me = await sessionUserId(page);
  expect(me).not.toBe(graceUser);
  const before = storedAccounts();

  await addAccount(page, "grace@example.com");
  await expect(page.getByTestId("account-notice")).toHaveText(
    /grace@example\.com is already linked to another Mailroom user, so it was not added here\. Nothing was changed\./,
  );
  expect(storedAccounts()).toEqual(before);
  expect(await sessionUserId(page)).toBe(me);
  await expect(page.getByTestId("account-card")).toHaveCount(1);

  // Asking for it by address is refused before anything is read at Gmail.
  await emulator.control("DELETE", "requests");
  const api = await page.request.get("/api/messages?account=grace@example.com");
  expect(api.status()).toBe(400);
  expect(await api.json()).toEqual({
    error: { code: "bad_request", message: expect.stringContaining("not one of your linked Google accounts") },
  });
  const message = await page.request.get("/api/messages/0123456789abcdef?account=grace@example.com");
  expect(message.status()).toBe(400);
  await page.goto("/inbox?account=grace%40example.com");
  await expect(page.getByRole("heading", { name: "That account is not one of yours" })).toBeVisible();
  const { requests } = (await emulator.control("GET", "requests")) as { requests: Logged[] };
  expect(gmailRequests(requests)).toEqual([]);
});

test("a signed-in user coming back from Google with an unlinked account and no intent is refused", async ({ page, emulator: _ }) => {
  // A sign-in page left open in another tab, used after signing in here.
  const staleTab = await page.context().newPage();
  await staleTab.goto("/");
  await signIn(page, { email: "ada@example.com" });
  const me = await sessionUserId(page);
  const before = storedAccounts();

  await staleTab.getByRole("button", { name: "Sign in with Google" }).click();
  await answerConsent(staleTab, { email: "grace@example.com" });
  await expect(staleTab.getByTestId("account-notice")).toHaveText(
    /grace@example\.com is not one of your linked accounts, so nothing was changed\./,
  );
  expect(storedAccounts()).toEqual(before);
  expect(await sessionUserId(page)).toBe(me);
  await expect(staleTab.getByTestId("account-card")).toHaveCount(1);
});

test("a captured add-account intent, replayed after it linked one account, links nothing more", async ({ page, emulator: _ }) => {
  // A sign-in page left open in another tab: its button goes to Google with whatever intent cookie is there.
  const staleTab = await page.context().newPage();
  await staleTab.goto("/");
  await signIn(page, { email: "ada@example.com" });
  await page.goto("/settings");
  await page.getByTestId("add-account").click();
  await expect(page.getByRole("heading", { name: "Choose an account" })).toBeVisible();
  const captured = (await page.context().cookies()).find((cookie) => cookie.name === "mailroom.sign-in-intent");
  expect(captured).toBeDefined();
  await answerConsent(page, { email: "grace@example.com" });
  await expect(page.getByTestId("account-card")).toHaveCount(2);
  const before = storedAccounts();

  // The same cookie, put back within its ten minutes, and another Google account chosen.
  await page.context().addCookies([captured!]);
  await staleTab.getByRole("button", { name: "Sign in with Google" }).click();
  await answerConsent(staleTab, { email: "empty@example.com" });
  await expect(staleTab.getByTestId("account-notice")).toHaveText(/empty@example\.com is not one of your linked accounts/);
  expect(storedAccounts()).toEqual(before);
  await expect(staleTab.getByTestId("account-card")).toHaveCount(2);
});

test("following a link with account= shows that account but does not change the default; the switcher does", async ({
  page,
  emulator: _,
}) => {
  await signIn(page, { email: "ada@example.com" });
  await addAccount(page, "grace@example.com");
  await page.goto("/inbox");
  await expect(page.getByTestId("account-switcher")).toHaveValue("ada@example.com");

  // A link from anywhere (a GET): Grace's inbox shows, and nothing is remembered.
  await page.goto("/inbox?account=grace%40example.com");
  await expect(page.getByTestId("account-switcher")).toHaveValue("grace@example.com");
  expect((await page.request.get("/api/threads?account=grace%40example.com")).status()).toBe(200);
  await page.goto("/inbox");
  await expect(page.getByTestId("account-switcher")).toHaveValue("ada@example.com");
  expect(storedLastUsed()).toEqual([
    ["ada@example.com", null],
    ["grace@example.com", null],
  ]);

  // The switcher is an explicit choice: it is remembered.
  await page.getByTestId("account-switcher").selectOption("grace@example.com");
  await expect(page).toHaveURL(/account=grace%40example\.com/);
  await expect
    .poll(() => storedLastUsed().map(([email, used]) => [email, used !== null]))
    .toEqual([
      ["ada@example.com", false],
      ["grace@example.com", true],
    ]);
  await page.goto("/inbox");
  await expect(page.getByTestId("account-switcher")).toHaveValue("grace@example.com");
});

test("a disconnected account cannot sign in until it is reconnected from a signed-in session", async ({ page, emulator: _ }) => {
  await signIn(page, { email: "ada@example.com" });
  const me = await sessionUserId(page);
  await addAccount(page, "grace@example.com");
  await card(page, "grace@example.com").getByRole("button", { name: "Disconnect Gmail" }).click();
  await expect(card(page, "grace@example.com").getByTestId("connection-state")).toHaveText("not connected");
  await page.getByTestId("sign-out").click();
  await expect(page.getByRole("button", { name: "Sign in with Google" })).toBeVisible();

  // Signing in with it is refused, and says why and what to do.
  await page.getByRole("button", { name: "Sign in with Google" }).click();
  await answerConsent(page, { email: "grace@example.com" });
  await expect(page).toHaveURL(/\/\?error=AccountDisconnected$/);
  await expect(page.locator(".sign-in-error")).toHaveText(
    /That Google account was disconnected from Mailroom, so it cannot sign in\. Sign in with another of your accounts, then reconnect it in Settings\./,
  );
  expect((await (await page.request.get("/api/auth/session")).json()) as unknown).toEqual({});

  // Signed in with Ada, Grace is reconnected from Settings; from then on it signs in as the same user again.
  await signIn(page, { email: "ada@example.com" });
  await page.goto("/settings");
  await card(page, "grace@example.com").getByRole("button", { name: "Reconnect Gmail" }).click();
  await answerConsent(page, { email: "grace@example.com" });
  await expect(card(page, "grace@example.com").getByTestId("connection-state")).toHaveText("connected");
  await page.getByTestId("sign-out").click();
  await expect(page.getByRole("button", { name: "Sign in with Google" })).toBeVisible();
  await signIn(page, { email: "grace@example.com" });
  expect(await sessionUserId(page)).toBe(me);
});

test("Remove account unlinks it: its browsers are signed out, its grant revoked, and it no longer signs in as me", async ({
  page,
  browser,
  appUrl,
  emulator,
}) => {
  await signIn(page, { email: "ada@example.com" });
  const me = await sessionUserId(page);
  await addAccount(page, "grace@example.com");
  const graceBrowser = await anotherBrowser(browser, appUrl, "grace@example.com");
  expect(await sessionUserId(graceBrowser)).toBe(me);

  await page.goto("/settings");
  await expect(card(page, "grace@example.com")).toContainText("its browsers are signed out");
  await card(page, "grace@example.com").getByTestId("remove-account").click();
  await expect(page.getByTestId("account-card")).toHaveCount(1);
  await expect(card(page, "ada@example.com").getByTestId("connection-state")).toHaveText("connected");
  expect(storedAccounts().map((row) => [row.email, row.userId])).toEqual([["ada@example.com", me]]);
  expect(await liveGrants(emulator, "grace@example.com")).toEqual([]);

  // The browser signed in with Grace is signed out; signing in with Grace now is someone new, not me.
  await graceBrowser.reload();
  await expect(graceBrowser.getByRole("button", { name: "Sign in with Google" })).toBeVisible();
  await signIn(graceBrowser, { email: "grace@example.com" });
  const graceUser = await sessionUserId(graceBrowser);
  expect(graceUser).not.toBe(me);
  await page.goto("/inbox");
  await expect(page.getByTestId("message-row").first()).toBeVisible();

  // Grace's only account removed: her Mailroom user goes, and she is back at the sign-in page.
  await graceBrowser.goto("/settings");
  await expect(graceBrowser.getByTestId("account-card")).toContainText("This is your only account");
  await graceBrowser.getByTestId("remove-account").click();
  await expect(graceBrowser.getByRole("button", { name: "Sign in with Google" })).toBeVisible();
  expect(storedAccounts().map((row) => row.userId)).toEqual([me]);
});

test("another session sees a notice when an account is linked; Settings says when and from which browser", async ({
  page,
  browser,
  appUrl,
  emulator: _,
}) => {
  await signIn(page, { email: "ada@example.com" });
  const otherSession = await anotherBrowser(browser, appUrl, "ada@example.com");
  await expect(otherSession.getByTestId("linked-account-notice")).toHaveCount(0);

  await addAccount(page, "grace@example.com");
  await expect(page.getByTestId("account-card")).toHaveCount(2);
  // The browser that linked it knows; it gets no notice.
  await expect(page.getByTestId("linked-account-notice")).toHaveCount(0);
  await expect(card(page, "grace@example.com").getByTestId("account-linked")).toHaveText(/^Linked .+ from Chrome on Linux$/);

  await otherSession.reload();
  const notice = otherSession.getByTestId("linked-account-notice");
  await expect(notice).toContainText("grace@example.com was linked to your Mailroom on");
  await expect(notice).toContainText("from Chrome on Linux");
  await notice.getByRole("button", { name: "Got it" }).click();
  await expect(notice).toHaveCount(0);
  await otherSession.reload();
  await expect(otherSession.getByTestId("message-row").first()).toBeVisible();
  await expect(otherSession.getByTestId("linked-account-notice")).toHaveCount(0);
});
