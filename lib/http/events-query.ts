// GET /api/events?account=&label=&since=: what the live inbox's stream may be asked, and where it starts.
//
// Resuming: the browser's EventSource sends the last event id it saw as Last-Event-ID; a client that had to
// make a new EventSource passes it as `since`. Both are Gmail history ids.
import { z } from "zod";
import { AppError } from "../errors";
import { HISTORY_ID } from "../sync/stream-events";
import { accountEmail, labelId } from "./mail-query";
import { single } from "./query-params";

const historyId = z.string().regex(HISTORY_ID, "must be a Gmail history id");

export const eventsQuerySchema = z.object({
  account: single(z.union([z.literal("all"), accountEmail], { error: "must be one of your accounts' addresses" })),
  label: single(labelId),
  since: single(historyId),
});

/** The history id the stream resumes after (Last-Event-ID wins over `since`), or null to start now. */
export function streamStartOf(lastEventId: string | null, since: string | undefined): string | null {
  if (!lastEventId) return since ?? null;
  const parsed = historyId.safeParse(lastEventId);
  if (!parsed.success) throw new AppError("bad_request", "Invalid request: Last-Event-ID is not a position of this stream.");
  return parsed.data;
}
