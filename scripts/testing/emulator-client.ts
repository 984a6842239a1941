// Test helpers that talk to the emulator over HTTP the way Google's clients do: no shortcuts into its store.
import { randomBytes } from "node:crypto";
import type { LogEntry } from "../../emulator/control/request-log";
import { control, obtainTokens, type TokenResponse } from "../../emulator/testing/control-client";

export { control };
export type { TokenResponse as GoogleTokenResponse };

export type EmulatorStats = {
  endpoints: Record<string, number>;
  grants: { authorization_code?: number; refresh_token?: number };
  peakConcurrent: number;
};

export function stats(emulatorUrl: string): Promise<EmulatorStats> {
  return control<EmulatorStats>(emulatorUrl, "GET", "stats");
}

/**
 * Runs Google's authorization-code flow against the emulator as the dev client, consent answered by its
 * automation (switched off again afterwards, so a later browser sign-in sees the real screens), and returns
 * the token endpoint's answer.
 */
export async function authorizeThroughEmulator(
  emulatorUrl: string,
  email: string,
  options: { grantScopes?: string[]; prompt?: string; accessType?: "offline" | "online" } = {},
): Promise<TokenResponse> {
  try {
    return await obtainTokens(emulatorUrl, { email, ...options });
  } finally {
    await control(emulatorUrl, "POST", "consent", { autoApprove: false });
  }
}

/** The `sub` claim of an id_token (no verification: the emulator's own tests verify signatures). */
export function subjectOf(idToken: string): string {
  const payload = JSON.parse(Buffer.from(idToken.split(".")[1] ?? "", "base64url").toString("utf8")) as { sub?: string };
  if (!payload.sub) throw new Error("id_token has no sub");
  return payload.sub;
}

/** One request the emulator answered, from its request log (a batch lists its parts). */
export type LoggedGmailRequest = LogEntry;

/** The Gmail API requests (batches included) the emulator has answered since its log was last cleared. */
export async function loggedGmailRequests(emulatorUrl: string): Promise<LoggedGmailRequest[]> {
  const log = await control<{ requests: LoggedGmailRequest[] }>(emulatorUrl, "GET", "requests");
  return log.requests.filter((request) => request.path.startsWith("/gmail/") || request.path.startsWith("/batch/"));
}

/** The ids Gmail itself lists in an account's inbox (conversations or messages), in Gmail's order: what a view must match. */
export async function gmailInboxIds(emulatorUrl: string, accessToken: string, kind: "threads" | "messages"): Promise<string[]> {
  const response = await fetch(`${emulatorUrl}/gmail/v1/users/me/${kind}?labelIds=INBOX&maxResults=500`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  const body = (await response.json()) as Record<string, { id: string }[] | string | undefined>;
  if (body.nextPageToken) throw new Error("the inbox holds more than one page: list it page by page");
  const listed = body[kind];
  return Array.isArray(listed) ? listed.map((item) => item.id) : [];
}

/** A short message from Bob arriving in a mailbox the way mail from outside does (with a unique Message-ID). */
export function deliverFromBob(emulatorUrl: string, email: string, subject: string): Promise<{ id: string; threadId: string }> {
  return control<{ id: string; threadId: string }>(emulatorUrl, "POST", "messages", {
    email,
    raw: `From: Bob <bob@example.com>\r\nTo: ${email}\r\nSubject: ${subject}\r\nMessage-ID: <${randomBytes(6).toString("hex")}@example.com>\r\n\r\nHello`,
  });
}
