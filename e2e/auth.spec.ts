import { answerConsent, expect, signIn, test } from "./fixtures";

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
  expect(await api.json()).toMatchObject({ error: { code: "reauth_required", reason: "revoked", reauthorizeUrl: expect.stringContaining("/reconnect") } });

  await banner.getByRole("button", { name: "Reconnect Gmail" }).click();
  await answerConsent(page); // login_hint skips the account chooser
  await expect(page).toHaveURL(/\/inbox\?label=STARRED$/);
  await expect(page.getByTestId("reauth-banner")).toHaveCount(0);
  await expect(page.getByTestId("message-row").first()).toBeVisible();
  const userAfter = ((await (await page.request.get("/api/auth/session")).json()) as { user: { id: string } }).user.id;
  expect(userAfter).toBe(userBefore);
});

test("settings shows the granted scopes and disconnect revokes the grant but keeps the user", async ({ page, emulator: _ }) => {
  await signIn(page);
  await page.goto("/settings");
  await expect(page.getByTestId("connection-state")).toHaveText("connected");
  await expect(page.getByTestId("granted-scopes")).toContainText("https://www.googleapis.com/auth/gmail.readonly");
  await page.getByRole("button", { name: "Disconnect Gmail" }).click();
  await expect(page.getByTestId("connection-state")).toHaveText("not connected");
  await expect(page.getByTestId("reauth-banner")).toHaveAttribute("data-reason", "disconnected");
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
