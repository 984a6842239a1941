import "server-only";
// Gmail's change notifications through a Cloud Pub/Sub push subscription (POST /api/google/push; the route
// owns the HTTP). The token is verified before anything else is read, and a refused push has no effect at
// all: no database write, no Gmail call, no notice. An accepted one only becomes a notice on the change bus;
// the instances with open streams for that mailbox do the Gmail work. Pub/Sub treats 102, 200, 201, 202 and
// 204 as delivered and anything else as "deliver again", so every push we mean to drop is answered 204.
import { getConfig } from "../../config";
import { getDb } from "../../db";
import { logWarn } from "../../log";
import { metrics } from "../../metrics/registry";
import { changeBus } from "../../sync/change-bus";
import { nudgeSnoozeCheck } from "../../snooze/check-job";
import { GOOGLE_PROVIDER } from "../../tokens/token-store";
import { MAX_PUSH_BODY, parsePushBody } from "./push-message";
import { PushRefused, verifyPushToken } from "./verify-push-token";
import { SeenMessages } from "./seen-messages";

const SHARED = Symbol.for("mailroom.seenPushMessages");
const seen = ((globalThis as { [SHARED]?: SeenMessages })[SHARED] ??= new SeenMessages());

/**
 * What became of a push: `off` (push is not configured, so nobody should be sending), `refused` (the token is
 * not Google's for our subscription, or its keys could not be fetched), or `acknowledged` (whatever we did with
 * it, Pub/Sub must not deliver it again).
 */
export type PushOutcome = { kind: "off" } | { kind: "refused"; refusal: PushRefused["refusal"] } | { kind: "acknowledged" };

const acknowledged = { kind: "acknowledged" } as const;

/** The body, or null when it is (or says it is) larger than any push Pub/Sub sends. */
async function readBody(request: Request): Promise<string | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_PUSH_BODY) return null;
  const text = await request.text();
  return text.length > MAX_PUSH_BODY ? null : text;
}

export async function receivePush(request: Request): Promise<PushOutcome> {
  const push = getConfig().sync.push;
  if (!push) return { kind: "off" };
  const { pushDeliveries } = metrics();
  try {
    await verifyPushToken(request.headers.get("authorization"), push);
  } catch (error) {
    if (!(error instanceof PushRefused)) throw error;
    const outcome = error.refusal.status === 401 ? "unauthenticated" : error.refusal.status === 403 ? "forbidden" : "keys_unavailable";
    pushDeliveries.inc({ outcome });
    logWarn("push.refused", { status: error.refusal.status, reason: error.refusal.reason });
    return { kind: "refused", refusal: error.refusal };
  }

  const body = await readBody(request);
  const notification = body === null ? null : parsePushBody(body);
  if (!notification) {
    // Signed by our subscription yet unreadable: delivering it again would not make it readable.
    pushDeliveries.inc({ outcome: "malformed" });
    logWarn("push.malformed", {});
    return acknowledged;
  }
  if (notification.messageId && seen.has(notification.messageId)) {
    pushDeliveries.inc({ outcome: "duplicate" });
    return acknowledged;
  }
  const account = await getDb().account.findFirst({
    where: { provider: GOOGLE_PROVIDER, email: notification.email },
    select: { id: true },
  });
  if (!account) {
    // A mailbox nobody here reads any more (disconnected, or a watch left running): nothing to do.
    pushDeliveries.inc({ outcome: "unknown_account" });
    return acknowledged;
  }
  await changeBus().publish({ email: notification.email, historyId: notification.historyId });
  // A reply may have come into a snoozed conversation: look now, not at the next periodic check.
  await nudgeSnoozeCheck(account.id);
  if (notification.messageId) seen.remember(notification.messageId);
  pushDeliveries.inc({ outcome: "accepted" });
  return acknowledged;
}
