import "server-only";
// GET /api/events?account=&label=&since=: the live inbox's Server-Sent Events stream (design.md "Mailbox sync").
// Checked like every other API before anything streams: signed in (401), valid parameters (400), one of the
// user's own accounts (400), usable (401 reauth_required). Then 200 and text/event-stream.
//
// Where it starts: `since`, the position of the page the stream keeps current (its list's history id), so
// mail that arrived between the render and the stream opening comes at once; without it, from now. The
// browser's EventSource sends the last event id it saw as Last-Event-ID when it reconnects, which wins; a
// client that had to make a new EventSource passes that id as `since`. For one account these are Gmail
// history ids; for `account=all`, one position per account (stream-positions.ts).
import { z } from "zod";
import type { Account } from "@/generated/prisma/client";
import { listLinkedAccounts, resolveAccount } from "../accounts/linked-accounts";
import { hashSessionToken } from "../auth/hashed-sessions";
import { currentSessionToken } from "../auth/session-binding";
import { requireUser } from "../auth/session";
import { AppError, type ReauthReason, ReauthRequiredError } from "../errors";
import { accountEmail, labelId, searchParamsToObject, single } from "../gmail/message-params";
import { type StreamedMailbox, mailboxEventStream } from "./event-stream";
import { HISTORY_ID } from "./stream-events";
import { decodeStreamPositions } from "./stream-positions";

const querySchema = z.object({
  account: single(z.union([z.literal("all"), accountEmail], { error: "must be one of your accounts' addresses or all" })),
  label: single(labelId),
  since: single(z.string().max(8_000, "is too long")),
});

/** A position of one account's stream (a history id) or of All accounts' (one per account). */
function parsePosition(all: boolean, value: string | undefined, source: string): string | Map<string, string> | null {
  if (value === undefined) return null;
  const position = all ? decodeStreamPositions(value) : HISTORY_ID.test(value) ? value : null;
  if (position === null) throw new AppError("bad_request", `Invalid request: ${source} is not a position of this stream.`);
  return position;
}

async function mailboxesFor(
  userId: string,
  account: string | undefined,
  since: string | Map<string, string> | null,
): Promise<StreamedMailbox[]> {
  if (account !== "all") {
    const chosen = await resolveAccount({ userId, account });
    if (chosen.reauthReason) throw new ReauthRequiredError(chosen.reauthReason as ReauthReason);
    return [{ account: chosen, since: typeof since === "string" ? since : null }];
  }
  const accounts = await listLinkedAccounts(userId);
  if (accounts.length === 0) throw new AppError("unauthenticated", "Your Google account is no longer linked. Please sign in again.");
  // An account that needs re-authorization shows its banner on the page instead; the others are followed.
  const usable = accounts.filter((linked) => !linked.reauthReason);
  if (usable.length === 0) throw new ReauthRequiredError(accounts[0]!.reauthReason as ReauthReason);
  const positions = since instanceof Map ? since : new Map<string, string>();
  return usable.map((linked: Account) => ({ account: linked, since: (linked.email && positions.get(linked.email)) || null }));
}

export async function openEventStream(request: Request): Promise<Response> {
  const user = await requireUser();
  const query = querySchema.parse(searchParamsToObject(new URL(request.url).searchParams));
  const all = query.account === "all";
  const lastEventId = request.headers.get("last-event-id");
  const since = lastEventId ? parsePosition(all, lastEventId, "Last-Event-ID") : parsePosition(all, query.since, "since");
  const mailboxes = await mailboxesFor(user.id, query.account, since);
  const sessionToken = await currentSessionToken();

  const stream = mailboxEventStream({
    mailboxes,
    combined: all,
    label: query.label,
    sessionHash: sessionToken ? hashSessionToken(sessionToken) : null,
    signal: request.signal,
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform: compression would hold events back until a buffer fills.
      "Cache-Control": "private, no-cache, no-store, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}
