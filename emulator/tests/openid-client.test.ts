import { generators, Issuer } from "openid-client";
import { describe, expect, it } from "vitest";
import { SEED_FIXTURES } from "../seed";
import { control, DEV_CLIENT, GMAIL_READONLY } from "../testing/control-client";
import { fetchManual, useEmulator } from "./harness";

const emulator = useEmulator();

async function discoveredClient(authMethod: "client_secret_basic" | "client_secret_post" = "client_secret_basic") {
  const issuer = await Issuer.discover(`${emulator.url}/.well-known/openid-configuration`);
  return new issuer.Client({
    client_id: DEV_CLIENT.clientId,
    client_secret: DEV_CLIENT.clientSecret,
    redirect_uris: [DEV_CLIENT.redirectUri],
    response_types: ["code"],
    token_endpoint_auth_method: authMethod,
  });
}

/** Runs the browser leg with the consent automation and returns the callback URL. */
async function authorize(url: string): Promise<string> {
  await control(emulator.url, "POST", "consent", { email: SEED_FIXTURES.accounts.ada.email });
  const { status, location } = await fetchManual(url);
  expect(status).toBe(302);
  return location ?? "";
}

describe("openid-client 5 (next-auth v4's OIDC library) against the emulator", () => {
  it("discovers the emulator's own endpoints under Google's issuer", async () => {
    const issuer = await Issuer.discover(`${emulator.url}/.well-known/openid-configuration`);
    expect(issuer.metadata.issuer).toBe("https://accounts.google.com");
    expect(issuer.metadata.authorization_endpoint).toBe(`${emulator.url}/o/oauth2/v2/auth`);
    expect(issuer.metadata.token_endpoint).toBe(`${emulator.url}/token`);
    expect(issuer.metadata.userinfo_endpoint).toBe(`${emulator.url}/v1/userinfo`);
    expect(issuer.metadata.revocation_endpoint).toBe(`${emulator.url}/revoke`);
    expect(issuer.metadata.jwks_uri).toBe(`${emulator.url}/oauth2/v3/certs`);
    expect(issuer.metadata.code_challenge_methods_supported).toContain("S256");
    expect(issuer.metadata.authorization_response_iss_parameter_supported).toBeUndefined();
  });

  it("completes a code flow with PKCE and state and validates the id_token against the JWKS", async () => {
    const client = await discoveredClient();
    const codeVerifier = generators.codeVerifier();
    const state = generators.state();
    const authUrl = client.authorizationUrl({
      scope: `openid email profile ${GMAIL_READONLY}`,
      code_challenge: generators.codeChallenge(codeVerifier),
      code_challenge_method: "S256",
      state,
      access_type: "offline",
      prompt: "consent",
    });
    const callbackUrl = await authorize(authUrl);
    expect(callbackUrl.startsWith(`${DEV_CLIENT.redirectUri}?`)).toBe(true);
    const params = client.callbackParams(callbackUrl);
    expect(params.state).toBe(state);
    expect(params.iss).toBeUndefined();
    expect(params.code).toMatch(/^4\/0A/);

    const tokenSet = await client.callback(DEV_CLIENT.redirectUri, params, { code_verifier: codeVerifier, state });
    expect(Object.keys(tokenSet).sort()).toEqual(["access_token", "expires_at", "id_token", "refresh_token", "scope", "token_type"]);
    expect(tokenSet.access_token).toMatch(/^ya29\./);
    expect(tokenSet.refresh_token).toMatch(/^1\/\//);
    expect(tokenSet.token_type).toBe("Bearer");
    expect(tokenSet.scope?.split(" ").sort()).toEqual(
      [
        "openid",
        "https://www.googleapis.com/auth/userinfo.email",
        "https://www.googleapis.com/auth/userinfo.profile",
        GMAIL_READONLY,
      ].sort(),
    );
    expect(tokenSet.expires_in).toBeGreaterThan(3590);
    const claims = tokenSet.claims();
    expect(claims).toMatchObject({
      iss: "https://accounts.google.com",
      aud: DEV_CLIENT.clientId,
      azp: DEV_CLIENT.clientId,
      sub: SEED_FIXTURES.accounts.ada.sub,
      email: SEED_FIXTURES.accounts.ada.email,
      email_verified: true,
      name: SEED_FIXTURES.accounts.ada.name,
      given_name: "Ada",
      family_name: "Lovelace",
    });
    expect(claims.sub).toMatch(/^\d{21}$/);
    expect(typeof claims.at_hash).toBe("string");
    expect(claims.nonce).toBeUndefined();
    expect(claims.exp - claims.iat).toBe(3600);

    const userinfo = await client.userinfo(tokenSet);
    expect(userinfo).toMatchObject({ sub: SEED_FIXTURES.accounts.ada.sub, email: SEED_FIXTURES.accounts.ada.email, email_verified: true });
  });

  it("refreshes without rotating the refresh token and with a fresh valid id_token", async () => {
    const client = await discoveredClient("client_secret_post");
    const verifier = generators.codeVerifier();
    const url = client.authorizationUrl({
      scope: "openid email",
      code_challenge: generators.codeChallenge(verifier),
      code_challenge_method: "S256",
      access_type: "offline",
    });
    const tokens = await client.callback(DEV_CLIENT.redirectUri, client.callbackParams(await authorize(url)), { code_verifier: verifier });
    const refreshed = await client.refresh(tokens.refresh_token ?? "");
    expect(refreshed.refresh_token).toBeUndefined();
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    expect(refreshed.claims().sub).toBe(SEED_FIXTURES.accounts.ada.sub);
  });

  it("puts a nonce into the id_token only when one was sent", async () => {
    const client = await discoveredClient();
    const nonce = generators.nonce();
    const verifier = generators.codeVerifier();
    const url = client.authorizationUrl({
      scope: "openid email",
      nonce,
      code_challenge: generators.codeChallenge(verifier),
      code_challenge_method: "S256",
    });
    const tokenSet = await client.callback(DEV_CLIENT.redirectUri, client.callbackParams(await authorize(url)), {
      nonce,
      code_verifier: verifier,
    });
    expect(tokenSet.claims().nonce).toBe(nonce);
  });

  it("reports the emulator's PKCE errors as Google's invalid_grant", async () => {
    const client = await discoveredClient();
    const url = client.authorizationUrl({
      scope: "openid",
      code_challenge: generators.codeChallenge(generators.codeVerifier()),
      code_challenge_method: "S256",
    });
    const params = client.callbackParams(await authorize(url));
    await expect(client.callback(DEV_CLIENT.redirectUri, params, { code_verifier: generators.codeVerifier() })).rejects.toMatchObject({
      error: "invalid_grant",
      error_description: "Invalid code verifier.",
    });
  });
});
