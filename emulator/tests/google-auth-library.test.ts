import { gmail } from "@googleapis/gmail";
import { ClientAuthentication, CodeChallengeMethod, type Credentials, OAuth2Client } from "google-auth-library";
import { describe, expect, it } from "vitest";
import { SEED_FIXTURES } from "../seed";
import { control, DEV_CLIENT, GMAIL_READONLY } from "../testing/control-client";
import { fetchManual, useEmulator } from "./harness";

const emulator = useEmulator();

function oauthClient(clientAuthentication?: ClientAuthentication): OAuth2Client {
  const url = emulator.url;
  return new OAuth2Client({
    clientId: DEV_CLIENT.clientId,
    clientSecret: DEV_CLIENT.clientSecret,
    redirectUri: DEV_CLIENT.redirectUri,
    ...(clientAuthentication ? { clientAuthentication } : {}),
    endpoints: {
      oauth2AuthBaseUrl: `${url}/o/oauth2/v2/auth`,
      oauth2TokenUrl: `${url}/token`,
      oauth2RevokeUrl: `${url}/revoke`,
      tokenInfoUrl: `${url}/tokeninfo`,
      oauth2FederatedSignonPemCertsUrl: `${url}/oauth2/v1/certs`,
      oauth2FederatedSignonJwkCertsUrl: `${url}/oauth2/v3/certs`,
    },
  });
}

/** generateAuthUrl → consent automation → getToken, as a server app using google-auth-library does it. */
async function signIn(client: OAuth2Client): Promise<Credentials> {
  const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
  const url = client.generateAuthUrl({
    access_type: "offline",
    prompt: "consent",
    scope: ["openid", "email", "profile", GMAIL_READONLY],
    state: "gal-state",
    code_challenge: codeChallenge,
    code_challenge_method: CodeChallengeMethod.S256,
  });
  await control(emulator.url, "POST", "consent", { email: SEED_FIXTURES.accounts.ada.email });
  const { location } = await fetchManual(url);
  const code = new URL(location ?? "").searchParams.get("code") ?? "";
  const { tokens } = await client.getToken({ code, codeVerifier });
  return tokens;
}

function gmailWithAccessToken(accessToken: string) {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: accessToken });
  return gmail({ version: "v1", auth, rootUrl: `${emulator.url}/` });
}

describe("google-auth-library OAuth2Client against the emulator", () => {
  it("exchanges a code (client_secret_post) and verifies the id_token against the PEM certs", async () => {
    const client = oauthClient();
    const tokens = await signIn(client);
    expect(tokens.access_token).toMatch(/^ya29\./);
    expect(tokens.refresh_token).toMatch(/^1\/\//);
    expect(tokens.expiry_date).toBeGreaterThan(Date.now() + 3500_000);
    const ticket = await client.verifyIdToken({ idToken: tokens.id_token ?? "", audience: DEV_CLIENT.clientId });
    expect(ticket.getPayload()).toMatchObject({
      iss: "https://accounts.google.com",
      sub: SEED_FIXTURES.accounts.ada.sub,
      email: SEED_FIXTURES.accounts.ada.email,
      email_verified: true,
    });
    const certs = await client.getFederatedSignonCertsAsync();
    expect(Object.keys(certs.certs)).toHaveLength(1);
    expect(Object.values(certs.certs)[0]).toContain("-----BEGIN CERTIFICATE-----");
  });

  it("exchanges a code with client_secret_basic", async () => {
    const tokens = await signIn(oauthClient(ClientAuthentication.ClientSecretBasic));
    expect(tokens.access_token).toMatch(/^ya29\./);
  });

  it("refreshes and emits the tokens event without a new refresh token", async () => {
    const client = oauthClient();
    const tokens = await signIn(client);
    client.setCredentials(tokens);
    const events: Credentials[] = [];
    client.on("tokens", (t) => events.push({ ...t }));
    const { credentials } = await client.refreshAccessToken();
    expect(events).toHaveLength(1);
    expect(events[0]?.access_token).toMatch(/^ya29\./);
    expect(events[0]?.access_token).not.toBe(tokens.access_token);
    expect(events[0]?.refresh_token).toBeUndefined();
    expect(credentials.refresh_token).toBe(tokens.refresh_token);
    const info = await client.getTokenInfo(credentials.access_token ?? "");
    expect(info.scopes).toContain(GMAIL_READONLY);
    expect(info.email).toBe(SEED_FIXTURES.accounts.ada.email);
    expect(info.expiry_date).toBeGreaterThan(Date.now());
    const stats = await control<{ grants: Record<string, number> }>(emulator.url, "GET", "stats");
    expect(stats.grants).toEqual({ authorization_code: 1, refresh_token: 1 });
  });

  it("revokes: the refresh then fails with invalid_grant and Gmail answers 401 to the old access token", async () => {
    const client = oauthClient();
    const tokens = await signIn(client);
    client.setCredentials(tokens);
    const before = await gmailWithAccessToken(tokens.access_token ?? "").users.getProfile({ userId: "me" });
    expect(before.data.emailAddress).toBe(SEED_FIXTURES.accounts.ada.email);

    const revoked = await client.revokeToken(tokens.access_token ?? "");
    expect(revoked.status).toBe(200);

    await expect(client.refreshAccessToken()).rejects.toMatchObject({
      message: "invalid_grant",
      status: 400,
      response: { data: { error: "invalid_grant", error_description: "Token has been expired or revoked." } },
    });
    await expect(gmailWithAccessToken(tokens.access_token ?? "").users.getProfile({ userId: "me" })).rejects.toMatchObject({
      status: 401,
      response: { data: { error: { code: 401, status: "UNAUTHENTICATED" } } },
    });
    await expect(client.revokeToken(tokens.access_token ?? "")).rejects.toMatchObject({
      status: 400,
      response: { data: { error: "invalid_token", error_description: "Token expired or revoked" } },
    });
  });
});
