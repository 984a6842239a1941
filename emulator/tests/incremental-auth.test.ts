import { OAuth2Client } from "google-auth-library";
import { generators, Issuer } from "openid-client";
import { describe, expect, it } from "vitest";
import { SCOPE_EMAIL, SCOPE_PROFILE } from "../oauth/scopes";
import { SEED_FIXTURES } from "../seed";
import { control, DEV_CLIENT, GMAIL_MODIFY, GMAIL_READONLY, obtainTokens } from "../testing/control-client";
import { gmailWithToken } from "./gmail-helpers";
import { fetchManual, useEmulator } from "./harness";

const emulator = useEmulator();
const ada = SEED_FIXTURES.accounts.ada;
const GMAIL_LABELS = "https://www.googleapis.com/auth/gmail.labels";
const SIGN_IN = ["openid", SCOPE_EMAIL, SCOPE_PROFILE, GMAIL_READONLY];
const UNION = [...SIGN_IN, GMAIL_MODIFY].sort();

function oauthClient(): OAuth2Client {
  const url = emulator.url;
  return new OAuth2Client({
    clientId: DEV_CLIENT.clientId,
    clientSecret: DEV_CLIENT.clientSecret,
    redirectUri: DEV_CLIENT.redirectUri,
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

/** Sign-in as the app does it (gmail.readonly), then the automation is switched off so pages are shown. */
async function signInReadonly(): Promise<{ refreshToken: string }> {
  const tokens = await obtainTokens(emulator.url, { email: ada.email });
  await control(emulator.url, "POST", "consent", { autoApprove: false });
  return { refreshToken: tokens.refresh_token ?? "" };
}

/** The incremental request the app makes: gmail.modify alone, include_granted_scopes, login_hint. */
function incrementalUrl(client: OAuth2Client, scope: string[] = [GMAIL_MODIFY]): string {
  return client.generateAuthUrl({ access_type: "offline", scope, include_granted_scopes: true, login_hint: ada.email, state: "inc" });
}

async function consentPage(url: string): Promise<{ html: string; flow: string }> {
  const hinted = await fetchManual(url);
  expect(hinted.status).toBe(303);
  const html = (await fetchManual(`${emulator.url}${hinted.location ?? ""}`)).text;
  return { html, flow: /name="flow" value="([^"]+)"/.exec(html)?.[1] ?? "" };
}

async function answer(flow: string, action: "allow" | "cancel", scopes: string[] = []): Promise<URLSearchParams> {
  const response = await fetchManual(`${emulator.url}/o/oauth2/v2/auth/consent`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams([["flow", flow], ["action", action], ...scopes.map((s) => ["scope", s])]).toString(),
  });
  expect(response.status).toBe(302);
  return new URL(response.location ?? "").searchParams;
}

async function grantedScopes(): Promise<string[]> {
  const { grants } = await control<{ grants: { scopes: string[] }[] }>(emulator.url, "GET", `grants?email=${ada.email}`);
  return grants[0]?.scopes ?? [];
}

describe("incremental authorization (include_granted_scopes=true)", () => {
  it("shows only the new scope, approve or deny, and issues the union with an id_token (google-auth-library)", async () => {
    const { refreshToken } = await signInReadonly();
    const client = oauthClient();
    const { html, flow } = await consentPage(incrementalUrl(client));
    expect(html).not.toContain('type="checkbox"');
    expect([...html.matchAll(/<li class="scope">([^<]+)<\/li>/g)].map((m) => m[1])).toEqual([
      "Read, compose, and send emails from your Gmail account",
    ]);
    const redirect = await answer(flow, "allow");
    expect(redirect.get("state")).toBe("inc");
    const { tokens } = await client.getToken(redirect.get("code") ?? "");
    expect(tokens.scope?.split(" ").sort()).toEqual(UNION);
    expect(tokens.refresh_token).toMatch(/^1\/\//);
    const ticket = await client.verifyIdToken({ idToken: tokens.id_token ?? "", audience: DEV_CLIENT.clientId });
    expect(ticket.getPayload()).toMatchObject({ sub: ada.sub, email: ada.email, email_verified: true });

    const info = await client.getTokenInfo(tokens.access_token ?? "");
    expect([...info.scopes].sort()).toEqual(UNION);
    // Both the earlier refresh token and the new one mint tokens for the combined grant.
    for (const token of [refreshToken, tokens.refresh_token ?? ""]) {
      const refreshing = oauthClient();
      refreshing.setCredentials({ refresh_token: token });
      const { credentials } = await refreshing.refreshAccessToken();
      expect(credentials.scope?.split(" ").sort()).toEqual(UNION);
      expect(credentials.id_token).toBeTruthy();
    }
    expect(await grantedScopes()).toEqual(UNION);
    const gmail = gmailWithToken(emulator.url, tokens.access_token ?? "");
    const modified = await gmail.users.messages.modify({
      userId: "me",
      id: SEED_FIXTURES.ada.special.emoji.id,
      requestBody: { addLabelIds: ["STARRED"] },
    });
    expect(modified.status).toBe(200);
  });

  it("gives next-auth's OIDC client (openid-client) a valid id_token although only gmail.modify was asked for", async () => {
    await signInReadonly();
    const issuer = await Issuer.discover(`${emulator.url}/.well-known/openid-configuration`);
    const client = new issuer.Client({
      client_id: DEV_CLIENT.clientId,
      client_secret: DEV_CLIENT.clientSecret,
      redirect_uris: [DEV_CLIENT.redirectUri],
      response_types: ["code"],
    });
    const verifier = generators.codeVerifier();
    const state = generators.state();
    const url = client.authorizationUrl({
      scope: GMAIL_MODIFY,
      include_granted_scopes: "true",
      login_hint: ada.email,
      access_type: "offline",
      code_challenge: generators.codeChallenge(verifier),
      code_challenge_method: "S256",
      state,
    });
    await control(emulator.url, "POST", "consent", { email: ada.email });
    const { location } = await fetchManual(url);
    const tokenSet = await client.callback(DEV_CLIENT.redirectUri, client.callbackParams(location ?? ""), {
      code_verifier: verifier,
      state,
    });
    expect(tokenSet.claims()).toMatchObject({ iss: "https://accounts.google.com", sub: ada.sub, email: ada.email });
    expect(tokenSet.scope?.split(" ").sort()).toEqual(UNION);
  });

  it("a refused incremental request redirects with access_denied and leaves the earlier grant as it was", async () => {
    const { refreshToken } = await signInReadonly();
    const client = oauthClient();
    const { flow } = await consentPage(incrementalUrl(client));
    const denied = await answer(flow, "cancel");
    expect([...denied.entries()]).toEqual([
      ["error", "access_denied"],
      ["state", "inc"],
    ]);
    expect(await grantedScopes()).toEqual([...SIGN_IN].sort());
    client.setCredentials({ refresh_token: refreshToken });
    const { credentials } = await client.refreshAccessToken();
    expect(credentials.scope?.split(" ").sort()).toEqual([...SIGN_IN].sort());

    // The consent automation declines the same ways: deny, nothing ticked, or a partial answer to approve-or-deny.
    for (const automation of [{ deny: true }, { grantScopes: [] }, { grantScopes: ["openid", "email"] }]) {
      await control(emulator.url, "POST", "consent", { email: ada.email, ...automation });
      const { status, location } = await fetchManual(incrementalUrl(client));
      expect(status).toBe(302);
      expect(location).toBe(`${DEV_CLIENT.redirectUri}?error=access_denied&state=inc`);
    }
    expect(await grantedScopes()).toEqual([...SIGN_IN].sort());
  });

  it("with two new scopes shows a checkbox each, and an unticked one is left out of the union", async () => {
    await signInReadonly();
    const client = oauthClient();
    const { html, flow } = await consentPage(incrementalUrl(client, [GMAIL_MODIFY, GMAIL_LABELS]));
    const boxes = [...html.matchAll(/<input type="checkbox" id="[^"]+" name="scope" value="([^"]+)" checked>/g)].map((m) => m[1]);
    expect(boxes).toEqual([GMAIL_MODIFY, GMAIL_LABELS]);
    const redirect = await answer(flow, "allow", [GMAIL_MODIFY]);
    const { tokens } = await client.getToken(redirect.get("code") ?? "");
    expect(tokens.scope?.split(" ").sort()).toEqual(UNION);
    expect(tokens.scope?.split(" ")).not.toContain(GMAIL_LABELS);
  });

  it("skips the screen when everything asked for is already granted, still answering the union", async () => {
    await signInReadonly();
    const client = oauthClient();
    const url = client.generateAuthUrl({ scope: [GMAIL_READONLY], include_granted_scopes: true, login_hint: ada.email });
    const { status, location } = await fetchManual(url);
    expect(status).toBe(302);
    const params = new URL(location ?? "").searchParams;
    expect(params.get("prompt")).toBe("none");
    const { tokens } = await client.getToken(params.get("code") ?? "");
    expect(tokens.scope?.split(" ").sort()).toEqual([...SIGN_IN].sort());
    expect(tokens.id_token).toBeTruthy();
  });
});
