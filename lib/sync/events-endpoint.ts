import "server-only";
// GET /api/events?account=&label=: the live inbox's Server-Sent Events stream (design.md "Mailbox sync").
// Checked like every other API before anything streams: signed in (401), valid parameters (400), one of the
// user's own accounts (400), usable (401 reauth_required). Then 200 and text/event-stream.
//
// Resuming: the browser's EventSource sends the last event id it saw as Last-Event-ID; a client that had to
// make a new EventSource passes it as `since`. Both are Gmail history ids.
import { z } from "zod";
import { resolveAccount } from "../accounts/linked-accounts";
import { hashSessionToken } from "../auth/hashed-sessions";
import { currentSessionToken } from "../auth/session-binding";
import { requireUser } from "../auth/session";
import { AppError, type ReauthReason, ReauthRequiredError } from "../errors";
import { accountEmail, labelId, searchParamsToObject, single } from "../gmail/message-params";
import { limitCatchUp } from "../limits/request-rates";
import { claimStreamSlot } from "../limits/stream-slots";
import { mailboxEventStream } from "./event-stream";
import { HISTORY_ID } from "./stream-events";

const historyId = z.string().regex(HISTORY_ID, "must be a Gmail history id");

const querySchema = z.object({
  account: single(z.union([z.literal("all"), accountEmail], { error: "must be one of your accounts' addresses" })),
  label: single(labelId),
  since: single(historyId),
});

export async function openEventStream(request: Request): Promise<Response> {
  const user = await requireUser();
  const query = querySchema.parse(searchParamsToObject(new URL(request.url).searchParams));
  if (query.account === "all") throw new AppError("bad_request", "Invalid request: live updates follow one account at a time.");
  const lastEventId = request.headers.get("last-event-id");
  const since = lastEventId ? historyId.safeParse(lastEventId).data : query.since;
  if (lastEventId && since === undefined)
    throw new AppError("bad_request", "Invalid request: Last-Event-ID is not a position of this stream.");

  const account = await resolveAccount({ userId: user.id, account: query.account });
  if (account.reauthReason) throw new ReauthRequiredError(account.reauthReason as ReauthReason);
  const sessionToken = await currentSessionToken();

  // Costly work a client could repeat without end: a catch-up from an old position, and one more open stream.
  if (since !== undefined) limitCatchUp(account.id);
  const release = claimStreamSlot(user.id);
  const stream = mailboxEventStream({
    account,
    label: query.label,
    since: since ?? null,
    sessionHash: sessionToken ? hashSessionToken(sessionToken) : null,
    signal: request.signal,
    onClose: release,
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
