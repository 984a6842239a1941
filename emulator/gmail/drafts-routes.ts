import type { Router } from "../http/router";
import type { EmuRequest, EmuResponse, Params } from "../http/types";
import type { EmulatorState } from "../state";
import { type AccessLevel, authorizeGmail, type GmailCaller, isResponse } from "./access";
import { invalidArgument, notFound } from "./errors";
import { formatMessage, MESSAGE_FORMATS, type MessageFormat } from "./format-message";
import { decodePageToken, encodePageToken } from "./ids";
import type { StoredMessage } from "./mailbox";
import { matchesQuery } from "./search-matcher";
import { parseSearchQuery } from "./search-parser";
import { gmailOk } from "./respond";
import { readWriteBody, writtenFromJson } from "./write-body";
import { MailWriter } from "./write-mail";

const BASE = "/gmail/v1/users/:userId/drafts";

/**
 * users.drafts on the metadata URI. Writing needs gmail.compose, gmail.modify or mail.google.com (gmail.send
 * is not enough, not even for drafts.send); reading also takes gmail.readonly. A draft's message carries only
 * DRAFT and sits in its thread like any message.
 */
export function registerDraftRoutes(router: Router, state: EmulatorState): void {
  router.add("POST", `${BASE}/send`, (req, p) =>
    withCaller(state, req, p, "compose", "SendDraft", (caller) => {
      const body = readWriteBody(req, "draft");
      if ("status" in body) return body;
      if (body.draftId === undefined) return invalidArgument("Missing draft id");
      const replacement = body.message?.raw !== undefined ? writtenFromJson(state, body) : undefined;
      if (replacement && "status" in replacement) return replacement;
      return new MailWriter(state, caller, req.query).sendDraft(body.draftId, replacement);
    }),
  );
  router.add("POST", BASE, (req, p) =>
    withCaller(state, req, p, "compose", "CreateDraft", (caller) => {
      const body = readWriteBody(req, "draft");
      if ("status" in body) return body;
      if (body.message === undefined) return invalidArgument("Missing draft message");
      const input = writtenFromJson(state, body);
      return "status" in input ? input : new MailWriter(state, caller, req.query).createDraft(input);
    }),
  );
  router.add("PUT", `${BASE}/:id`, (req, p) =>
    withCaller(state, req, p, "compose", "UpdateDraft", (caller) => {
      const body = readWriteBody(req, "draft");
      if ("status" in body) return body;
      const writer = new MailWriter(state, caller, req.query);
      if (!writer.draftMessage(p.id ?? "")) return notFound();
      if (body.message === undefined) return invalidArgument("Missing draft message");
      const input = writtenFromJson(state, body);
      return "status" in input ? input : writer.updateDraft(p.id ?? "", input);
    }),
  );
  router.add("DELETE", `${BASE}/:id`, (req, p) =>
    withCaller(state, req, p, "compose", "DeleteDraft", (caller) => new MailWriter(state, caller, req.query).deleteDraft(p.id ?? "")),
  );
  router.add("GET", `${BASE}/:id`, (req, p) => withCaller(state, req, p, "draftsRead", "GetDraft", (caller) => getDraft(caller, req, p)));
  router.add("GET", BASE, (req, p) => withCaller(state, req, p, "draftsRead", "ListDrafts", (caller) => listDrafts(caller, req)));
}

function withCaller(
  state: EmulatorState,
  req: EmuRequest,
  p: Params,
  level: AccessLevel,
  operation: string,
  act: (caller: GmailCaller) => EmuResponse,
): EmuResponse {
  const caller = authorizeGmail(state, req, p.userId ?? "", level, operation);
  return isResponse(caller) ? caller : act(caller);
}

/** drafts.get honours `format` (no metadataHeaders, unlike messages.get). */
function getDraft(caller: GmailCaller, req: EmuRequest, p: Params): EmuResponse {
  const format = (req.query.get("format") ?? "full").toLowerCase() as MessageFormat;
  if (!MESSAGE_FORMATS.includes(format)) return invalidArgument(`Invalid value for "format": ${format}`);
  const id = p.id ?? "";
  const messageId = caller.mailbox.drafts.messageIdOf(id);
  const message = messageId === undefined ? undefined : caller.mailbox.get(messageId);
  if (!message) return notFound();
  return gmailOk({ id, message: formatMessage(message, format) }, req.query);
}

/** Newest first; each entry only `{id, message:{id, threadId}}`; `q` searches the drafts; the key is left out when empty. */
function listDrafts(caller: GmailCaller, req: EmuRequest): EmuResponse {
  const { mailbox } = caller;
  const maxParam = req.query.get("maxResults");
  if (maxParam !== null && !/^\d+$/.test(maxParam)) return invalidArgument(`Invalid value for "maxResults": ${maxParam}`);
  const max = maxParam === null ? 100 : Math.min(500, Math.max(1, Number(maxParam)));
  const scope = `${mailbox.email}:drafts`;
  const token = req.query.get("pageToken");
  const offset = token ? decodePageToken(scope, token) : 0n;
  if (offset === undefined) return invalidArgument("Invalid pageToken");
  const q = req.query.get("q");
  const query = q !== null && q.trim() !== "" ? parseSearchQuery(q) : undefined;
  const context = mailbox.matchContext(Date.now());
  const all = mailbox.drafts
    .entries()
    .map(([id, messageId]) => ({ id, message: mailbox.get(messageId) }))
    .filter((d): d is { id: string; message: StoredMessage } => d.message !== undefined)
    .filter((d) => query === undefined || matchesQuery(query, d.message, context))
    .sort((a, b) => (a.message.id < b.message.id ? 1 : -1));
  const start = Number(offset);
  const page = all.slice(start, start + max);
  const body: Record<string, unknown> = {};
  if (page.length > 0) body.drafts = page.map((d) => ({ id: d.id, message: { id: d.message.id, threadId: d.message.threadId } }));
  if (start + max < all.length) body.nextPageToken = encodePageToken(scope, BigInt(start + max));
  body.resultSizeEstimate = all.length;
  return gmailOk(body, req.query);
}
