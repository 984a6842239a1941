import { createHash } from "node:crypto";
import { decodeProtectedHeader } from "jose";
import { describe, expect, it } from "vitest";
import { findFreePort } from "../../scripts/lib/free-port";
import { SEED_FIXTURES } from "../seed";
import { control, DEV_CLIENT, obtainTokens } from "../testing/control-client";
import { useEmulator } from "./harness";
import { configureStream, controlFailure, payloadOf, raiseEvent, riscDiscovery, useRiscReceiver, verifySet } from "./risc-receiver";

const emulator = useEmulator();
const receiver = useRiscReceiver();
const ada = SEED_FIXTURES.accounts.ada;
const RISC = "https://schemas.openid.net/secevent/risc/event-type/";
const OAUTH = "https://schemas.openid.net/secevent/oauth/event-type/";

async function refreshStatus(refreshToken: string): Promise<{ status: number; error?: string }> {
  const response = await fetch(`${emulator.url}/token`, {
    method: "POST",
    body: new URLSearchParams({
      grant_type: "refresh_token",
      refresh_token: refreshToken,
      client_id: DEV_CLIENT.clientId,
      client_secret: DEV_CLIENT.clientSecret,
    }),
  });
  const body = (await response.json()) as { error?: string };
  return { status: response.status, ...(body.error !== undefined ? { error: body.error } : {}) };
}

async function adaRefreshToken(): Promise<string> {
  const tokens = await obtainTokens(emulator.url, { email: ada.email });
  if (tokens.refresh_token === undefined) throw new Error("no refresh token");
  return tokens.refresh_token;
}

function onlyReceived(): string {
  expect(receiver.received).toHaveLength(1);
  const [first] = receiver.received;
  expect(first?.contentType).toBe("application/secevent+jwt");
  return first?.body ?? "";
}

