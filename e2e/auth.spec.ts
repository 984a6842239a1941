import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import { answerConsent, type Emulator, expect, signIn, test } from "./fixtures";

type Logged = { method: string; path: string; status: number };

function requestLog(emulator: Emulator): Promise<Logged[]> {
  return emulator.control("GET", "requests").then((body) => (body as { requests: Logged[] }).requests);
}

function liveGrants(emulator: Emulator, email: string): Promise<{ clientId: string; liveRefreshTokens: number }[]> {
  return emulator
    .control("GET", `grants?email=${encodeURIComponent(email)}`)
    .then((body) => (body as { grants: { clientId: string; liveRefreshTokens: number }[] }).grants);
}

/** The Session table's token column as the database holds it (the suite's database is a SQLite file). */
function storedSessionTokens(): string[] {
  const url = process.env.MAILROOM_E2E_DATABASE_URL ?? "";
  if (!url.startsWith("file:")) throw new Error("the browser suite's database is expected to be a SQLite file");
  const db = new Database(url.slice("file:".length), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare<[], { sessionToken: string }>('SELECT "sessionToken" FROM "Session"')
      .all()
      .map((row) => row.sessionToken);
  } finally {
    db.close();
  }
}

test("signs in through Google's account chooser and consent screen, and signs out", async ({ page, emulator: _ }) => {
  await signIn(page);
  await expect(page.getByTestId("message-row").first()).toBeVisible();
  await expect(page.getByText("ada@example.com")).toBeVisible();

  // The session the browser can read names the user and carries no token.
  const session = await (await page.request.get("/api/auth/session")).text();
  expect(session).toContain("ada@example.com");
  expect(session).not.toMatch(/ya29\.|1\/\/|access_token|refresh_token|id_token/);
  const cookies = await page.context().cookies();
  const sessionCookie = cookies.find((cookie) => cookie.name.endsWith("next-auth.session-token"));
  expect(sessionCookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });

  await page.getByTestId("sign-out").click();
  await expect(page.getByRole("button", { name: "Sign in with Google" })).toBeVisible();
  await page.goto("/inbox");
  await expect(page).toHaveURL(/\/$/);
});

test("a user who unticks Gmail at consent sees why and can grant it", async ({ page, emulator: _ }) => {
  await signIn(page, { untickGmail: true });
  const banner = page.getByTestId("reauth-banner");
  await expect(banner).toBeVisible();
  await expect(banner).toHaveAttribute("data-reason", "insufficient_scope");
  await expect(banner).toHaveAttribute("role", "alert");
  await expect(page.getByTestId("message-row")).toHaveCount(0);

  await banner.getByRole("button", { name: "Reconnect Gmail" }).click();
  await answerConsent(page);
  await expect(page).toHaveURL(/\/inbox/);
  await expect(page.getByTestId("reauth-banner")).toHaveCount(0);
  await expect(page.getByTestId("message-row").first()).toBeVisible();
});

test("revoked access shows the banner, and reconnecting returns to the same page as the same user", async ({ page, emulator }) => {
  await signIn(page);
  const userBefore = ((await (await page.request.get("/api/auth/session")).json()) as { user: { id: string } }).user.id;
  await page.goto("/inbox?label=STARRED");
  await expect(page.getByTestId("message-row").first()).toBeVisible();

  await emulator.control("POST", "revoke", { email: "ada@example.com" });
  await page.reload();
  const banner = page.getByTestId("reauth-banner");
  await expect(banner).toHaveAttribute("data-reason", "revoked");

  // The API says the same, in the contract's envelope.
  const api = await page.request.get("/api/messages");
  expect(api.status()).toBe(401);
  expect(await api.json()).toMatchObject({
    error: { code: "reauth_required", reason: "revoked", reauthorizeUrl: expect.stringContaining("/reconnect") },
  });

  await emulator.control("DELETE", "requests");
  await banner.getByRole("button", { name: "Reconnect Gmail" }).click();
  // login_hint reached Google, so Google went straight to the consent screen: no account chooser.
  const allow = page.getByRole("button", { name: "Allow" });
  await expect(allow).toBeVisible();
  await expect(page.getByRole("heading", { name: "Choose an account" })).toHaveCount(0);
  const authorize = (await requestLog(emulator)).filter((request) => request.path.startsWith("/o/oauth2/v2/auth?"));
  expect(authorize).toHaveLength(1);
  expect(authorize[0]!.path).toContain("login_hint=ada%40example.com");
  await allow.click();
  await expect(page).toHaveURL(/\/inbox\?label=STARRED$/);
  await expect(page.getByTestId("reauth-banner")).toHaveCount(0);
  await expect(page.getByTestId("message-row").first()).toBeVisible();
  const userAfter = ((await (await page.request.get("/api/auth/session")).json()) as { user: { id: string } }).user.id;
  expect(userAfter).toBe(userBefore);
});

