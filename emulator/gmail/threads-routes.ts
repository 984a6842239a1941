import type { Router } from "../http/router";
import type { EmuRequest, EmuResponse, Params } from "../http/types";
import type { EmulatorState } from "../state";
import { authorizeGmail, isResponse } from "./access";
import { forbidden, invalidArgument, notFound } from "./errors";
import { formatThread, type MessageFormat } from "./format-message";
import { encodePageToken, MESSAGE_ID } from "./ids";
import { parseListParams } from "./list-params";
import { listThreads } from "./mailbox-list";
import { gmailOk } from "./respond";

const BASE = "/gmail/v1/users/:userId/threads";
const THREAD_FORMATS: readonly MessageFormat[] = ["full", "metadata", "minimal"];

export function registerThreadRoutes(router: Router, state: EmulatorState): void {
  router.add("GET", BASE, (req, p) => listThreadsRoute(state, req, p));
  router.add("GET", `${BASE}/:id`, (req, p) => getThread(state, req, p));
}

function listThreadsRoute(state: EmulatorState, req: EmuRequest, p: Params): EmuResponse {
  const caller = authorizeGmail(state, req, p.userId ?? "", "read", "ListThreads");
  if (isResponse(caller)) return caller;
  if (caller.metadataOnly && req.query.has("q")) return forbidden("Metadata scope does not support 'q' parameter");
  const params = parseListParams(req.query, caller.mailbox, "threads");
  if ("status" in params) return params;
  const result = listThreads(caller.mailbox, { ...params, now: Date.now() });
  const threads = result.items.map(({ threadId }) => {
    const messages = caller.mailbox.thread(threadId) ?? [];
    const newest = messages[messages.length - 1];
    const historyId = Math.max(...messages.map((m) => m.historyId));
    return { id: threadId, snippet: newest?.content.parsed.snippet ?? "", historyId: String(historyId) };
  });
  const body: Record<string, unknown> = {};
  if (threads.length > 0) body.threads = threads;
  if (result.nextBefore !== undefined)
    body.nextPageToken = encodePageToken(`${caller.mailbox.email}:threads`, BigInt(`0x${result.nextBefore}`));
  body.resultSizeEstimate = result.total;
  return gmailOk(body, req.query);
}

function getThread(state: EmulatorState, req: EmuRequest, p: Params): EmuResponse {
  const caller = authorizeGmail(state, req, p.userId ?? "", "read", "GetThread");
  if (isResponse(caller)) return caller;
  const format = (req.query.get("format") ?? "full").toLowerCase() as MessageFormat;
  if (!THREAD_FORMATS.includes(format)) return invalidArgument(`Invalid value for "format": ${format}`);
  if (caller.metadataOnly && format === "full") return forbidden("Metadata scope doesn't allow format FULL");
  const id = p.id ?? "";
  if (!MESSAGE_ID.test(id)) return invalidArgument("Invalid id value");
  const messages = caller.mailbox.thread(id);
  if (!messages) return notFound();
  const headers = format === "metadata" ? req.query.getAll("metadataHeaders").flatMap((v) => v.split(",")) : [];
  return gmailOk(formatThread(id, messages, format, headers), req.query);
}
