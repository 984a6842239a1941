import { decodeProtectedHeader } from "jose";
import { describe, expect, it } from "vitest";
import { SEED_FIXTURES } from "../seed";
import { control, obtainTokens } from "../testing/control-client";
import { useEmulator } from "./harness";
import { configureStream, payloadOf, raiseEvent, useRiscReceiver, verificationFailure, verifySet } from "./risc-receiver";

const emulator = useEmulator();
const receiver = useRiscReceiver();
const ada = SEED_FIXTURES.accounts.ada;

/** Each forgery and how a receiver that verifies as Google documents (jose here) rejects it. */
const REJECTED: [string, string][] = [
  ["wrong-key", "ERR_JWS_SIGNATURE_VERIFICATION_FAILED"],
  ["unknown-kid", "ERR_JWKS_NO_MATCHING_KEY"],
  ["embedded-jwk", "ERR_JWKS_NO_MATCHING_KEY"],
  ["wrong-audience", "ERR_JWT_CLAIM_VALIDATION_FAILED (aud)"],
  ["wrong-issuer", "ERR_JWT_CLAIM_VALIDATION_FAILED (iss)"],
  ["google-issuer", "ERR_JWT_CLAIM_VALIDATION_FAILED (iss)"],
  ["alg-none", "ERR_JOSE_ALG_NOT_ALLOWED"],
  ["missing-signature", "ERR_JWS_SIGNATURE_VERIFICATION_FAILED"],
  ["hs256", "ERR_JOSE_ALG_NOT_ALLOWED"],
  ["tampered-payload", "ERR_JWS_SIGNATURE_VERIFICATION_FAILED"],
  ["not-a-jwt", "ERR_JWS_INVALID"],
];

describe("RISC forgeries for receiver tests", () => {
  it.each(REJECTED)("%s is delivered like a SET and fails verification with %s", async (forge, code) => {
    await configureStream(emulator.url, { url: receiver.url });
    receiver.answerWith(400);
    const answer = await raiseEvent(emulator.url, { email: ada.email, type: "account-disabled", reason: "bulk-account", forge });
    // Sent once (an attacker does not retry) and the receiver's status comes back.
    expect(answer).toMatchObject({ status: 400, attempts: 1, delivered: false, forge });
    expect(receiver.received).toHaveLength(1);
    const [set] = receiver.received;
    expect(set?.contentType).toBe("application/secevent+jwt");
    expect(await verificationFailure(emulator.url, set?.body ?? "")).toBe(code);
  });

  it("forged headers and claims are the ones named", async () => {
    await configureStream(emulator.url, { url: receiver.url });
    const sent = async (forge: string) => {
      receiver.received.length = 0;
      await raiseEvent(emulator.url, { email: ada.email, type: "sessions-revoked", forge });
      return receiver.received[0]?.body ?? "";
    };
    const genuine = decodeProtectedHeader(await sent("wrong-content-type"));
    expect(decodeProtectedHeader(await sent("wrong-key")).kid).toBe(genuine.kid);
    expect(decodeProtectedHeader(await sent("unknown-kid")).kid).not.toBe(genuine.kid);
    expect(decodeProtectedHeader(await sent("embedded-jwk")).jwk).toMatchObject({ kty: "RSA" });
    expect(decodeProtectedHeader(await sent("alg-none")).alg).toBe("none");
    expect(decodeProtectedHeader(await sent("hs256"))).toMatchObject({ alg: "HS256", kid: genuine.kid });
    expect(payloadOf(await sent("google-issuer")).iss).toBe("https://accounts.google.com/");
    expect(payloadOf(await sent("wrong-audience")).aud).not.toBe(payloadOf(await sent("wrong-content-type")).aud);
    const tampered = await sent("tampered-payload");
    expect(Object.values(payloadOf(tampered).events as Record<string, { reason?: string }>)[0]?.reason).toBe("hijacking");
    expect((await sent("missing-signature")).endsWith(".")).toBe(true);
  });

  it("wrong-content-type sends a genuine SET as application/json", async () => {
    await configureStream(emulator.url, { url: receiver.url });
    const answer = await raiseEvent(emulator.url, { email: ada.email, type: "sessions-revoked", forge: "wrong-content-type" });
    const [set] = receiver.received;
    expect(set?.contentType).toBe("application/json");
    expect((await verifySet(emulator.url, set?.body ?? "")).jti).toBe(answer.jti);
  });

  it("replay re-sends the last genuine SET byte for byte, jti included", async () => {
    await configureStream(emulator.url, { url: receiver.url });
    const original = await raiseEvent(emulator.url, { email: ada.email, type: "sessions-revoked" });
    await raiseEvent(emulator.url, { email: ada.email, type: "account-enabled", forge: "wrong-key" });
    const replayed = await raiseEvent(emulator.url, { forge: "replay" });
    expect(replayed).toMatchObject({ jti: original.jti, status: 202, attempts: 1, forge: "replay" });
    expect(receiver.received).toHaveLength(3);
    expect(receiver.received[2]?.body).toBe(receiver.received[0]?.body);
    expect((await verifySet(emulator.url, receiver.received[2]?.body ?? "")).jti).toBe(original.jti);
  });

  it("a forgery changes nothing on Google's side and is logged as such", async () => {
    await configureStream(emulator.url, { url: receiver.url });
    const { refresh_token: refreshToken = "" } = await obtainTokens(emulator.url, { email: ada.email });
    const forged = await raiseEvent(emulator.url, { email: ada.email, type: "tokens-revoked", forge: "hs256" });
    expect(forged.revoked).toBeUndefined();
    const response = await fetch(`${emulator.url}/token`, {
      method: "POST",
      body: new URLSearchParams({
        grant_type: "refresh_token",
        refresh_token: refreshToken,
        client_id: SEED_FIXTURES.client.clientId,
        client_secret: SEED_FIXTURES.client.clientSecret,
      }),
    });
    expect(response.status).toBe(200);
    const { deliveries } = await control<{ deliveries: Record<string, unknown>[] }>(emulator.url, "GET", "risc/deliveries");
    expect(deliveries).toEqual([expect.objectContaining({ jti: forged.jti, forge: "hs256", status: 202, attempts: 1, delivered: true })]);
  });
});
