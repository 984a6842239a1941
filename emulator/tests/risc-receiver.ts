import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createRemoteJWKSet, decodeJwt, jwtVerify, type JWTPayload } from "jose";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { control, DEV_CLIENT } from "../testing/control-client";

export interface ReceivedSet {
  contentType: string | undefined;
  body: string;
}

export interface RiscDiscovery {
  issuer: string;
  jwks_uri: string;
  delivery_methods_supported: string[];
  add_subject_endpoint: string;
  remove_subject_endpoint: string;
}

/**
 * A tiny SET receiver for the tests: records every POST and answers with the next queued status (default 202).
 * It judges nothing itself; the tests verify what it received the way a real receiver must.
 */
export function useRiscReceiver(): { readonly url: string; received: ReceivedSet[]; answerWith(...statuses: number[]): void } {
  let server: Server | undefined;
  const received: ReceivedSet[] = [];
  let statuses: number[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        received.push({ contentType: req.headers["content-type"], body: Buffer.concat(chunks).toString("utf8") });
        res.writeHead(statuses.shift() ?? 202).end();
      });
    });
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });
  beforeEach(() => {
    received.length = 0;
    statuses = [];
  });
  return {
    get url() {
      return `http://127.0.0.1:${(server?.address() as AddressInfo).port}/api/google/risc`;
    },
    received,
    answerWith(...next: number[]) {
      statuses = next;
    },
  };
}

export async function riscDiscovery(emulatorUrl: string): Promise<RiscDiscovery> {
  const response = await fetch(`${emulatorUrl}/.well-known/risc-configuration`);
  if (!response.ok) throw new Error(`risc-configuration answered ${response.status}`);
  return (await response.json()) as RiscDiscovery;
}

/** Verifies a SET as Google tells receivers to: RS256 from the discovered JWKS, exact issuer, our audience, no exp. */
export async function verifySet(
  emulatorUrl: string,
  token: string,
  audience: string | string[] = DEV_CLIENT.clientId,
): Promise<JWTPayload> {
  const discovery = await riscDiscovery(emulatorUrl);
  const jwks = createRemoteJWKSet(new URL(discovery.jwks_uri));
  const { payload } = await jwtVerify(token, jwks, { issuer: discovery.issuer, audience, algorithms: ["RS256"] });
  return payload;
}

/** The jose error code a verification fails with (and the claim, for claim checks), or "verified". */
export async function verificationFailure(emulatorUrl: string, token: string): Promise<string> {
  try {
    await verifySet(emulatorUrl, token);
    return "verified";
  } catch (error) {
    const { code, claim } = error as { code?: string; claim?: string };
    return claim === undefined ? (code ?? String(error)) : `${code ?? ""} (${claim})`;
  }
}

export function payloadOf(token: string): JWTPayload {
  return decodeJwt(token);
}

export interface RaiseAnswer {
  ok: true;
  status: number | null;
  jti: string | null;
  attempts: number;
  delivered: boolean;
  forge?: string;
  dropped?: string;
  error?: string;
  revoked?: number;
}

export function raiseEvent(emulatorUrl: string, body: Record<string, unknown>): Promise<RaiseAnswer> {
  return control<RaiseAnswer>(emulatorUrl, "POST", "risc/events", body);
}

/** A control call whose failure is the point of the test: the status and the error message. */
export async function controlFailure(emulatorUrl: string, path: string, body: unknown): Promise<{ status: number; error: string }> {
  const response = await fetch(`${emulatorUrl}/__emulator/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, error: ((await response.json()) as { error: string }).error };
}

export async function configureStream(emulatorUrl: string, stream: Record<string, unknown>): Promise<void> {
  await control(emulatorUrl, "POST", "risc/stream", { retryDelayMs: 0, ...stream });
}
