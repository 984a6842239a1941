import "server-only";
// The Gmail calls a send job makes: drafts.send of a known draft id; and after a crash mid-send, drafts.get to
// learn whether the draft is still there (a sent draft is gone: 404) and, when it is gone, its conversation,
// to tell a draft that was sent (a SENT message appeared there) from one that was deleted. Gmail's failures
// come back as values, not exceptions, so the send job can tell a refusal that will heal (429 "Mail sending",
// 5xx) from one that will not (400, 404). A token Google no longer honours still throws
// (ReauthRequiredError), from the account machinery.
import type { gmail_v1 } from "@googleapis/gmail";
import type { Account } from "@/generated/prisma/client";
import { withAccount } from "./mailbox-access";
import { gmailApiFor, gmailUsersFor } from "./gmail-client";
import { retryAfterMs } from "./retry-policy";

export type GmailRefusal = {
  ok: false;
  status: number;
  /** Gmail's error reason (`notFound`, `invalidArgument`, `rateLimitExceeded`…). */
  reason: string | undefined;
  /** Gmail's own text: for telling cases apart, never shown to anyone. */
  gmailMessage: string;
  /** When Gmail said to come back (Retry-After, or "Retry after <time>" in its text), in seconds. */
  retryAfterSeconds: number | undefined;
};

// The shared official client (gmail-client.ts). Its retries are for GETs only: a send is never retried by the
// client, since a send that timed out may have gone.
function drafts(accessToken: string) {
  const { users, auth } = gmailApiFor(accessToken);
  return {
    get: (params: Omit<gmail_v1.Params$Resource$Users$Drafts$Get, "auth">) => users.drafts.get({ ...params, auth }),
    send: (params: Omit<gmail_v1.Params$Resource$Users$Drafts$Send, "auth">) => users.drafts.send({ ...params, auth }),
  };
}

type GaxiosLike = { status?: number; response?: { status?: number; headers?: unknown; data?: unknown } };

function headerOf(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== "object") return undefined;
  const { get } = headers as { get?: unknown };
  const value: unknown = typeof get === "function" ? get.call(headers, name) : (headers as Record<string, unknown>)[name];
  return typeof value === "string" ? value : undefined;
}

/** A Gmail error response as a refusal; anything without an HTTP answer (a network failure) is rethrown. */
function refusalOf(error: unknown): GmailRefusal {
  const response = (error as GaxiosLike | null)?.response;
  const status = response?.status;
  if (typeof status !== "number" || status === 401) throw error;
  const envelope = (response?.data as { error?: { message?: unknown; errors?: { reason?: unknown }[]; status?: unknown } } | undefined)
    ?.error;
  const gmailMessage = typeof envelope?.message === "string" ? envelope.message : "";
  const reason = envelope?.errors?.[0]?.reason;
  // "User-rate limit exceeded. Retry after 2026-12-06T20:00:00.000Z (Mail sending)"
  const retryAt = /Retry after (\S+?)\.?(?:\s|$)/i.exec(gmailMessage)?.[1];
  const fromText = retryAt ? retryAfterMs(new Date(retryAt).toUTCString()) : null;
  const fromHeader = retryAfterMs(headerOf(response?.headers, "retry-after"));
  const waitMs = fromText ?? fromHeader;
  return {
    ok: false,
    status,
    reason: typeof reason === "string" ? reason : typeof envelope?.status === "string" ? envelope.status : undefined,
    gmailMessage,
    retryAfterSeconds: waitMs === null ? undefined : Math.ceil(waitMs / 1000),
  };
}

/** Whether the draft is still at Gmail (drafts.get, minimal), or Gmail's refusal (404: sent or deleted). */
export async function findDraft(account: Account, draftId: string): Promise<{ ok: true } | GmailRefusal> {
  return withAccount(account, "message", async (accessToken) => {
    try {
      await drafts(accessToken).get({ userId: "me", id: draftId, format: "minimal" });
      return { ok: true };
    } catch (error) {
      return refusalOf(error);
    }
  });
}

/** drafts.send of the draft as Gmail holds it: the sent message's id, or Gmail's refusal. */
export async function sendDraft(account: Account, draftId: string): Promise<{ ok: true; messageId: string } | GmailRefusal> {
  return withAccount(account, "message", async (accessToken) => {
    try {
      const { data } = await drafts(accessToken).send({ userId: "me", requestBody: { id: draftId } });
      return { ok: true, messageId: data.id ?? "" };
    } catch (error) {
      return refusalOf(error);
    }
  });
}

/**
 * Whether a message this account sent is in the conversation since `since`: how a vanished draft is known to
 * have been sent (Gmail keeps a sent draft in its conversation) rather than deleted.
 */
export async function sentInThreadSince(account: Account, threadId: string, since: Date): Promise<boolean> {
  return withAccount(account, "message", async (accessToken) => {
    try {
      const { data } = await gmailUsersFor(accessToken).getThread({ userId: "me", id: threadId, format: "minimal" });
      return (data.messages ?? []).some(
        (message) => message.labelIds?.includes("SENT") === true && Number(message.internalDate ?? 0) >= since.getTime(),
      );
    } catch (error) {
      if (refusalOf(error).status === 404) return false;
      throw error;
    }
  });
}
