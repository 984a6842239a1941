import { Issuer, type BaseClient } from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "@/emulator/server";
import { DEV_CLIENT, GMAIL_MODIFY, GMAIL_READONLY, authorizeWithoutBrowser, control } from "@/emulator/testing/control-client";
import { exchangeCodeAllowingNoIdToken, profileFromIdTokenOrUserinfo } from "./google-callback-tokens";

// next-auth's callback, reduced to the two steps these replace: the code exchange and the profile, run with
// openid-client against the emulator over HTTP, the way next-auth runs them.
let emulator: { url: string; close: () => Promise<void> };
let issuer: Issuer;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  issuer = await Issuer.discover(`${emulator.url}/.well-known/openid-configuration`);
});
afterAll(() => emulator.close());

function newClient(options: { idTokenAlg?: string } = {}): BaseClient {
  return new issuer.Client({
    client_id: DEV_CLIENT.clientId,
    client_secret: DEV_CLIENT.clientSecret,
    redirect_uris: [DEV_CLIENT.redirectUri],
    response_types: ["code"],
    ...(options.idTokenAlg ? { id_token_signed_response_alg: options.idTokenAlg } : {}),
  });
}

async function codeFor(scope: string): Promise<Record<string, string>> {
  const params = await authorizeWithoutBrowser(emulator.url, { email: "ada@example.com", scope, accessType: "offline", prompt: "consent" });
  await control(emulator.url, "POST", "consent", { autoApprove: false });
  return Object.fromEntries(params);
}

type Exchange = Parameters<typeof exchangeCodeAllowingNoIdToken>[0];

async function signInSteps(client: BaseClient, params: Record<string, string>, checks: Record<string, string> = { state: "test-state" }) {
  const context = { client, provider: { callbackUrl: DEV_CLIENT.redirectUri }, params, checks } as unknown as Exchange;
  const { tokens } = await exchangeCodeAllowingNoIdToken(context);
  const profile = await profileFromIdTokenOrUserinfo({ ...context, tokens });
  return { tokens, profile: profile as { sub?: string; email?: string } };
}

describe("the code exchange and profile of a Google sign-in", () => {
  it("validates the id_token when Google sends one and takes the profile from it", async () => {
    const { tokens, profile } = await signInSteps(newClient(), await codeFor(`openid email profile ${GMAIL_READONLY}`));
    expect(tokens.id_token).toBeTruthy();
    expect(profile).toMatchObject({ email: "ada@example.com", iss: "https://accounts.google.com", aud: DEV_CLIENT.clientId });
  });

  it("accepts an answer without an id_token (no openid among the scopes) and asks userinfo who it is", async () => {
    const { tokens, profile } = await signInSteps(newClient(), await codeFor(`email ${GMAIL_MODIFY}`));
    expect(tokens.id_token).toBeUndefined();
    expect(tokens.access_token).toBeTruthy();
    expect(profile.email).toBe("ada@example.com");
    expect(profile.sub).toMatch(/^\d+$/);
    // The same Google account either way.
    const viaIdToken = await signInSteps(newClient(), await codeFor(`openid email ${GMAIL_READONLY}`));
    expect(viaIdToken.profile.sub).toBe(profile.sub);
  });

  it("still refuses an id_token that fails validation, and a state that does not match", async () => {
    await expect(signInSteps(newClient({ idTokenAlg: "HS256" }), await codeFor(`openid email ${GMAIL_READONLY}`))).rejects.toThrow(/alg/);
    await expect(signInSteps(newClient(), await codeFor(`openid email ${GMAIL_READONLY}`), { state: "another-state" })).rejects.toThrow(
      /state mismatch/,
    );
  });
});
