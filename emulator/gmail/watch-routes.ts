import { readJsonBody } from "../http/params";
import type { Router } from "../http/router";
import type { EmuRequest, EmuResponse, Params } from "../http/types";
import { WATCH_LIFETIME_MS, type Watch } from "../pubsub/pubsub-state";
import type { EmulatorState } from "../state";
import { authorizeGmail, isResponse } from "./access";
import { forbidden, googleError, invalidArgument } from "./errors";
import { gmailNoContent, gmailOk } from "./respond";

/**
 * users.watch and users.stop. Any Gmail read scope may call them. The topic must be in
 * the OAuth client's own project, exist, and let Gmail publish; a new watch replaces the user's watch for that
 * project; the answer's historyId is the mailbox's current one and one notification is published at once.
 */
export function registerWatchRoutes(router: Router, state: EmulatorState): void {
  router.add("POST", "/gmail/v1/users/:userId/watch", (req, p) => watch(state, req, p));
  router.add("POST", "/gmail/v1/users/:userId/stop", (req, p) => stop(state, req, p));
}

function watch(state: EmulatorState, req: EmuRequest, p: Params): EmuResponse {
  const caller = authorizeGmail(state, req, p.userId ?? "", "read", "Watch");
  if (isResponse(caller)) return caller;
  const projectId = state.clients.get(caller.clientId)?.projectId ?? "";
  const body = req.body.length === 0 ? {} : readJsonBody(req);
  if (typeof body !== "object" || body === null || Array.isArray(body)) return invalidArgument("Invalid JSON payload received.");
  const request = body as Record<string, unknown>;
  const topicName = request.topicName;
  const pattern = new RegExp(`^projects/${escapeRegex(projectId)}/topics/[A-Za-z][\\w.~+%-]{2,254}$`);
  if (typeof topicName !== "string" || !pattern.test(topicName))
    return invalidArgument(`Invalid topicName does not match projects/${projectId}/topics/*`);
  const topic = state.pubsub.topics.get(topicName);
  const testMessage = `Error sending test message to Cloud PubSub ${topicName} : `;
  if (!topic)
    return googleError({
      status: 404,
      message: `${testMessage}Resource not found (resource=${topicName.split("/").pop() ?? ""}).`,
      errors: [{ message: `${testMessage}Resource not found`, domain: "global", reason: "notFound" }],
      statusName: "NOT_FOUND",
    });
  if (!topic.publisherGranted) return forbidden(`${testMessage}User not authorized to perform this action.`);
  const filter = readLabelFilter(request, caller.mailbox.hasLabel.bind(caller.mailbox));
  if ("status" in filter) return filter;

  const historyId = caller.mailbox.history.currentId;
  const entry: Watch = {
    email: caller.account.email,
    projectId,
    topicName,
    ...filter,
    historyId,
    expiration: Date.now() + WATCH_LIFETIME_MS,
  };
  state.pubsub.watches.set(state.pubsub.watchKey(entry.email, projectId), entry);
  state.publisher.notify(entry, String(historyId));
  return gmailOk({ historyId: String(historyId), expiration: String(entry.expiration) }, req.query);
}

/** 204 whether or not a watch was running; notifications for this user and project end at once. */
function stop(state: EmulatorState, req: EmuRequest, p: Params): EmuResponse {
  const caller = authorizeGmail(state, req, p.userId ?? "", "read", "Stop");
  if (isResponse(caller)) return caller;
  const projectId = state.clients.get(caller.clientId)?.projectId ?? "";
  state.pubsub.watches.delete(state.pubsub.watchKey(caller.account.email, projectId));
  return gmailNoContent();
}

/**
 * `labelIds` with `labelFilterBehavior` (or the deprecated `labelFilterAction`, ignored when the new field is
 * set), either case: the discovery document says `include`, the guide sends `INCLUDE`. Default include.
 */
function readLabelFilter(
  request: Record<string, unknown>,
  hasLabel: (id: string) => boolean,
): Pick<Watch, "labelIds" | "labelFilterBehavior"> | EmuResponse {
  const { labelIds = [] } = request;
  if (!Array.isArray(labelIds) || !labelIds.every((l): l is string => typeof l === "string"))
    return invalidArgument("Invalid JSON payload received.");
  const unknown = labelIds.find((l) => !hasLabel(l));
  if (unknown !== undefined) return invalidArgument(`Invalid label: ${unknown}`);
  const field = request.labelFilterBehavior !== undefined ? "labelFilterBehavior" : "labelFilterAction";
  const raw = request[field] ?? "include";
  const behavior = typeof raw === "string" ? raw.toLowerCase() : "";
  if (behavior !== "include" && behavior !== "exclude")
    return invalidArgument(`Invalid value at '${field}', "${typeof raw === "string" ? raw : JSON.stringify(raw)}"`);
  return { labelIds: [...new Set(labelIds)], labelFilterBehavior: behavior };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
