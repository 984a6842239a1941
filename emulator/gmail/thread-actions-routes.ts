import type { Router } from "../http/router";
import type { EmuRequest, EmuResponse, Params } from "../http/types";
import type { EmulatorState } from "../state";
import { type AccessLevel, authorizeGmail, type GmailCaller, isResponse } from "./access";
import { invalidArgument, notFound } from "./errors";
import { formatThread } from "./format-message";
import { MESSAGE_ID } from "./ids";
import type { StoredMessage } from "./mailbox";
import { isEmuResponse, readLabelChange } from "./modify-body";
import { gmailNoContent, gmailOk } from "./respond";

const BASE = "/gmail/v1/users/:userId/threads";

/**
 * threads.modify, trash, untrash (gmail.modify) and delete (mail.google.com only). "Labels only exist on
 * messages": each applies to every message the thread has now (later ones do not inherit the label), as one
 * history record. The answer is the Thread with its messages in the minimal format.
 */
export function registerThreadActionRoutes(router: Router, state: EmulatorState): void {
  router.add("POST", `${BASE}/:id/modify`, (req, p) =>
    onThread(state, req, p, "modify", "ModifyThread", (caller, id, messages) => {
      const change = readLabelChange(req, caller.mailbox);
      if (isEmuResponse(change)) return change;
      caller.mailbox.changeLabels(messages, change.add, change.remove);
      return gmailOk(formatThread(id, messages, "minimal"), req.query);
    }),
  );
  router.add("POST", `${BASE}/:id/trash`, (req, p) =>
    onThread(state, req, p, "modify", "TrashThread", (caller, id, messages) => {
      caller.mailbox.changeLabels(messages, ["TRASH"], []);
      return gmailOk(formatThread(id, messages, "minimal"), req.query);
    }),
  );
  router.add("POST", `${BASE}/:id/untrash`, (req, p) =>
    onThread(state, req, p, "modify", "UntrashThread", (caller, id, messages) => {
      caller.mailbox.changeLabels(messages, [], ["TRASH"]);
      return gmailOk(formatThread(id, messages, "minimal"), req.query);
    }),
  );
  router.add("DELETE", `${BASE}/:id`, (req, p) =>
    onThread(state, req, p, "full", "DeleteThread", (caller, _id, messages) => {
      caller.mailbox.deleteMessages(messages);
      return gmailNoContent();
    }),
  );
}

function onThread(
  state: EmulatorState,
  req: EmuRequest,
  p: Params,
  level: AccessLevel,
  operation: string,
  act: (caller: GmailCaller, id: string, messages: readonly StoredMessage[]) => EmuResponse,
): EmuResponse {
  const caller = authorizeGmail(state, req, p.userId ?? "", level, operation);
  if (isResponse(caller)) return caller;
  const id = p.id ?? "";
  if (!MESSAGE_ID.test(id)) return invalidArgument("Invalid id value");
  // A copy: delete empties the thread while the handler still needs its members.
  const messages = [...(caller.mailbox.thread(id) ?? [])];
  return messages.length > 0 ? act(caller, id, messages) : notFound();
}
