import type { Router } from "../http/router";
import type { EmuRequest, EmuResponse, Params } from "../http/types";
import type { EmulatorState } from "../state";
import { authorizeGmail, isResponse } from "./access";
import { notFound } from "./errors";
import { gmailOk } from "./respond";

/** users.getProfile, labels.list and labels.get. */
export function registerLabelRoutes(router: Router, state: EmulatorState): void {
  router.add("GET", "/gmail/v1/users/:userId/profile", (req, p) => profile(state, req, p));
  router.add("GET", "/gmail/v1/users/:userId/labels", (req, p) => listLabels(state, req, p));
  router.add("GET", "/gmail/v1/users/:userId/labels/:id", (req, p) => getLabel(state, req, p));
}

function profile(state: EmulatorState, req: EmuRequest, p: Params): EmuResponse {
  const caller = authorizeGmail(state, req, p.userId ?? "", "profile", "GetProfile");
  if (isResponse(caller)) return caller;
  const { mailbox } = caller;
  return gmailOk(
    {
      emailAddress: caller.account.email,
      messagesTotal: mailbox.messageCount,
      threadsTotal: mailbox.threadCount,
      historyId: String(mailbox.history.currentId),
    },
    req.query,
  );
}

function listLabels(state: EmulatorState, req: EmuRequest, p: Params): EmuResponse {
  const caller = authorizeGmail(state, req, p.userId ?? "", "labels", "ListLabels");
  if (isResponse(caller)) return caller;
  return gmailOk({ labels: caller.mailbox.listLabels() }, req.query);
}

function getLabel(state: EmulatorState, req: EmuRequest, p: Params): EmuResponse {
  const caller = authorizeGmail(state, req, p.userId ?? "", "labels", "GetLabel");
  if (isResponse(caller)) return caller;
  const label = caller.mailbox.label(p.id ?? "");
  if (!label) return notFound();
  return gmailOk({ ...label, ...caller.mailbox.labelCounts(label.id) }, req.query);
}
