import { generateKeyPairSync } from "node:crypto";
import { importPKCS8, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { control, obtainTokens } from "../testing/control-client";
import { useEmulator } from "./harness";
import { useRiscReceiver, verifySet } from "./risc-receiver";

const emulator = useEmulator();
const receiver = useRiscReceiver();
const AUDIENCE = "https://risc.googleapis.com/google.identity.risc.v1beta.RiscManagementService";
const RISC = "https://schemas.openid.net/secevent/risc/event-type/";
const PUSH = "https://schemas.openid.net/secevent/risc/delivery-method/push";

interface KeyFile {
  client_email: string;
  private_key_id: string;
  private_key: string;
}

async function serviceAccount(body: Record<string, unknown> = {}): Promise<KeyFile> {
  return control<KeyFile>(emulator.url, "POST", "risc/service-accounts", body);
}

/** The bearer Google documents: self-signed by the service account key, for the RISC management audience, 1 h. */
async function bearer(
  key: KeyFile,
  overrides: { aud?: string; lifetime?: number; iatOffset?: number; privateKey?: string } = {},
): Promise<string> {
  const iat = Math.floor(Date.now() / 1000) + (overrides.iatOffset ?? 0);
  return new SignJWT({})
    .setProtectedHeader({ alg: "RS256", kid: key.private_key_id, typ: "JWT" })
    .setIssuer(key.client_email)
    .setSubject(key.client_email)
    .setAudience(overrides.aud ?? AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + (overrides.lifetime ?? 3600))
    .sign(await importPKCS8(overrides.privateKey ?? key.private_key, "RS256"));
}

async function call(
  method: string,
  path: string,
  token: string | undefined,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${emulator.url}/v1beta/${path}`, {
    method,
    headers: {
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const errorOf = (result: { status: number; body: Record<string, unknown> }) => [
  result.status,
  (result.body.error as { message?: string } | undefined)?.message,
];

describe("RISC stream management API (v1beta)", () => {
  it("configures, reads, disables and verifies the stream with a service account JWT", async () => {
    const token = await bearer(await serviceAccount());
    const config = {
      delivery: { delivery_method: PUSH, url: receiver.url },
      events_requested: [`${RISC}verification`, `${RISC}sessions-revoked`],
    };
    expect(await call("POST", "stream:update", token, config)).toEqual({ status: 200, body: config });
    expect(await call("GET", "stream", token)).toEqual({ status: 200, body: config });
    expect(await control(emulator.url, "GET", "risc/stream")).toMatchObject({
      stream: { url: receiver.url, eventsRequested: ["verification", "sessions-revoked"], status: "enabled" },
    });

    expect(await call("POST", "stream/status:update", token, { status: "disabled" })).toEqual({
      status: 200,
      body: { status: "disabled" },
    });
    expect(await call("GET", "stream/status", token)).toEqual({ status: 200, body: { status: "disabled" } });
    expect(await call("POST", "stream:verify", token, { state: "while-disabled" })).toEqual({ status: 200, body: {} });
    expect(receiver.received).toHaveLength(0);

    await call("POST", "stream/status:update", token, { status: "enabled" });
    expect(await call("POST", "stream:verify", token, { state: "ANYTHING" })).toEqual({ status: 200, body: {} });
    expect(receiver.received).toHaveLength(1);
    expect((await verifySet(emulator.url, receiver.received[0]?.body ?? "")).events).toEqual({
      [`${RISC}verification`]: { state: "ANYTHING" },
    });
  });

  it("answers Google's errors for bad callers and bad configurations, and changes nothing", async () => {
    const key = await serviceAccount();
    const token = await bearer(key);
    const config = { delivery: { delivery_method: PUSH, url: receiver.url }, events_requested: [`${RISC}sessions-revoked`] };
    const { privateKey: strangerKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const stranger = strangerKey.export({ type: "pkcs8", format: "pem" }).toString();
    const unauthorized = [401, "Unauthorized."];

    expect(errorOf(await call("GET", "stream", token))).toEqual([404, "Project has no RISC configuration."]);
    expect(errorOf(await call("POST", "stream:update", undefined, config))).toEqual(unauthorized);
    expect(errorOf(await call("POST", "stream:update", await bearer(key, { aud: "https://risc.googleapis.com/" }), config))).toEqual(
      unauthorized,
    );
    expect(errorOf(await call("POST", "stream:update", await bearer(key, { lifetime: 7200 }), config))).toEqual(unauthorized);
    expect(errorOf(await call("POST", "stream:update", await bearer(key, { iatOffset: -4000 }), config))).toEqual(unauthorized);
    expect(errorOf(await call("POST", "stream:update", await bearer(key, { privateKey: stranger }), config))).toEqual(unauthorized);
    const { access_token: accessToken } = await obtainTokens(emulator.url);
    expect(errorOf(await call("POST", "stream:update", accessToken, config))).toEqual([
      403,
      "Stream management APIs should only be called by a service account.",
    ]);
    const unprivileged = await bearer(await serviceAccount({ email: "reader@mailroom-dev.iam.gserviceaccount.com", riscAdmin: false }));
    expect(errorOf(await call("POST", "stream:update", unprivileged, config))).toEqual([
      403,
      "Service account needs permission to access your RISC configuration",
    ]);

    expect(errorOf(await call("POST", "stream:update", token, { events_requested: config.events_requested }))).toEqual([
      400,
      "Stream configuration must contain delivery field.",
    ]);
    expect(errorOf(await call("POST", "stream:update", token, { delivery: config.delivery }))).toEqual([
      400,
      "Stream configuration must contain events_requested field.",
    ]);
    expect(
      errorOf(
        await call("POST", "stream:update", token, { ...config, delivery: { ...config.delivery, url: "http://risc.example.com/events" } }),
      ),
    ).toEqual([403, "The delivery endpoint must be an HTTPS URL."]);
    expect(await control(emulator.url, "GET", "risc/stream")).toEqual({ stream: null });
  });
});
