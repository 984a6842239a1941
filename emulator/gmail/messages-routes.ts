import type { Router } from "../http/router";
import type { EmuRequest, EmuResponse, Params } from "../http/types";
import type { EmulatorState } from "../state";
import { authorizeGmail, isResponse } from "./access";
import { forbidden, insufficientScope, invalidArgument, notFound } from "./errors";
import { formatMessage, gmailJson, MESSAGE_FORMATS, type MessageFormat } from "./format-message";
import { encodePageToken, MESSAGE_ID } from "./ids";
import { parseListParams } from "./list-params";
import { listMessages } from "./mailbox-list";
import type { ParsedAttachment } from "./mime-parser";
import { gmailOk } from "./respond";

const BASE = "/gmail/v1/users/:userId/messages";

export function registerMessageRoutes(router: Router, state: EmulatorState): void {
  router.add("GET", BASE, (req, p) => listMessagesRoute(state, req, p));
  router.add("GET", `${BASE}/:id`, (req, p) => getMessage(state, req, p));
  router.add("GET", `${BASE}/:messageId/attachments/:id`, (req, p) => getAttachment(state, req, p));
}

function listMessagesRoute(state: EmulatorState, req: EmuRequest, p: Params): EmuResponse {
  const caller = authorizeGmail(state, req, p.userId ?? "", "read", "ListMessages");
  if (isResponse(caller)) return caller;
  if (caller.metadataOnly && req.query.has("q")) return forbidden("Metadata scope does not support 'q' parameter");
  const params = parseListParams(req.query, caller.mailbox, "messages");
  if ("status" in params) return params;
  const result = listMessages(caller.mailbox, { ...params, now: Date.now() });
  const body: Record<string, unknown> = {};
  if (result.items.length > 0) body.messages = result.items.map((m) => ({ id: m.id, threadId: m.threadId }));
  if (result.nextBefore !== undefined)
    body.nextPageToken = encodePageToken(`${caller.mailbox.email}:messages`, BigInt(`0x${result.nextBefore}`));
  body.resultSizeEstimate = result.total;
  return gmailOk(body, req.query);
}

function getMessage(state: EmulatorState, req: EmuRequest, p: Params): EmuResponse {
  const caller = authorizeGmail(state, req, p.userId ?? "", "read", "GetMessage");
  if (isResponse(caller)) return caller;
  const format = (req.query.get("format") ?? "full").toLowerCase() as MessageFormat;
  if (!MESSAGE_FORMATS.includes(format)) return invalidArgument(`Invalid value for "format": ${format}`);
  if (caller.metadataOnly && (format === "full" || format === "raw")) {
    return forbidden(`Metadata scope doesn't allow format ${format.toUpperCase()}`);
  }
  const id = p.id ?? "";
  if (!MESSAGE_ID.test(id)) return invalidArgument("Invalid id value");
  const message = caller.mailbox.get(id);
  if (!message) return notFound();
  const headers = req.query.getAll("metadataHeaders").flatMap((v) => v.split(","));
  return gmailOk(formatMessage(message, format, format === "metadata" ? headers : []), req.query);
}

function getAttachment(state: EmulatorState, req: EmuRequest, p: Params): EmuResponse {
  const caller = authorizeGmail(state, req, p.userId ?? "", "read", "GetAttachment");
  if (isResponse(caller)) return caller;
  if (caller.metadataOnly) return insufficientScope("GetAttachment");
  const messageId = p.messageId ?? "";
  if (!MESSAGE_ID.test(messageId)) return invalidArgument("Invalid id value");
  const attachment = caller.mailbox.get(messageId)?.content.attachmentsById.get(p.id ?? "");
  if (!attachment) return notFound();
  const answer = gmailOk({}, req.query);
  return { ...answer, body: attachmentJson(attachment, req.query) };
}

// A 20 MB file is 27 MB of JSON; built once per attachment (and layout), not per request, so ten downloads
// at once neither take the emulator's memory nor keep a client waiting seconds for its headers.
const answers = new WeakMap<ParsedAttachment, Map<string, Buffer>>();

function attachmentJson(attachment: ParsedAttachment, query: URLSearchParams): Buffer {
  const layout = query.get("prettyPrint") ?? "";
  const cached = answers.get(attachment) ?? new Map<string, Buffer>();
  answers.set(attachment, cached);
  let body = cached.get(layout);
  if (!body) {
    body = Buffer.from(gmailJson({ size: attachment.data.length, data: attachment.data.toString("base64url") }, query), "utf8");
    cached.set(layout, body);
  }
  return body;
}
