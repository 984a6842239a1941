// GET /api/events?account=&label=&since=: what the live inbox's stream may be asked, and where it starts.
//
// Where it starts: `since`, the position of the page the stream keeps current (its list's history id), so
// mail that arrived between the render and the stream opening comes at once; without it, from now. The
// browser's EventSource sends the last event id it saw as Last-Event-ID when it reconnects, which wins; a
// client that had to make a new EventSource passes that id as `since`. For one account these are Gmail
// history ids; for `account=all`, one position per account (lib/sync/stream-positions.ts).
import { z } from "zod";
import { AppError } from "../errors";
import { HISTORY_ID } from "../sync/stream-events";
import { decodeStreamPositions } from "../sync/stream-positions";
import { accountEmail, labelId } from "./mail-query";
import { single } from "./query-params";

export const eventsQuerySchema = z.object({
  account: single(z.union([z.literal("all"), accountEmail], { error: "must be one of your accounts' addresses or all" })),
  label: single(labelId),
  since: single(z.string().max(8_000, "is too long")),
});

/** A position of one account's stream (a history id) or of All accounts' (one per account). */
export type StreamStart = string | Map<string, string> | null;

function parsePosition(all: boolean, value: string, source: string): string | Map<string, string> {
  const position = all ? decodeStreamPositions(value) : HISTORY_ID.test(value) ? value : null;
  if (position === null) throw new AppError("bad_request", `Invalid request: ${source} is not a position of this stream.`);
  return position;
}

/** Where the stream resumes (Last-Event-ID wins over `since`), or null to start now. */
export function streamStartOf(all: boolean, lastEventId: string | null, since: string | undefined): StreamStart {
  if (lastEventId) return parsePosition(all, lastEventId, "Last-Event-ID");
  return since === undefined ? null : parsePosition(all, since, "since");
}
