import "server-only";
// The two Gmail calls a send needs: drafts.send of a known draft id, and drafts.get (metadata only) to check a
// draft before scheduling it and, after a crash mid-send, whether it is still there (a sent draft is gone:
// 404). Gmail's failures come back as values, not exceptions, so the send job can tell a refusal that will
// heal (429 "Mail sending", 5xx) from one that will not (400, 404). A token Google no longer honours still
// throws (ReauthRequiredError), from the account machinery.
import { type gmail_v1, gmail } from "@googleapis/gmail";
import { OAuth2Client } from "google-auth-library";
import type { Account } from "@/generated/prisma/client";
import { getConfig } from "../config";
import { headerValue } from "../mime/message-headers";
import { decodeEncodedWords } from "../mime/encoded-words";
import { withAccount } from "./mailbox-access";
import { observedAdapter } from "./observed-adapter";
import { gmailClientRetryConfig, retryAfterMs } from "./retry-policy";

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

export type DraftSummary = { ok: true; to: string[]; cc: string[]; bcc: string[]; subject: string };

let client: gmail_v1.Gmail | undefined;

// Its own instance of the official client, set up like lib/gmail/gmail-client.ts's (metrics, quota, GET-only
// retries: a send is never retried by the client, since a send that timed out may have gone).
function drafts(accessToken: string) {
  client ??= gmail({
    version: "v1",
    rootUrl: getConfig().google.endpoints.gmailRoot,
    retryConfig: gmailClientRetryConfig,
    timeout: 15_000,
    adapter: observedAdapter,
  });
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: accessToken });
  const resource = client.users.drafts;
  return {
    get: (params: Omit<gmail_v1.Params$Resource$Users$Drafts$Get, "auth">) => resource.get({ ...params, auth }),
    send: (params: Omit<gmail_v1.Params$Resource$Users$Drafts$Send, "auth">) => resource.send({ ...params, auth }),
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

function addresses(value: string | undefined): string[] {
  if (!value) return [];
  // Commas inside quoted display names ("Hopper, Grace" <grace@…>) do not separate addresses.
  return (value.match(/(?:"[^"]*"|[^,])+/g) ?? []).map((part) => part.trim()).filter(Boolean);
}

/** The draft's recipients and subject (drafts.get format=metadata), or Gmail's refusal (404: no such draft). */
export async function getDraftSummary(account: Account, draftId: string): Promise<DraftSummary | GmailRefusal> {
  return withAccount(account, "message", async (accessToken) => {
    try {
      const { data } = await drafts(accessToken).get({ userId: "me", id: draftId, format: "metadata" });
      const headers = data.message?.payload?.headers;
      const header = (name: string) => decodeEncodedWords(headerValue(headers, name) ?? "");
      return {
        ok: true,
        to: addresses(header("To")),
        cc: addresses(header("Cc")),
        bcc: addresses(header("Bcc")),
        subject: header("Subject"),
      };
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
