import { readJsonBody } from "../http/params";
import type { EmuRequest, EmuResponse } from "../http/types";
import { invalidArgument } from "./errors";
import { MESSAGE_ID } from "./ids";
import type { Mailbox } from "./mailbox";

/** Gmail's limits: 100 labels per list in a modify, 1000 ids in a batchModify or batchDelete. */
export const MAX_LABELS_PER_LIST = 100;
export const MAX_BATCH_IDS = 1000;

export interface LabelChange {
  add: string[];
  remove: string[];
}

const INVALID_PAYLOAD = "Invalid JSON payload received.";

function readObject(req: EmuRequest): Record<string, unknown> | EmuResponse {
  if (req.body.length === 0) return {};
  const body = readJsonBody(req);
  if (typeof body !== "object" || body === null || Array.isArray(body)) return invalidArgument(INVALID_PAYLOAD);
  return body as Record<string, unknown>;
}

export function isEmuResponse(value: object): value is EmuResponse {
  return "status" in value && "headers" in value;
}

/**
 * `{addLabelIds, removeLabelIds}` as messages.modify, batchModify and threads.modify take it: at most 100 of
 * each, at least one change, only labels that exist and that a client may apply ("Invalid label: SENT").
 */
export function parseLabelChange(body: Record<string, unknown>, mailbox: Mailbox): LabelChange | EmuResponse {
  const { addLabelIds = [], removeLabelIds = [] } = body;
  if (!isStringArray(addLabelIds) || !isStringArray(removeLabelIds)) return invalidArgument(INVALID_PAYLOAD);
  for (const [name, list] of [
    ["addLabelIds", addLabelIds],
    ["removeLabelIds", removeLabelIds],
  ] as const) {
    if (list.length > MAX_LABELS_PER_LIST)
      return invalidArgument(`Too many label ids in ${name}: ${list.length}. At most ${MAX_LABELS_PER_LIST} are allowed.`);
  }
  if (addLabelIds.length === 0 && removeLabelIds.length === 0) return invalidArgument("No label add or removes specified");
  const problem = mailbox.labelProblem([...addLabelIds, ...removeLabelIds]);
  if (problem !== undefined) return invalidArgument(problem);
  return { add: addLabelIds, remove: removeLabelIds };
}

/** The body of messages.modify and threads.modify. */
export function readLabelChange(req: EmuRequest, mailbox: Mailbox): LabelChange | EmuResponse {
  const body = readObject(req);
  return isEmuResponse(body) ? body : parseLabelChange(body, mailbox);
}

/** `{ids: [...]}` of batchModify and batchDelete: 1..1000 well-formed message ids (unknown ones are the caller's to ignore). */
export function readBatchIds(req: EmuRequest): { body: Record<string, unknown>; ids: string[] } | EmuResponse {
  const body = readObject(req);
  if (isEmuResponse(body)) return body;
  const { ids } = body;
  if (ids === undefined || (Array.isArray(ids) && ids.length === 0)) return invalidArgument("No message ids specified");
  if (!isStringArray(ids)) return invalidArgument(INVALID_PAYLOAD);
  if (ids.length > MAX_BATCH_IDS) return invalidArgument(`Number of ids cannot exceed ${MAX_BATCH_IDS}`);
  if (ids.some((id) => !MESSAGE_ID.test(id))) return invalidArgument("Invalid id value");
  return { body, ids };
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === "string");
}
