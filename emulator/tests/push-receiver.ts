import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from "jose";
import { afterAll, beforeAll, beforeEach } from "vitest";

export interface ReceivedPush {
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  userAgent: string | undefined;
  body: string;
}

export interface PushEnvelope {
  message: { data: string; messageId: string; message_id: string; publishTime: string; publish_time: string; attributes: object };
  subscription: string;
}

/**
 * A small push endpoint for the tests: records every POST and answers with the next queued status (default
 * 204), after the next queued delay if any. It judges nothing; tests verify what it got as a receiver must.
 */
export function usePushReceiver(): {
  url(path?: string): string;
  received: ReceivedPush[];
  answerWith(...statuses: number[]): void;
  delayFirst(ms: number): void;
} {
  let server: Server | undefined;
  const received: ReceivedPush[] = [];
  let statuses: number[] = [];
  let delays: number[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        received.push({
          path: req.url ?? "/",
          authorization: req.headers.authorization,
          contentType: req.headers["content-type"],
          userAgent: req.headers["user-agent"],
          body: Buffer.concat(chunks).toString("utf8"),
        });
        const status = statuses.shift() ?? 204;
        const delay = delays.shift() ?? 0;
        void sleep(delay).then(() => {
          if (!res.destroyed) res.writeHead(status).end();
        });
      });
    });
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });
  beforeEach(() => {
    received.length = 0;
    statuses = [];
    delays = [];
  });
  return {
    url(path = "/api/google/push") {
      return `http://127.0.0.1:${(server?.address() as AddressInfo).port}${path}`;
    },
    received,
    answerWith(...next: number[]) {
      statuses = next;
    },
    delayFirst(ms: number) {
      delays = [ms];
    },
  };
}

export function envelopeOf(push: ReceivedPush | undefined): PushEnvelope {
  return JSON.parse(push?.body ?? "{}") as PushEnvelope;
}

/** The Gmail notification inside a push: base64 of `{emailAddress, historyId}`. */
export function notificationOf(push: ReceivedPush | undefined): { emailAddress: string; historyId: string } {
  return JSON.parse(Buffer.from(envelopeOf(push).message.data, "base64").toString("utf8")) as { emailAddress: string; historyId: string };
}

/**
 * Verifies a push as Google documents: RS256 against the JWKS and issuer named by the OIDC
 * discovery, the configured audience, the expected service account with a verified email, not expired.
 * Answers the payload, or why it was refused (a jose error code, or `email`, `email_verified`, `no-authorization`).
 */
export async function verifyPush(
  emulatorUrl: string,
  push: ReceivedPush | undefined,
  expected: { audience: string; serviceAccount: string },
): Promise<JWTPayload | string> {
  const header = push?.authorization;
  if (header === undefined || !header.startsWith("Bearer ")) return "no-authorization";
  const discovery = (await (await fetch(`${emulatorUrl}/.well-known/openid-configuration`)).json()) as { issuer: string; jwks_uri: string };
  try {
    const { payload } = await jwtVerify(header.slice("Bearer ".length), createRemoteJWKSet(new URL(discovery.jwks_uri)), {
      issuer: discovery.issuer,
      audience: expected.audience,
      algorithms: ["RS256"],
    });
    if (payload.email !== expected.serviceAccount) return "email";
    if (payload.email_verified !== true) return "email_verified";
    return payload;
  } catch (error) {
    const { code, claim } = error as { code?: string; claim?: string };
    return claim === undefined ? (code ?? String(error)) : `${code ?? ""} (${claim})`;
  }
}

/** Polls until the condition holds (deliveries are asynchronous); fails after `timeoutMs`. */
export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await sleep(10);
  }
}
