import { readJsonBody } from "../http/params";
import type { Router } from "../http/router";
import type { EmuRequest, EmuResponse, Params } from "../http/types";
import type { EmulatorState } from "../state";
import { authorizeGmail, type GmailCaller, isResponse } from "./access";
import { googleError, invalidArgument, notFound } from "./errors";
import type { Label } from "./labels-catalog";
import { labelFields, labelNameProblem } from "./label-rules";
import { gmailNoContent, gmailOk } from "./respond";

const BASE = "/gmail/v1/users/:userId/labels";

/**
 * labels.create, patch, update and delete (gmail.labels, gmail.modify or mail.google.com). Names are unique
 * case-insensitively (409 `aborted` "Label name exists or conflicts"); system and reserved names are 400
 * "Invalid label name"; system labels cannot be changed or deleted. Deleting takes the label off every message
 * (a labelsRemoved history record).
 */
export function registerLabelWriteRoutes(router: Router, state: EmulatorState): void {
  router.add("POST", BASE, (req, p) => withLabelsWrite(state, req, p, "CreateLabel", (caller) => createLabel(caller, req)));
  router.add("PATCH", `${BASE}/:id`, (req, p) =>
    withLabelsWrite(state, req, p, "UpdateLabel", (caller) => changeLabel(caller, req, p, true)),
  );
  router.add("PUT", `${BASE}/:id`, (req, p) =>
    withLabelsWrite(state, req, p, "UpdateLabel", (caller) => changeLabel(caller, req, p, false)),
  );
  router.add("DELETE", `${BASE}/:id`, (req, p) =>
    withLabelsWrite(state, req, p, "DeleteLabel", (caller) => {
      const label = caller.mailbox.label(p.id ?? "");
      if (!label) return notFound();
      if (label.type === "system") return invalidArgument("Invalid delete request");
      caller.mailbox.removeLabel(label.id);
      return gmailNoContent();
    }),
  );
}

function withLabelsWrite(
  state: EmulatorState,
  req: EmuRequest,
  p: Params,
  operation: string,
  act: (caller: GmailCaller) => EmuResponse,
): EmuResponse {
  const caller = authorizeGmail(state, req, p.userId ?? "", "labelsWrite", operation);
  return isResponse(caller) ? caller : act(caller);
}

function readBody(req: EmuRequest): Record<string, unknown> | undefined {
  const json = readJsonBody(req);
  return json !== null && typeof json === "object" && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
}

function createLabel(caller: GmailCaller, req: EmuRequest): EmuResponse {
  const body = readBody(req);
  if (!body) return invalidArgument("Invalid label name");
  const fields = labelFields(body);
  if (typeof fields === "string") return invalidArgument(fields);
  const problem = nameProblem(caller, fields.name, undefined);
  if (problem) return problem;
  const label = caller.mailbox.addUserLabel(fields.name ?? "", fields.color);
  const stored: Label = { ...label, ...fields };
  caller.mailbox.putLabel(stored);
  return gmailOk(stored, req.query);
}

/** patch keeps the fields it is not given; update (PUT) replaces them, so it needs a name. */
function changeLabel(caller: GmailCaller, req: EmuRequest, p: Params, patch: boolean): EmuResponse {
  const label = caller.mailbox.label(p.id ?? "");
  if (!label) return notFound();
  if (label.type === "system") return invalidArgument(`Invalid label: ${label.id}`);
  const body = readBody(req);
  if (!body) return invalidArgument("Invalid label name");
  const fields = labelFields(body);
  if (typeof fields === "string") return invalidArgument(fields);
  if (!patch || fields.name !== undefined) {
    const problem = nameProblem(caller, fields.name, label.id);
    if (problem) return problem;
  }
  const base: Label = patch ? label : { id: label.id, name: label.name, type: "user" };
  const next: Label = { ...base, ...fields };
  caller.mailbox.putLabel(next);
  return gmailOk(next, req.query);
}

function nameProblem(caller: GmailCaller, name: string | undefined, self: string | undefined): EmuResponse | undefined {
  if (name === undefined || labelNameProblem(name)) return invalidArgument("Invalid label name");
  const lower = name.toLowerCase();
  const taken = caller.mailbox.listLabels().some((l) => l.id !== self && (l.name.toLowerCase() === lower || l.id.toLowerCase() === lower));
  if (!taken) return undefined;
  const message = "Label name exists or conflicts";
  return googleError({ status: 409, message, errors: [{ message, domain: "global", reason: "aborted" }], statusName: "ABORTED" });
}
