import type { z } from "zod";
import { DEV_PUSH_SERVICE_ACCOUNT } from "../dev-client";
import { jsonResponse } from "../http/responses";
import type { Router } from "../http/router";
import type { EmuRequest, EmuResponse } from "../http/types";
import type { PushSubscription } from "../pubsub/pubsub-state";
import type { EmulatorState } from "../state";
import { controlProblem as problem, jsonBodyHandler } from "./json-body";
import type * as Schemas from "./pubsub-schemas";

type SchemaModule = typeof Schemas;
let schemaModule: Promise<SchemaModule> | undefined;

/** Loaded on first use so zod stays off the start-up path (see control-routes.ts). */
function schemas(): Promise<SchemaModule> {
  schemaModule ??= import("./pubsub-schemas");
  return schemaModule;
}

const withBody = <S extends z.ZodType>(
  pick: (m: SchemaModule) => S,
  handler: (body: z.output<S>, req: EmuRequest) => EmuResponse | Promise<EmuResponse>,
) => jsonBodyHandler(schemas, pick, handler);

/** Gmail push controls: push subscriptions, the watches Gmail holds, the delivery log, forged pushes. */
export function registerPubsubControlRoutes(router: Router, state: EmulatorState): void {
  const pubsub = () => state.pubsub;
  router.add("GET", "/__emulator/pubsub", () =>
    jsonResponse(200, {
      topics: [...pubsub().topics].map(([name, topic]) => ({ name, ...topic })),
      subscriptions: pubsub().subscriptions,
      watches: [...pubsub().watches.values()].map((w) => ({ ...w, historyId: String(w.historyId), expiration: String(w.expiration) })),
      notifyIntervalMs: pubsub().notifyIntervalMs,
    }),
  );
  // One subscription per (topic, endpoint): posting the same endpoint again updates it (an app restarting).
  router.add(
    "POST",
    "/__emulator/pubsub",
    withBody(
      (m) => m.subscriptionSchema,
      (body) => {
        if (body.minBackoffMs > body.maxBackoffMs) return problem(400, "minBackoffMs: must not exceed maxBackoffMs");
        const { publisherGranted, topic, ...settings } = body;
        pubsub().topics.set(topic, { publisherGranted });
        const existing = pubsub().subscriptions.find((s) => s.topic === topic && s.pushEndpoint === body.pushEndpoint);
        const subscription: PushSubscription = {
          name: existing?.name ?? pubsub().newSubscriptionName(),
          topic,
          ...settings,
          audience: body.audience ?? body.pushEndpoint,
          serviceAccount: body.serviceAccount ?? DEV_PUSH_SERVICE_ACCOUNT,
        };
        // Updated in place: messages already queued for it keep their place and use the new settings.
        if (existing) Object.assign(existing, subscription);
        else pubsub().subscriptions.push(subscription);
        return jsonResponse(existing ? 200 : 201, { ok: true, subscription, publisherGranted });
      },
    ),
  );
  router.add("DELETE", "/__emulator/pubsub", (req) => {
    const endpoint = req.query.get("pushEndpoint");
    const subscriptions = pubsub().subscriptions;
    const removed = subscriptions.filter((s) => endpoint === null || s.pushEndpoint === endpoint);
    for (const subscription of removed) {
      state.pushQueues.stop(subscription.name);
      subscriptions.splice(subscriptions.indexOf(subscription), 1);
    }
    return jsonResponse(200, { ok: true, removed: removed.length });
  });
  router.add("GET", "/__emulator/pubsub/deliveries", () =>
    jsonResponse(200, { deliveries: pubsub().deliveries(), notifications: pubsub().notifications() }),
  );
  router.add("DELETE", "/__emulator/pubsub/deliveries", () => {
    pubsub().clearLogs();
    return jsonResponse(200, { ok: true });
  });
  router.add(
    "POST",
    "/__emulator/pubsub/forge",
    withBody(
      (m) => m.forgeSchema,
      async (body) => {
        // Signing and sending load on first use, off the start-up path.
        const { sendForgedPush } = await import("../pubsub/send-forgery");
        const result = await sendForgedPush(state, body);
        return result.ok ? jsonResponse(200, result.answer) : problem(result.status, result.message);
      },
    ),
  );
  router.add(
    "POST",
    "/__emulator/watches/expire",
    withBody(
      (m) => m.watchExpireSchema,
      (body) => {
        const watches = [...pubsub().watches.values()].filter((w) => body.email === undefined || w.email.toLowerCase() === body.email);
        for (const watch of watches) watch.expiration = Math.min(watch.expiration, Date.now() - 1);
        return jsonResponse(200, { ok: true, expired: watches.length });
      },
    ),
  );
  router.add(
    "POST",
    "/__emulator/watches/rate",
    withBody(
      (m) => m.watchRateSchema,
      (body) => {
        pubsub().notifyIntervalMs = body.intervalMs;
        return jsonResponse(200, { ok: true, intervalMs: body.intervalMs });
      },
    ),
  );
}
