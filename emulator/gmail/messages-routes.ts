import { readJsonBody } from "../http/params";
import type { Router } from "../http/router";
import type { EmuRequest, EmuResponse, Params } from "../http/types";
import type { EmulatorState } from "../state";
import { authorizeGmail, isResponse } from "./access";
import { forbidden, insufficientScope, invalidArgument, notFound } from "./errors";
import { formatMessage, MESSAGE_FORMATS, type MessageFormat } from "./format-message";
import { encodePageToken, MESSAGE_ID } from "./ids";
import { parseListParams } from "./list-params";
import { gmailOk } from "./respond";

const BASE = "/gmail/v1/users/:userId/messages";

export function registerMessageRoutes(router: Router, state: EmulatorState): void {
  router.add("GET", BASE, (req, p) => listMessages(state, req, p));
  router.add("GET", `${BASE}/:id`, (req, p) => getMessage(state, req, p));
  router.add("GET", `${BASE}/:messageId/attachments/:id`, (req, p) => getAttachment(state, req, p));
  router.add("POST", `${BASE}/:id/modify`, (req, p) => modifyMessage(state, req, p));
}

function listMessages(state: EmulatorState, req: EmuRequest, p: Params): EmuResponse {
  const caller = authorizeGmail(state, req, p.userId ?? "", "read", "ListMessages");
  if (isResponse(caller)) return caller;
  if (caller.metadataOnly && req.query.has("q")) return forbidden("Metadata scope does not support 'q' parameter");
  const params = parseListParams(req.query, caller.mailbox, "messages");
  if ("status" in params) return params;
  const result = caller.mailbox.listMessages({ ...params, now: Date.now() });
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
  return gmailOk({ size: attachment.data.length, data: attachment.data.toString("base64url") }, req.query);
}

function modifyMessage(state: EmulatorState, req: EmuRequest, p: Params): EmuResponse {
  const caller = authorizeGmail(state, req, p.userId ?? "", "modify", "ModifyMessage");
  if (isResponse(caller)) return caller;
  const id = p.id ?? "";
  if (!MESSAGE_ID.test(id)) return invalidArgument("Invalid id value");
  const message = caller.mailbox.get(id);
  if (!message) return notFound();
  const body = readJsonBody(req) ?? {};
  if (typeof body !== "object" || body === null) return invalidArgument("Invalid JSON payload received.");
  const { addLabelIds = [], removeLabelIds = [] } = body as { addLabelIds?: unknown; removeLabelIds?: unknown };
  if (!isStringArray(addLabelIds) || !isStringArray(removeLabelIds)) return invalidArgument("Invalid JSON payload received.");
  if (addLabelIds.length === 0 && removeLabelIds.length === 0) return invalidArgument("No label add or removes specified");
  const problem = caller.mailbox.modify(message, addLabelIds, removeLabelIds);
  if (problem) return invalidArgument(problem);
  return gmailOk({ id: message.id, threadId: message.threadId, labelIds: message.labelIds }, req.query);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === "string");
}
