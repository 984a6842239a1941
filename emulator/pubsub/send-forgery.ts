import { DEV_PROJECT_ID, DEV_PUSH_SERVICE_ACCOUNT } from "../dev-client";
import type { EmulatorState } from "../state";
import { forgedAuthorization, type PushForgeKind } from "./forgeries";
import { SUBSCRIPTION_DEFAULTS } from "./pubsub-state";
import { gmailNotificationData, postPush, pushBody } from "./push-message";

/** The body of `POST /__emulator/pubsub/forge`, as validated by the control schema. */
export interface ForgeInput {
  kind: PushForgeKind;
  pushEndpoint?: string | undefined;
  audience?: string | undefined;
  serviceAccount?: string | undefined;
  email?: string | undefined;
  historyId?: string | undefined;
}

export type ForgeResult = { ok: true; answer: Record<string, unknown> } | { ok: false; status: number; message: string };

/**
 * Sends one forged push, once (an attacker does not retry), and answers the receiver's status. The push
 * looks like the real thing for `email` (default ada) at `historyId` (default the mailbox's current one),
 * addressed to the subscription of `pushEndpoint` (default the first subscription), with its audience and
 * service account unless given. Nothing changes in the emulator; the attempt is logged with its `forge` kind.
 */
export async function sendForgedPush(state: EmulatorState, input: ForgeInput): Promise<ForgeResult> {
  const pubsub = state.pubsub;
  const subscription =
    input.pushEndpoint === undefined ? pubsub.subscriptions[0] : pubsub.subscriptions.find((s) => s.pushEndpoint === input.pushEndpoint);
  if (input.kind === "replay") {
    const last = pubsub.lastPush;
    if (!last) return { ok: false, status: 409, message: "Nothing to replay: no push has been acknowledged since the last reset" };
    const endpoint = input.pushEndpoint ?? last.pushEndpoint;
    return send(state, input.kind, endpoint, last.body, last.authorization, { messageId: messageIdOf(last.body) });
  }
  const endpoint = input.pushEndpoint ?? subscription?.pushEndpoint;
  if (endpoint === undefined)
    return { ok: false, status: 409, message: "No push endpoint: pass pushEndpoint or POST /__emulator/pubsub first" };
  const email = input.email ?? "ada@example.com";
  const mailbox = state.users.mailbox(email);
  if (!mailbox) return { ok: false, status: 404, message: `No such user: ${email}` };
  const historyId = input.historyId ?? String(mailbox.history.currentId);
  const messageId = pubsub.newMessageId();
  const body = pushBody(subscription?.name ?? `projects/${DEV_PROJECT_ID}/subscriptions/forged`, {
    messageId,
    data: gmailNotificationData(mailbox.email, historyId),
    publishTime: new Date().toISOString(),
  });
  const authorization = await forgedAuthorization(
    input.kind,
    {
      audience: input.audience ?? subscription?.audience ?? endpoint,
      serviceAccount: input.serviceAccount ?? subscription?.serviceAccount ?? DEV_PUSH_SERVICE_ACCOUNT,
    },
    await state.keys,
  );
  return send(state, input.kind, endpoint, body, authorization, { messageId, email: mailbox.email, historyId });
}

async function send(
  state: EmulatorState,
  kind: PushForgeKind,
  endpoint: string,
  body: string,
  authorization: string | undefined,
  about: { messageId: string | null; email?: string; historyId?: string },
): Promise<ForgeResult> {
  const outcome = await postPush(endpoint, body, authorization, SUBSCRIPTION_DEFAULTS.ackDeadlineMs);
  state.pubsub.logDelivery({
    t: Date.now(),
    messageId: about.messageId,
    subscription: null,
    pushEndpoint: endpoint,
    email: about.email ?? null,
    historyId: about.historyId ?? null,
    attempts: 1,
    statuses: [outcome.status],
    status: outcome.status,
    delivered: false,
    pending: false,
    ...(outcome.error !== undefined ? { error: outcome.error } : {}),
    forge: kind,
  });
  const answer = { ok: true, kind, status: outcome.status, messageId: about.messageId, ...(outcome.error ? { error: outcome.error } : {}) };
  return { ok: true, answer };
}

function messageIdOf(body: string): string | null {
  try {
    const parsed = JSON.parse(body) as { message?: { messageId?: unknown } };
    return typeof parsed.message?.messageId === "string" ? parsed.message.messageId : null;
  } catch {
    return null;
  }
}