test("settings shows the granted scopes and disconnect revokes the grant but keeps the user", async ({ page, emulator }) => {
  await signIn(page);
  expect(await liveGrants(emulator, "ada@example.com")).toEqual([expect.objectContaining({ liveRefreshTokens: 1 })]);
  await page.goto("/settings");
  await expect(page.getByTestId("connection-state")).toHaveText("connected");
  await expect(page.getByTestId("granted-scopes")).toContainText("Read your email messages and settings");
  await expect(page.getByTestId("granted-scopes")).not.toContainText("https://");
  await page.getByRole("button", { name: "Disconnect Gmail" }).click();
  await expect(page.getByTestId("connection-state")).toHaveText("not connected");
  await expect(page.getByTestId("reauth-banner")).toHaveAttribute("data-reason", "disconnected");
  // The grant died at Google, not only in Mailroom: one revoke, the token in its body (the log keeps the query).
  const revokes = (await requestLog(emulator)).filter((request) => request.path.startsWith("/revoke"));
  expect(revokes).toEqual([expect.objectContaining({ method: "POST", path: "/revoke", status: 200 })]);
  expect(await liveGrants(emulator, "ada@example.com")).toEqual([]);
  // Still signed in: the inbox explains how to reconnect instead of sending the user away.
  await page.goto("/inbox");
  await expect(page.getByTestId("reauth-banner")).toBeVisible();
});

test("a tampered session cookie is simply signed out", async ({ page, emulator: _ }) => {
  await signIn(page);
  const cookies = await page.context().cookies();
  const session = cookies.find((cookie) => cookie.name.endsWith("next-auth.session-token"))!;
  await page.context().addCookies([{ ...session, value: `${session.value.slice(0, -4)}abcd` }]);
  await page.goto("/inbox");
  await expect(page.getByRole("button", { name: "Sign in with Google" })).toBeVisible();
  const api = await page.request.get("/api/messages");
  expect(api.status()).toBe(401);
  expect(await api.json()).toEqual({ error: { code: "unauthenticated", message: expect.any(String) } });
});

test("a session token is stored hashed: what the database holds does not sign anyone in", async ({ page, emulator: _ }) => {
  await signIn(page);
  const cookie = (await page.context().cookies()).find((entry) => entry.name.endsWith("next-auth.session-token"))!;
  const stored = storedSessionTokens();
  expect(stored).not.toContain(cookie.value);
  const hash = createHash("sha256").update(cookie.value).digest("base64url");
  expect(stored).toContain(hash);

  // Someone who copied the Session table puts the stored value into the cookie: signed out.
  await page.context().addCookies([{ ...cookie, value: hash }]);
  expect(await (await page.request.get("/api/auth/session")).json()).toEqual({});
  await page.goto("/inbox");
  await expect(page.getByRole("button", { name: "Sign in with Google" })).toBeVisible();
});

test("a re-consent's new refresh token works, and the replaced one is never revoked", async ({ page, emulator }) => {
  await signIn(page);
  await page.getByTestId("sign-out").click();
  await expect(page.getByRole("button", { name: "Sign in with Google" })).toBeVisible();
  await emulator.control("DELETE", "requests");
  // Signing in again asks for consent (prompt=consent), which hands Mailroom a second refresh token.
  await signIn(page);
  expect(await liveGrants(emulator, "ada@example.com")).toEqual([expect.objectContaining({ liveRefreshTokens: 2 })]);

  // Google kills the access token: the inbox only loads if the stored (new) refresh token works.
  await emulator.control("POST", "expire", { email: "ada@example.com" });
  await emulator.control("DELETE", "stats");
  await page.reload();
  await expect(page.getByTestId("message-row").first()).toBeVisible();
  const stats = (await emulator.control("GET", "stats")) as { grants: { refresh_token?: number } };
  expect(stats.grants.refresh_token).toBe(1);

  // Revoking the old token would have ended the whole grant (Google's rule), so Mailroom never does.
  expect((await requestLog(emulator)).filter((request) => request.path.startsWith("/revoke"))).toEqual([]);
  expect(await liveGrants(emulator, "ada@example.com")).toEqual([expect.objectContaining({ liveRefreshTokens: 2 })]);
});
