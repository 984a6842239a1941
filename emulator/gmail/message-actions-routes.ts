import type { Router } from "../http/router";
import type { EmuRequest, EmuResponse, Params } from "../http/types";
import type { EmulatorState } from "../state";
import { type AccessLevel, authorizeGmail, type GmailCaller, isResponse } from "./access";
import { invalidArgument, notFound } from "./errors";
import { formatMessage } from "./format-message";
import { MESSAGE_ID } from "./ids";
import type { StoredMessage } from "./mailbox";
import { isEmuResponse, parseLabelChange, readBatchIds, readLabelChange } from "./modify-body";
import { gmailNoContent, gmailOk } from "./respond";

const BASE = "/gmail/v1/users/:userId/messages";

/**
 * The message methods that change a mailbox: modify, batchModify, trash and untrash need
 * gmail.modify (or mail.google.com); delete and batchDelete need https://mail.google.com/ itself. Each change
 * is one history record; trash and untrash are label changes (TRASH), only deletes are messagesDeleted.
 */
export function registerMessageActionRoutes(router: Router, state: EmulatorState): void {
  router.add("POST", `${BASE}/batchModify`, (req, p) => batchModify(state, req, p));
  router.add("POST", `${BASE}/batchDelete`, (req, p) => batchDelete(state, req, p));
  router.add("POST", `${BASE}/:id/modify`, (req, p) =>
    onMessage(state, req, p, "modify", "ModifyMessage", (caller, message) => {
      const change = readLabelChange(req, caller.mailbox);
      if (isEmuResponse(change)) return change;
      caller.mailbox.changeLabels([message], change.add, change.remove);
      return gmailOk(formatMessage(message, "minimal"), req.query);
    }),
  );
  // Trash keeps the other labels (INBOX included): the message leaves every list through the TRASH filter,
  // and untrash brings it back where it was.
  router.add("POST", `${BASE}/:id/trash`, (req, p) =>
    onMessage(state, req, p, "modify", "TrashMessage", (caller, message) => {
      caller.mailbox.changeLabels([message], ["TRASH"], []);
      return gmailOk(formatMessage(message, "minimal"), req.query);
    }),
  );
  router.add("POST", `${BASE}/:id/untrash`, (req, p) =>
    onMessage(state, req, p, "modify", "UntrashMessage", (caller, message) => {
      caller.mailbox.changeLabels([message], [], ["TRASH"]);
      return gmailOk(formatMessage(message, "minimal"), req.query);
    }),
  );
  router.add("DELETE", `${BASE}/:id`, (req, p) =>
    onMessage(state, req, p, "full", "DeleteMessage", (caller, message) => {
      caller.mailbox.deleteMessages([message]);
      return gmailNoContent();
    }),
  );
}

/** Checks the caller and finds the message (400 for a malformed id, 404 for an unknown one) before acting. */
function onMessage(
  state: EmulatorState,
  req: EmuRequest,
  p: Params,
  level: AccessLevel,
  operation: string,
  act: (caller: GmailCaller, message: StoredMessage) => EmuResponse,
): EmuResponse {
  const caller = authorizeGmail(state, req, p.userId ?? "", level, operation);
  if (isResponse(caller)) return caller;
  const id = p.id ?? "";
  if (!MESSAGE_ID.test(id)) return invalidArgument("Invalid id value");
  const message = caller.mailbox.get(id);
  return message ? act(caller, message) : notFound();
}

/** 204 with an empty body; ids Gmail does not know are skipped without a word. */
function batchModify(state: EmulatorState, req: EmuRequest, p: Params): EmuResponse {
  const caller = authorizeGmail(state, req, p.userId ?? "", "modify", "BatchModifyMessages");
  if (isResponse(caller)) return caller;
  const batch = readBatchIds(req);
  if (isEmuResponse(batch)) return batch;
  const change = parseLabelChange(batch.body, caller.mailbox);
  if (isEmuResponse(change)) return change;
  caller.mailbox.changeLabels(known(caller, batch.ids), change.add, change.remove);
  return gmailNoContent();
}

/** "No guarantees that messages were not already deleted or even existed at all": 204 either way. */
function batchDelete(state: EmulatorState, req: EmuRequest, p: Params): EmuResponse {
  const caller = authorizeGmail(state, req, p.userId ?? "", "full", "BatchDeleteMessages");
  if (isResponse(caller)) return caller;
  const batch = readBatchIds(req);
  if (isEmuResponse(batch)) return batch;
  caller.mailbox.deleteMessages(known(caller, batch.ids));
  return gmailNoContent();
}

function known(caller: GmailCaller, ids: readonly string[]): StoredMessage[] {
  return ids.map((id) => caller.mailbox.get(id)).filter((m): m is StoredMessage => m !== undefined);
}
