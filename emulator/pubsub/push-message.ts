import { subFor } from "../gmail/ids";
import { ISSUER } from "../oauth/id-token";
import { signJwt } from "../oauth/jwt";
import type { SigningKeys } from "../oauth/keys";

/** A message as published to the topic: the same id and bytes for every subscription and every redelivery. */
export interface PubsubMessage {
  messageId: string;
  /** base64 (standard alphabet, padded) of the Gmail notification JSON. */
  data: string;
  publishTime: string;
  email: string;
  historyId: string;
}

/** Gmail's notification: `{"emailAddress", "historyId"}`, the history id as a string. */
export function gmailNotificationData(email: string, historyId: string): string {
  return Buffer.from(JSON.stringify({ emailAddress: email, historyId })).toString("base64");
}

/** The push body: both spellings of messageId and publishTime, empty attributes; no deliveryAttempt (no dead-lettering). */
export function pushBody(subscription: string, message: Pick<PubsubMessage, "messageId" | "data" | "publishTime">): string {
  return JSON.stringify({
    message: {
      attributes: {},
      data: message.data,
      messageId: message.messageId,
      message_id: message.messageId,
      publishTime: message.publishTime,
      publish_time: message.publishTime,
    },
    subscription,
  });
}

export interface PushTokenInput {
  audience: string;
  serviceAccount: string;
  /** Epoch seconds; default now. */
  iat?: number;
}

/**
 * The OIDC token Pub/Sub puts in `Authorization: Bearer`: Google's issuer (as the emulator's
 * OIDC discovery names it), the configured audience, the push service account with a verified email, one hour.
 * `azp` and `sub` are the account's unique id (21 digits).
 */
export function pushTokenClaims(input: PushTokenInput): Record<string, unknown> {
  const iat = input.iat ?? Math.floor(Date.now() / 1000);
  const uniqueId = subFor(input.serviceAccount);
  return {
    aud: input.audience,
    azp: uniqueId,
    email: input.serviceAccount,
    email_verified: true,
    exp: iat + 3600,
    iat,
    iss: ISSUER,
    sub: uniqueId,
  };
}

/** Signed RS256 with the emulator's Google key, the one in its JWKS (`/oauth2/v3/certs`). */
export function signPushToken(keys: SigningKeys, input: PushTokenInput): string {
  return signJwt(keys, pushTokenClaims(input));
}

/** Pub/Sub counts only these as an acknowledgement; anything else, or no answer in time, is redelivered. */
export const ACK_STATUSES: ReadonlySet<number> = new Set([102, 200, 201, 202, 204]);

/** Pub/Sub's push user agent. */
export const PUSH_USER_AGENT = "APIs-Google; (+https://developers.google.com/webmasters/APIs-Google.html)";

/**
 * POSTs one push and reports the status (null with a short reason when none came). A connection the receiver
 * closed under the request before answering is tried once more on a new one, as Pub/Sub retries a delivery; a
 * receiver that refuses keeps its refusal, so a forged push is answered the same either way.
 */
export async function postPush(
  endpoint: string,
  body: string,
  authorization: string | undefined,
  timeoutMs: number,
): Promise<{ status: number | null; error?: string }> {
  const first = await postPushOnce(endpoint, body, authorization, timeoutMs);
  return first.status === null && first.connectionLost ? postPushOnce(endpoint, body, authorization, timeoutMs) : first;
}

async function postPushOnce(
  endpoint: string,
  body: string,
  authorization: string | undefined,
  timeoutMs: number,
): Promise<{ status: number | null; error?: string; connectionLost?: boolean }> {
  try {
    const response = await fetch(endpoint, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": PUSH_USER_AGENT,
        ...(authorization !== undefined ? { authorization } : {}),
      },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    // Drained so the connection is released; the receiver's body means nothing to Pub/Sub.
    await response.arrayBuffer();
    return { status: response.status };
  } catch (error) {
    const code = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
    const connectionLost = code === "ECONNRESET" || code === "UND_ERR_SOCKET" || code === "EPIPE";
    return { status: null, error: describe(error), connectionLost };
  }
}

function describe(error: unknown): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return "timeout";
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === "string" ? cause.code : "network error";
}