describe("Cross-Account Protection (RISC)", () => {
  it("publishes a discovery document whose JWKS holds the key that signs SETs", async () => {
    const discovery = await riscDiscovery(emulator.url);
    expect(discovery).toEqual({
      issuer: `${emulator.url}/`,
      jwks_uri: `${emulator.url}/oauth2/v3/certs`,
      delivery_methods_supported: ["https://schemas.openid.net/secevent/risc/delivery-method/push"],
      add_subject_endpoint: `${emulator.url}/v1beta/subjects:add`,
      remove_subject_endpoint: `${emulator.url}/v1beta/subjects:remove`,
    });
    // A client reaching the emulator by another host name still discovers the one issuer the SETs carry.
    expect((await riscDiscovery(emulator.url.replace("127.0.0.1", "localhost"))).issuer).toBe(discovery.issuer);

    await configureStream(emulator.url, { url: receiver.url });
    await raiseEvent(emulator.url, { email: ada.email, type: "sessions-revoked" });
    const { kid, alg } = decodeProtectedHeader(onlyReceived());
    const jwks = (await (await fetch(discovery.jwks_uri)).json()) as { keys: { kid: string; alg: string }[] };
    expect(alg).toBe("RS256");
    expect(jwks.keys.map((k) => k.kid)).toContain(kid);
  });

  it("signs every event type with iss, aud, iat, a unique jti, no exp and the subject Google sends", async () => {
    await configureStream(emulator.url, { url: receiver.url });
    const cases: [Record<string, unknown>, string, Record<string, unknown>][] = [
      [{ type: "sessions-revoked" }, `${RISC}sessions-revoked`, {}],
      [{ type: "tokens-revoked" }, `${OAUTH}tokens-revoked`, {}],
      [{ type: "account-disabled", reason: "hijacking" }, `${RISC}account-disabled`, { reason: "hijacking" }],
      [{ type: "account-disabled", reason: "bulk-account" }, `${RISC}account-disabled`, { reason: "bulk-account" }],
      [{ type: "account-disabled" }, `${RISC}account-disabled`, {}],
      [{ type: "account-enabled" }, `${RISC}account-enabled`, {}],
      [{ type: "account-credential-change-required" }, `${RISC}account-credential-change-required`, {}],
      [{ type: `${RISC}sessions-revoked` }, `${RISC}sessions-revoked`, {}],
    ];
    const jtis = new Set<string>();
    for (const [body, uri, attributes] of cases) {
      receiver.received.length = 0;
      const answer = await raiseEvent(emulator.url, { email: ada.email, ...body });
      const payload = await verifySet(emulator.url, onlyReceived());
      expect(Object.keys(payload)).toEqual(["iss", "aud", "iat", "jti", "events"]);
      expect(payload.iss).toBe(`${emulator.url}/`);
      expect(payload.aud).toBe(DEV_CLIENT.clientId);
      expect(Math.abs((payload.iat ?? 0) - Date.now() / 1000)).toBeLessThan(60);
      expect(payload.jti).toBe(answer.jti);
      expect(payload.events).toEqual({
        [uri]: { subject: { subject_type: "iss-sub", iss: `${emulator.url}/`, sub: ada.sub }, ...attributes },
      });
      jtis.add(String(payload.jti));
      expect(answer).toMatchObject({ status: 202, attempts: 1, delivered: true });
    }
    expect(jtis.size).toBe(cases.length);

    receiver.received.length = 0;
    await raiseEvent(emulator.url, { type: "verification", state: "ping-42" });
    const verification = await verifySet(emulator.url, onlyReceived());
    expect(verification.events).toEqual({ [`${RISC}verification`]: { state: "ping-42" } });
  });

  it("token-revoked names the user's current refresh token by double SHA-512 or by prefix, and ends the grant", async () => {
    await configureStream(emulator.url, { url: receiver.url });
    const hashed = await adaRefreshToken();
    await raiseEvent(emulator.url, { email: ada.email, type: "token-revoked" });
    const expectedHash = createHash("sha512").update(createHash("sha512").update(hashed).digest()).digest("base64");
    expect((await verifySet(emulator.url, onlyReceived())).events).toEqual({
      [`${OAUTH}token-revoked`]: {
        subject: {
          subject_type: "oauth_token",
          token_type: "refresh_token",
          token_identifier_alg: "hash_base64_sha512_sha512",
          token: expectedHash,
        },
      },
    });
    expect(await refreshStatus(hashed)).toEqual({ status: 400, error: "invalid_grant" });

    receiver.received.length = 0;
    const prefixed = await adaRefreshToken();
    await raiseEvent(emulator.url, { email: ada.email, type: "token-revoked", tokenIdentifierAlg: "prefix" });
    const payload = await verifySet(emulator.url, onlyReceived());
    expect(payload.events).toEqual({
      [`${OAUTH}token-revoked`]: {
        subject: { subject_type: "oauth_token", token_type: "refresh_token", token_identifier_alg: "prefix", token: prefixed.slice(0, 16) },
      },
    });
    expect(await refreshStatus(prefixed)).toEqual({ status: 400, error: "invalid_grant" });
  });

  it("applies the event to Google's side: tokens-revoked ends the grant, sessions-revoked leaves tokens working", async () => {
    await configureStream(emulator.url, { url: receiver.url });
    const refreshToken = await adaRefreshToken();
    expect(await raiseEvent(emulator.url, { email: ada.email, type: "sessions-revoked" })).toMatchObject({ revoked: 0 });
    expect(await raiseEvent(emulator.url, { email: ada.email, type: "tokens-revoked", apply: false })).toMatchObject({ revoked: 0 });
    expect((await refreshStatus(refreshToken)).status).toBe(200);

    const answer = await raiseEvent(emulator.url, { email: ada.email, type: "tokens-revoked" });
    expect(answer.revoked).toBeGreaterThan(0);
    expect(await refreshStatus(refreshToken)).toEqual({ status: 400, error: "invalid_grant" });
  });

  it("addresses the SET to another client id, or several, when asked", async () => {
    await configureStream(emulator.url, { url: receiver.url });
    await raiseEvent(emulator.url, { email: ada.email, type: "sessions-revoked", aud: "other.apps.googleusercontent.com" });
    expect((await verifySet(emulator.url, onlyReceived(), "other.apps.googleusercontent.com")).aud).toBe(
      "other.apps.googleusercontent.com",
    );

    receiver.received.length = 0;
    const both = [DEV_CLIENT.clientId, "other.apps.googleusercontent.com"];
    await raiseEvent(emulator.url, { email: ada.email, type: "sessions-revoked", aud: both });
    expect((await verifySet(emulator.url, onlyReceived())).aud).toEqual(both);
  });

  it("redelivers the same SET while the receiver fails, then drops it; a later 2xx ends the retries", async () => {
    await configureStream(emulator.url, { url: receiver.url, retries: 2 });
    receiver.answerWith(500, 500, 500, 500);
    const dropped = await raiseEvent(emulator.url, { email: ada.email, type: "sessions-revoked" });
    expect(dropped).toMatchObject({ status: 500, attempts: 3, delivered: false, dropped: "retries-exhausted" });
    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1);

    receiver.received.length = 0;
    receiver.answerWith(503);
    const delivered = await raiseEvent(emulator.url, { email: ada.email, type: "account-enabled" });
    expect(delivered).toMatchObject({ status: 202, attempts: 2, delivered: true });
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[0]?.body).toBe(receiver.received[1]?.body);

    const { deliveries } = await control<{ deliveries: Record<string, unknown>[] }>(emulator.url, "GET", "risc/deliveries");
    expect(deliveries.map(({ t: _t, ...d }) => d)).toEqual([
      {
        jti: dropped.jti,
        type: `${RISC}sessions-revoked`,
        email: ada.email,
        status: 500,
        attempts: 3,
        delivered: false,
        dropped: "retries-exhausted",
      },
      { jti: delivered.jti, type: `${RISC}account-enabled`, email: ada.email, status: 202, attempts: 2, delivered: true },
    ]);
  });

  it("reports an unreachable receiver without an HTTP status", async () => {
    await configureStream(emulator.url, { url: `http://127.0.0.1:${await findFreePort()}/risc`, retries: 1 });
    expect(await raiseEvent(emulator.url, { email: ada.email, type: "sessions-revoked" })).toMatchObject({
      status: null,
      attempts: 2,
      delivered: false,
      error: "ECONNREFUSED",
    });
  });

  it("sends nothing on a disabled stream and does not buffer it; sends only the requested event types", async () => {
    await configureStream(emulator.url, { url: receiver.url, status: "disabled" });
    expect(await raiseEvent(emulator.url, { email: ada.email, type: "sessions-revoked" })).toMatchObject({
      status: null,
      attempts: 0,
      dropped: "stream-disabled",
    });
    const enabled = await control<{ stream: { status: string } }>(emulator.url, "POST", "risc/stream/status", { status: "enabled" });
    expect(enabled.stream.status).toBe("enabled");
    const after = await raiseEvent(emulator.url, { email: ada.email, type: "account-enabled" });
    expect(payloadOf(onlyReceived()).jti).toBe(after.jti);

    receiver.received.length = 0;
    await configureStream(emulator.url, { url: receiver.url, events_requested: ["sessions-revoked", `${OAUTH}tokens-revoked`] });
    expect(await raiseEvent(emulator.url, { type: "verification", state: "x" })).toMatchObject({ attempts: 0, dropped: "not-requested" });
    expect(receiver.received).toHaveLength(0);
    await raiseEvent(emulator.url, { email: ada.email, type: "tokens-revoked" });
    expect(Object.keys((await verifySet(emulator.url, onlyReceived())).events as object)).toEqual([`${OAUTH}tokens-revoked`]);
  });

  it("reset clears the stream, the delivery log and the SET kept for replay", async () => {
    await configureStream(emulator.url, { url: receiver.url });
    await raiseEvent(emulator.url, { email: ada.email, type: "sessions-revoked" });
    await control(emulator.url, "POST", "reset");
    expect(await control(emulator.url, "GET", "risc/stream")).toEqual({ stream: null });
    expect(await control(emulator.url, "GET", "risc/deliveries")).toEqual({ deliveries: [] });
    expect((await controlFailure(emulator.url, "risc/events", { email: ada.email, type: "sessions-revoked" })).status).toBe(409);
    await configureStream(emulator.url, { url: receiver.url });
    expect((await controlFailure(emulator.url, "risc/events", { forge: "replay" })).status).toBe(409);
    expect(receiver.received).toHaveLength(1);
  });

  it("refuses bad input with a 4xx and sends nothing", async () => {
    expect((await controlFailure(emulator.url, "risc/stream", { url: "ftp://example.com/risc" })).status).toBe(400);
    expect((await controlFailure(emulator.url, "risc/stream", { url: receiver.url, events_requested: ["account-purged"] })).status).toBe(
      400,
    );
    await configureStream(emulator.url, { url: receiver.url });
    const bad: [Record<string, unknown>, number, RegExp][] = [
      [{ email: ada.email, type: "account-purged" }, 400, /unknown event type/],
      [{ type: "sessions-revoked" }, 400, /email: required/],
      [{ email: "nobody@example.com", type: "sessions-revoked" }, 404, /No such user/],
      [{ email: ada.email, type: "sessions-revoked", reason: "hijacking" }, 400, /only account-disabled/],
      [{ email: ada.email, type: "account-disabled", state: "x" }, 400, /only verification/],
      [{ email: ada.email, type: "token-revoked" }, 409, /no live refresh token/],
      [{ email: ada.email, type: "sessions-revoked", forge: "made-up" }, 400, /forge/],
    ];
    for (const [body, status, message] of bad) {
      const failure = await controlFailure(emulator.url, "risc/events", body);
      expect(failure.status).toBe(status);
      expect(failure.error).toMatch(message);
    }
    expect(receiver.received).toHaveLength(0);
  });
});
