import { describe, expect, it } from "vitest";
import { SEED_FIXTURES } from "../seed";
import { authorizeWithoutBrowser, control, DEV_CLIENT, exchangeCode, GMAIL_READONLY, type TokenResponse } from "../testing/control-client";
import { useEmulator } from "./harness";

const emulator = useEmulator();
const ada = SEED_FIXTURES.accounts.ada.email;

async function signIn(options: { accessType?: "online" | "offline"; prompt?: string; grantScopes?: string[]; scope?: string }) {
  const redirect = await authorizeWithoutBrowser(emulator.url, { email: ada, ...options });
  const tokens = await exchangeCode(emulator.url, redirect.get("code") ?? "");
  return { redirect, tokens };
}

async function refresh(refreshToken: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${emulator.url}/token`, {
    method: "POST",
    body: new URLSearchParams({
      grant_type: "refresh_token",
      refresh_token: refreshToken,
      client_id: DEV_CLIENT.clientId,
      client_secret: DEV_CLIENT.clientSecret,
    }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("refresh token rules (Google's, exactly)", () => {
  it("gives a refresh token on the first offline consent, none on a silent second authorization", async () => {
    const first = await signIn({ accessType: "offline" });
    expect(first.redirect.get("prompt")).toBe("consent");
    expect(first.tokens.refresh_token).toMatch(/^1\/\//);

    const second = await signIn({ accessType: "offline" });
    expect(second.redirect.get("prompt")).toBe("none");
    expect(second.tokens.refresh_token).toBeUndefined();
    expect(Object.keys(second.tokens)).toEqual(["access_token", "expires_in", "scope", "token_type", "id_token"]);

    // The first refresh token is still valid: Google does not rotate or replace it.
    expect((await refresh(first.tokens.refresh_token ?? "")).status).toBe(200);
  });

  it("gives a new refresh token with prompt=consent", async () => {
    const first = await signIn({ accessType: "offline" });
    const again = await signIn({ accessType: "offline", prompt: "consent" });
    expect(again.redirect.get("prompt")).toBe("consent");
    expect(again.tokens.refresh_token).toMatch(/^1\/\//);
    expect(again.tokens.refresh_token).not.toBe(first.tokens.refresh_token);
  });

  it("gives no refresh token for online access, even on first consent", async () => {
    const online = await signIn({ accessType: "online", prompt: "consent" });
    expect(online.tokens.refresh_token).toBeUndefined();
    const defaulted = await signIn({ prompt: "consent" });
    expect(defaulted.tokens.refresh_token).toBeUndefined();
  });

  it("never puts a refresh token into a refresh response", async () => {
    const { tokens } = await signIn({ accessType: "offline" });
    const refreshed = await refresh(tokens.refresh_token ?? "");
    expect(refreshed.status).toBe(200);
    expect(Object.keys(refreshed.body)).toEqual(["access_token", "expires_in", "scope", "token_type", "id_token"]);
    expect(refreshed.body.expires_in).toBe(3599);
  });

  it("grants only the scopes the user left ticked, in the redirect and the token", async () => {
    const { redirect, tokens } = await signIn({ accessType: "offline", prompt: "consent", grantScopes: ["openid", "email", "profile"] });
    expect(redirect.get("scope")?.split(" ")).not.toContain(GMAIL_READONLY);
    expect(tokens.scope.split(" ")).not.toContain(GMAIL_READONLY);
    expect(tokens.scope.split(" ")).toContain("https://www.googleapis.com/auth/userinfo.email");
    // Gmail was never granted, so the next authorization must show consent again.
    const next = await signIn({ accessType: "offline" });
    expect(next.redirect.get("prompt")).toBe("consent");
    expect(next.tokens.scope.split(" ")).toContain(GMAIL_READONLY);
  });

  it("asks for consent again after the user's grant was revoked, and issues a new refresh token", async () => {
    const first = await signIn({ accessType: "offline" });
    await control(emulator.url, "POST", "revoke", { email: ada });
    expect(await refresh(first.tokens.refresh_token ?? "")).toEqual({
      status: 400,
      body: { error: "invalid_grant", error_description: "Token has been expired or revoked." },
    });
    const after = await signIn({ accessType: "offline" });
    expect(after.redirect.get("prompt")).toBe("consent");
    expect(after.tokens.refresh_token).toMatch(/^1\/\//);
  });

  it("adds previously granted scopes with include_granted_scopes=true", async () => {
    await signIn({ scope: `openid email ${GMAIL_READONLY}`, prompt: "consent" });
    const redirect = await authorizeWithoutBrowser(emulator.url, {
      email: ada,
      scope: "openid profile",
      prompt: "consent",
      extra: { include_granted_scopes: "true" },
    });
    const tokens: TokenResponse = await exchangeCode(emulator.url, redirect.get("code") ?? "");
    expect(tokens.scope.split(" ")).toEqual(
      expect.arrayContaining(["openid", "https://www.googleapis.com/auth/userinfo.profile", GMAIL_READONLY]),
    );
  });
});
