import type { Router } from "../http/router";
import type { EmuRequest, EmuResponse, Params } from "../http/types";
import type { EmulatorState } from "../state";
import { authorizeGmail, isResponse } from "./access";
import { invalidArgument, notFound } from "./errors";
import { type HistoryType, historyRecordJson } from "./history-log";
import { decodePageToken, encodePageToken } from "./ids";
import { gmailOk } from "./respond";

const TYPES = new Set<string>(["messageAdded", "messageDeleted", "labelAdded", "labelRemoved"]);

/** history.list: changes after startHistoryId; a start older than the kept history is Gmail's 404. */
export function registerHistoryRoutes(router: Router, state: EmulatorState): void {
  router.add("GET", "/gmail/v1/users/:userId/history", (req, p) => listHistory(state, req, p));
}

function listHistory(state: EmulatorState, req: EmuRequest, p: Params): EmuResponse {
  const caller = authorizeGmail(state, req, p.userId ?? "", "read", "ListHistory");
  if (isResponse(caller)) return caller;
  const { history, email } = caller.mailbox;
  const startParam = req.query.get("startHistoryId");
  if (startParam === null) return invalidArgument("Missing required parameter: startHistoryId");
  if (!/^\d+$/.test(startParam)) return invalidArgument("Invalid startHistoryId");
  const start = Number(startParam);
  // Before what is kept: Gmail's "too old" 404. Past the current id: not a point of this mailbox's history
  // (a client still holding a position from before the emulator was reset); the same 404 makes it resync
  // instead of taking a stale page for an unchanged one.
  if (start < history.oldestId || start > history.currentId) return notFound();
  const types = req.query.getAll("historyTypes").flatMap((v) => v.split(","));
  const unknownType = types.find((t) => !TYPES.has(t));
  if (unknownType !== undefined) return invalidArgument(`Invalid value for "historyTypes": ${unknownType}`);
  const maxParam = req.query.get("maxResults");
  const max = maxParam !== null && /^\d+$/.test(maxParam) ? Math.min(500, Math.max(1, Number(maxParam))) : 100;
  let after: number | undefined;
  const token = req.query.get("pageToken");
  if (token) {
    const position = decodePageToken(`${email}:history`, token);
    if (position === undefined) return invalidArgument("Invalid pageToken");
    after = Number(position);
  }
  const labelId = req.query.get("labelId") ?? undefined;
  const page = history.since({
    start,
    max,
    ...(after !== undefined ? { after } : {}),
    ...(labelId !== undefined ? { labelId } : {}),
    ...(types.length > 0 ? { types: new Set(types as HistoryType[]) } : {}),
  });
  const body: Record<string, unknown> = {};
  if (page.records.length > 0) body.history = page.records.map(historyRecordJson);
  if (page.nextAfter !== undefined) body.nextPageToken = encodePageToken(`${email}:history`, BigInt(page.nextAfter));
  body.historyId = String(history.currentId);
  return gmailOk(body, req.query);
}
