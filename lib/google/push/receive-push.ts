import "server-only";
// POST /api/google/push: Gmail's change notifications through a Cloud Pub/Sub push subscription (wire
// addendum §5a). The token is verified before anything else is read, and a refused push has no effect at
// all: no database write, no Gmail call, no notice. An accepted one only becomes a notice on the change bus;
// the instances with open streams for that mailbox do the Gmail work. Pub/Sub treats 102, 200, 201, 202 and
// 204 as delivered and anything else as "deliver again", so every push we mean to drop is answered 204.
import { getConfig } from "../../config";
import { getDb } from "../../db";
import { logWarn } from "../../log";
import { metrics } from "../../metrics/registry";
import { changeBus } from "../../sync/change-bus";
import { GOOGLE_PROVIDER } from "../../tokens/token-store";
import { MAX_PUSH_BODY, parsePushBody } from "./push-message";
import { PushRefused, verifyPushToken } from "./verify-push-token";
import { SeenMessages } from "./seen-messages";

const SHARED = Symbol.for("mailroom.seenPushMessages");
const seen = ((globalThis as { [SHARED]?: SeenMessages })[SHARED] ??= new SeenMessages());

const CODES = { 401: "unauthenticated", 403: "forbidden", 503: "upstream_unavailable" } as const;

function refusal({ status, reason }: PushRefused["refusal"]): Response {
  return Response.json({ error: { code: CODES[status], message: reason } }, { status, headers: { "Cache-Control": "no-store" } });
}

const acknowledged = () => new Response(null, { status: 204 });

async function readBody(request: Request): Promise<string | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_PUSH_BODY) return null;
  const text = await request.text();
  return text.length > MAX_PUSH_BODY ? null : text;
}

export async function receivePush(request: Request): Promise<Response> {
  const push = getConfig().sync.push;
  // Without push configured nobody should be sending: the endpoint does not exist.
  if (!push) return Response.json({ error: { code: "not_found", message: "There is no such API endpoint." } }, { status: 404 });
  const { pushDeliveries } = metrics();
  try {
    await verifyPushToken(request.headers.get("authorization"), push);
  } catch (error) {
    if (!(error instanceof PushRefused)) throw error;
    const outcome = error.refusal.status === 401 ? "unauthenticated" : error.refusal.status === 403 ? "forbidden" : "keys_unavailable";
    pushDeliveries.inc({ outcome });
    logWarn("push.refused", { status: error.refusal.status, reason: error.refusal.reason });
    return refusal(error.refusal);
  }

  const body = await readBody(request);
  const notification = body === null ? null : parsePushBody(body);
  if (!notification) {
    // Signed by our subscription yet unreadable: delivering it again would not make it readable.
    pushDeliveries.inc({ outcome: "malformed" });
    logWarn("push.malformed", {});
    return acknowledged();
  }
  if (notification.messageId && seen.has(notification.messageId)) {
    pushDeliveries.inc({ outcome: "duplicate" });
    return acknowledged();
  }
  const account = await getDb().account.findFirst({
    where: { provider: GOOGLE_PROVIDER, email: notification.email },
    select: { id: true },
  });
  if (!account) {
    // A mailbox nobody here reads any more (disconnected, or a watch left running): nothing to do.
    pushDeliveries.inc({ outcome: "unknown_account" });
    return acknowledged();
  }
  await changeBus().publish({ email: notification.email, historyId: notification.historyId });
  if (notification.messageId) seen.remember(notification.messageId);
  pushDeliveries.inc({ outcome: "accepted" });
  return acknowledged();
}
