import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SEED_FIXTURES } from "../seed";
import { authorizeWithoutBrowser, control, DEV_CLIENT, obtainTokens } from "../testing/control-client";
import { useEmulator } from "./harness";

const emulator = useEmulator();

async function post(path: string, params: Record<string, string>, init: { basic?: [string, string]; query?: boolean } = {}) {
  const form = new URLSearchParams(params).toString();
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
  if (init.basic)
    headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(init.basic[0])}:${encodeURIComponent(init.basic[1])}`).toString("base64")}`;
  const response = await fetch(`${emulator.url}${path}${init.query ? `?${form}` : ""}`, {
    method: "POST",
    headers,
    body: init.query ? "" : form,
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

async function freshCode(extra: Record<string, string> = {}): Promise<string> {
  const redirect = await authorizeWithoutBrowser(emulator.url, { email: SEED_FIXTURES.accounts.ada.email, accessType: "offline", extra });
  return redirect.get("code") ?? "";
}

const codeParams = (code: string) => ({ grant_type: "authorization_code", code, redirect_uri: DEV_CLIENT.redirectUri });
const secrets = { client_id: DEV_CLIENT.clientId, client_secret: DEV_CLIENT.clientSecret };

describe("token endpoint", () => {
  it("accepts Basic authentication with the parameters in the body, with Google's headers", async () => {
    const result = await post("/token", codeParams(await freshCode()), { basic: [DEV_CLIENT.clientId, DEV_CLIENT.clientSecret] });
    expect(result.status).toBe(200);
    expect(result.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(result.headers.get("cache-control")).toBe("no-cache, no-store, max-age=0, must-revalidate");
    expect(result.headers.get("pragma")).toBe("no-cache");
    expect(Object.keys(result.body)).toEqual(["access_token", "expires_in", "refresh_token", "scope", "token_type", "id_token"]);
  });

  it("accepts every parameter in the query string of the POST", async () => {
    const result = await post("/token", { ...codeParams(await freshCode()), ...secrets }, { query: true });
    expect(result.status).toBe(200);
  });

  it("refuses both or neither client authentication, unknown clients and wrong secrets", async () => {
    const code = await freshCode();
    expect(
      (await post("/token", { ...codeParams(code), ...secrets }, { basic: [DEV_CLIENT.clientId, DEV_CLIENT.clientSecret] })).body.error,
    ).toBe("invalid_request");
    expect((await post("/token", { ...codeParams(code), client_id: DEV_CLIENT.clientId })).body).toEqual({
      error: "invalid_request",
      error_description: "client_secret is missing.",
    });
    expect((await post("/token", codeParams(code))).body).toEqual({
      error: "invalid_request",
      error_description: "Could not determine client ID from request.",
    });
    expect(await post("/token", { ...codeParams(code), client_id: "nope.apps.googleusercontent.com", client_secret: "x" })).toMatchObject({
      status: 401,
      body: { error: "invalid_client", error_description: "The OAuth client was not found." },
    });
    expect(await post("/token", { ...codeParams(code), client_id: DEV_CLIENT.clientId, client_secret: "wrong" })).toMatchObject({
      status: 401,
      body: { error: "invalid_client", error_description: "Unauthorized" },
    });
    // None of those consumed the code.
    expect((await post("/token", { ...codeParams(code), ...secrets })).status).toBe(200);
  });

  it("answers Google's errors for bad codes, redirect URIs, PKCE and grant types", async () => {
    const code = await freshCode();
    expect((await post("/token", { ...codeParams("garbage"), ...secrets })).body).toEqual({
      error: "invalid_grant",
      error_description: "Malformed auth code.",
    });
    expect((await post("/token", { grant_type: "authorization_code", redirect_uri: DEV_CLIENT.redirectUri, ...secrets })).body).toEqual({
      error: "invalid_request",
      error_description: "Missing required parameter: code",
    });
    expect(
      await post("/token", { ...codeParams(code), redirect_uri: "http://localhost:4000/api/auth/callback/google", ...secrets }),
    ).toMatchObject({
      status: 400,
      body: { error: "redirect_uri_mismatch", error_description: "Bad Request" },
    });
    expect((await post("/token", { ...codeParams(code), ...secrets })).status).toBe(200);
    expect((await post("/token", { ...codeParams(code), ...secrets })).body).toEqual({
      error: "invalid_grant",
      error_description: "Bad Request",
    });
    expect((await post("/token", { grant_type: "password", ...secrets })).body).toEqual({
      error: "unsupported_grant_type",
      error_description: "Invalid grant_type: password",
    });
    expect((await post("/token", { grant_type: "refresh_token", refresh_token: "nonsense", ...secrets })).body).toEqual({
      error: "invalid_grant",
      error_description: "Bad Request",
    });

    const verifier = "v".repeat(50);
    const challenge = createHash("sha256").update(verifier).digest("base64url");
    const pkceCode = await freshCode({ code_challenge: challenge, code_challenge_method: "S256" });
    expect((await post("/token", { ...codeParams(pkceCode), ...secrets })).body).toEqual({
      error: "invalid_grant",
      error_description: "Missing code verifier.",
    });
    expect((await post("/token", { ...codeParams(pkceCode), code_verifier: "w".repeat(50), ...secrets })).body).toEqual({
      error: "invalid_grant",
      error_description: "Invalid code verifier.",
    });
    expect((await post("/token", { ...codeParams(pkceCode), code_verifier: verifier, ...secrets })).status).toBe(200);
  });

  it("refuses a refresh token presented by another client", async () => {
    const tokens = await obtainTokens(emulator.url);
    await control(emulator.url, "POST", "clients", {
      client_id: "other.apps.googleusercontent.com",
      client_secret: "other-secret",
      redirect_uris: ["http://localhost:9999/cb"],
    });
    expect(
      (
        await post("/token", {
          grant_type: "refresh_token",
          refresh_token: tokens.refresh_token ?? "",
          client_id: "other.apps.googleusercontent.com",
          client_secret: "other-secret",
        })
      ).body,
    ).toEqual({
      error: "unauthorized_client",
      error_description: "Unauthorized",
    });
  });

  it("serves tokeninfo with string values for access tokens and id_tokens", async () => {
    const tokens = await obtainTokens(emulator.url);
    const info = await fetch(`${emulator.url}/tokeninfo?access_token=${tokens.access_token}`).then(
      (r) => r.json() as Promise<Record<string, unknown>>,
    );
    expect(info).toMatchObject({
      aud: DEV_CLIENT.clientId,
      azp: DEV_CLIENT.clientId,
      sub: SEED_FIXTURES.accounts.ada.sub,
      email: SEED_FIXTURES.accounts.ada.email,
      email_verified: "true",
      access_type: "offline",
    });
    for (const value of Object.values(info)) expect(typeof value).toBe("string");
    const idInfo = await fetch(`${emulator.url}/tokeninfo?id_token=${tokens.id_token ?? ""}`).then(
      (r) => r.json() as Promise<Record<string, unknown>>,
    );
    expect(idInfo).toMatchObject({
      iss: "https://accounts.google.com",
      sub: SEED_FIXTURES.accounts.ada.sub,
      alg: "RS256",
      typ: "JWT",
      email_verified: "true",
    });
    const bad = await fetch(`${emulator.url}/tokeninfo?access_token=ya29.bogus`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: "invalid_token", error_description: "Invalid Value" });
  });

  it("serves userinfo in the OIDC and v2 shapes, and makes expired tokens fail", async () => {
    const tokens = await obtainTokens(emulator.url);
    const headers = { authorization: `Bearer ${tokens.access_token}` };
    const oidc = await fetch(`${emulator.url}/oauth2/v3/userinfo`, { headers }).then((r) => r.json() as Promise<Record<string, unknown>>);
    expect(oidc).toMatchObject({
      sub: SEED_FIXTURES.accounts.ada.sub,
      name: "Ada Lovelace",
      given_name: "Ada",
      family_name: "Lovelace",
      email: SEED_FIXTURES.accounts.ada.email,
      email_verified: true,
    });
    const picture = await fetch(String(oidc.picture));
    expect(picture.headers.get("content-type")).toBe("image/svg+xml");
    const v2 = await fetch(`${emulator.url}/oauth2/v2/userinfo`, { headers }).then((r) => r.json() as Promise<Record<string, unknown>>);
    expect(v2).toMatchObject({
      id: SEED_FIXTURES.accounts.ada.sub,
      email: SEED_FIXTURES.accounts.ada.email,
      verified_email: true,
      name: "Ada Lovelace",
    });

    await control(emulator.url, "POST", "expire", { email: SEED_FIXTURES.accounts.ada.email });
    const expired = await fetch(`${emulator.url}/v1/userinfo`, { headers });
    expect(expired.status).toBe(401);
    expect(expired.headers.get("www-authenticate")).toContain('error="invalid_token"');
    expect(
      (await fetch(`${emulator.url}/oauth2/v2/userinfo`, { headers }).then((r) => r.json() as Promise<{ error: { status: string } }>)).error
        .status,
    ).toBe("UNAUTHENTICATED");
  });

  it("drops fields from token responses with a dropFields fault (a consent without a refresh token)", async () => {
    await control(emulator.url, "POST", "faults", { match: { path: "/token" }, dropFields: ["refresh_token"], count: 1 });
    const first = await obtainTokens(emulator.url);
    expect(first.refresh_token).toBeUndefined();
    expect(first.access_token).toMatch(/^ya29\./);
    const second = await obtainTokens(emulator.url);
    expect(second.refresh_token).toMatch(/^1\/\//);
  });
});
