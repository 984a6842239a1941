// The push verifier against a key set served over HTTP, as Google serves its certificates, with tokens minted
// here: the genuine shape of Pub/Sub's OIDC token and each way one can be wrong.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type JWK, SignJWT, exportJWK, generateKeyPair } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PushSettings } from "../../config-sync";
import { PushRefused, verifyPushToken } from "./verify-push-token";

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;

const AUDIENCE = "https://mail.example.com/api/google/push";
const SIGNER = "gmail-push@my-project.iam.gserviceaccount.com";

let server: Server;
let google: KeyPair;
let settings: PushSettings;
const KID = "google-key-1";

beforeAll(async () => {
  google = await generateKeyPair("RS256");
  const jwk: JWK = { ...(await exportJWK(google.publicKey)), kid: KID, alg: "RS256", use: "sig" };
  server = createServer((request, response) => {
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  settings = {
    topic: "projects/my-project/topics/gmail",
    audience: AUDIENCE,
    serviceAccount: SIGNER,
    issuers: ["accounts.google.com", "https://accounts.google.com"],
    jwksUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/oauth2/v3/certs`,
    emulatorSubscriptionUrl: null,
  };
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const genuineClaims = () => ({
  aud: AUDIENCE,
  azp: "111222333444555666777",
  email: SIGNER,
  email_verified: true,
  iss: "https://accounts.google.com",
  sub: "111222333444555666777",
});

async function mint(
  overrides: Record<string, unknown> = {},
  options: { key?: KeyPair["privateKey"]; kid?: string; expiresIn?: string | number } = {},
): Promise<string> {
  return new SignJWT({ ...genuineClaims(), ...overrides })
    .setProtectedHeader({ alg: "RS256", kid: options.kid ?? KID, typ: "JWT" })
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? "1h")
    .sign(options.key ?? google.privateKey);
}

async function refusal(authorization: string | null): Promise<number> {
  try {
    await verifyPushToken(authorization, settings);
  } catch (error) {
    if (error instanceof PushRefused) return error.refusal.status;
    throw error;
  }
  return 200;
}

describe("verifyPushToken", () => {
  it("accepts Pub/Sub's token for our audience and signer, with either spelling of Google's issuer", async () => {
    await expect(verifyPushToken(`Bearer ${await mint()}`, settings)).resolves.toEqual({ email: SIGNER });
    await expect(verifyPushToken(`Bearer ${await mint({ iss: "accounts.google.com" })}`, settings)).resolves.toEqual({ email: SIGNER });
    await expect(verifyPushToken(`bearer ${await mint({ aud: ["other", AUDIENCE] })}`, settings)).resolves.toEqual({ email: SIGNER });
  });

  it("answers 401 to a push that is not authenticated at all", async () => {
    const stranger = await generateKeyPair("RS256");
    const genuine = await mint();
    const [header, payload] = genuine.split(".") as [string, string, string];
    const unsigned = `${Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url")}.${payload}.`;
    const hs256 = await new SignJWT(genuineClaims())
      .setProtectedHeader({ alg: "HS256", kid: KID })
      .setIssuedAt()
      .setExpirationTime("1h")
      .sign(new TextEncoder().encode(JSON.stringify(await exportJWK(google.publicKey))));
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...genuineClaims(), email: "x@evil.example" })).toString("base64url")}.${genuine.split(".")[2]}`;
    const cases: Record<string, string | null> = {
      "no Authorization header": null,
      "an empty bearer": "Bearer ",
      "another scheme": `Basic ${Buffer.from("a:b").toString("base64")}`,
      garbled: "Bearer not.a.jwt",
      "alg none": `Bearer ${unsigned}`,
      "genuine header, no signature": `Bearer ${header}.${payload}.`,
      "HS256 keyed with the public key": `Bearer ${hs256}`,
      "another key under Google's kid": `Bearer ${await mint({}, { key: stranger.privateKey })}`,
      "a kid Google does not publish": `Bearer ${await mint({}, { key: stranger.privateKey, kid: "stranger" })}`,
      "a tampered payload": `Bearer ${tampered}`,
      expired: `Bearer ${await mint({}, { expiresIn: Math.floor(Date.now() / 1000) - 120 })}`,
      "far too long": `Bearer ${"a".repeat(9000)}`,
    };
    for (const [name, authorization] of Object.entries(cases)) expect(await refusal(authorization), name).toBe(401);
  });

  it("answers 403 to a genuine Google token that was not issued for this endpoint", async () => {
    const cases: Record<string, Record<string, unknown>> = {
      "another audience": { aud: "https://attacker.example/push" },
      "another service account": { email: "someone@other-project.iam.gserviceaccount.com" },
      "another issuer": { iss: "https://accounts.example.net" },
      "an unverified email": { email_verified: false },
      "no email": { email: undefined },
    };
    for (const [name, overrides] of Object.entries(cases)) expect(await refusal(`Bearer ${await mint(overrides)}`), name).toBe(403);
  });

  it("answers 503 when Google's keys cannot be fetched, so Pub/Sub delivers again later", async () => {
    const token = await mint();
    const unreachable = { ...settings, jwksUrl: "http://127.0.0.1:9/oauth2/v3/certs" };
    await expect(verifyPushToken(`Bearer ${token}`, unreachable)).rejects.toMatchObject({ refusal: { status: 503 } });
  });
});
