// The public RISC receiver must not turn junk into requests to Google: a body that cannot be a Google-signed
// SET is refused before the discovery document is fetched, and a failed fetch is remembered for a few
// seconds instead of being repeated for every POST. Counted in the emulator's request log, over HTTP.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { control } from "@/scripts/testing/emulator-client";
import { useIntegrationEnvironment } from "@/scripts/testing/integration-env";
import { receiveSecurityEvent } from "./receive-security-event";
import { FAILED_DISCOVERY_TTL_MS } from "./discovery";

const environment = useIntegrationEnvironment();
const DISCOVERY_PATH = "/.well-known/risc-configuration";

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
/** Shaped like a Google SET (RS256, a key id, a JSON payload) but signed by nobody: only the keys can tell. */
const wellShaped = `${b64({ alg: "RS256", kid: "some-key", typ: "secevent+jwt" })}.${b64({ jti: "j", iat: 1, events: {} })}.c2ln`;

async function post(body: string): Promise<{ status: number; code: string | undefined }> {
  const response = await receiveSecurityEvent(body)
    .then(() => new Response(null, { status: 202 }))
    .catch((error: unknown) => {
      const { status, code } = error as { status: number; code: string };
      return new Response(JSON.stringify({ error: { code } }), { status });
    });
  const text = await response.text();
  return { status: response.status, code: text ? (JSON.parse(text) as { error?: { code: string } }).error?.code : undefined };
}

async function discoveryFetches(): Promise<number> {
  const { requests } = await control<{ requests: { path: string }[] }>(environment.emulatorUrl, "GET", "requests");
  return requests.filter((request) => request.path.startsWith(DISCOVERY_PATH)).length;
}

beforeEach(async () => {
  await control(environment.emulatorUrl, "DELETE", "faults");
  await control(environment.emulatorUrl, "DELETE", "requests");
});
afterEach(() => vi.useRealTimers());

describe("junk posted to the RISC receiver", () => {
  const junk = {
    "plain text": "hello",
    "two segments": `${b64({ alg: "RS256", kid: "k" })}.${b64({})}`,
    "a header that is not JSON": `bm90IGpzb24.${b64({})}.c2ln`,
    "alg none": `${b64({ alg: "none" })}.${b64({ jti: "j" })}.`,
    HS256: `${b64({ alg: "HS256", kid: "k" })}.${b64({ jti: "j" })}.c2ln`,
    "no key id": `${b64({ alg: "RS256" })}.${b64({ jti: "j" })}.c2ln`,
    "a payload that is not JSON": `${b64({ alg: "RS256", kid: "k" })}.bm90IGpzb24.c2ln`,
    "characters outside base64url": `${b64({ alg: "RS256", kid: "k" })}.${b64({})}.c2ln!`,
  };

  it.each(Object.entries(junk))("%s answers 400 without a single request to Google", async (_name, body) => {
    expect(await post(body)).toEqual({ status: 400, code: "bad_request" });
    expect(await discoveryFetches()).toBe(0);
  });
});

describe("Google's RISC configuration failing", () => {
  it("is fetched once for a burst of tokens, refused 503 meanwhile, and tried again a few seconds later", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 2 * 60 * 60 * 1000 });
    await control(environment.emulatorUrl, "POST", "faults", { match: { path: DISCOVERY_PATH }, status: 503 });

    const answers = [];
    for (let i = 0; i < 5; i += 1) answers.push(await post(wellShaped));
    expect(answers).toEqual(Array.from({ length: 5 }, () => ({ status: 503, code: "upstream_unavailable" })));
    expect(await discoveryFetches()).toBe(1);

    // Google is back, but the failure still answers for itself until its few seconds are up.
    await control(environment.emulatorUrl, "DELETE", "faults");
    vi.setSystemTime(Date.now() + FAILED_DISCOVERY_TTL_MS - 1_000);
    expect(await post(wellShaped)).toEqual({ status: 503, code: "upstream_unavailable" });
    expect(await discoveryFetches()).toBe(1);

    vi.setSystemTime(Date.now() + 2_000);
    // Discovered now: the signature (made by no key Google publishes) is what refuses the token.
    expect(await post(wellShaped)).toEqual({ status: 400, code: "bad_request" });
    expect(await post(wellShaped)).toEqual({ status: 400, code: "bad_request" });
    expect(await discoveryFetches()).toBe(2);
  });
});
