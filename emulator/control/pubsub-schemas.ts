import { z } from "zod";
import { DEV_PUBSUB_TOPIC } from "../dev-client";
import { PUSH_FORGE_KINDS } from "../pubsub/forgeries";
import { SUBSCRIPTION_DEFAULTS } from "../pubsub/pubsub-state";

/** Bodies of the Gmail push controls (`/__emulator/pubsub…`, `/__emulator/watches…`); loaded lazily with zod. */
const email = z.string().trim().toLowerCase().pipe(z.email());
const serviceAccount = z.string().trim().pipe(z.email());
const topic = z.string().regex(/^projects\/[a-z][a-z0-9-]{2,}\/topics\/[A-Za-z][\w.~+%-]{2,254}$/, "projects/<project>/topics/<name>");

export const subscriptionSchema = z.object({
  pushEndpoint: z.url({ protocol: /^https?$/ }),
  /** The push token's `aud`; Pub/Sub's default is the endpoint URL. */
  audience: z.string().min(1).optional(),
  serviceAccount: serviceAccount.optional(),
  topic: topic.default(DEV_PUBSUB_TOPIC),
  /** false: Gmail may not publish to the topic, so users.watch answers 403. */
  publisherGranted: z.boolean().default(true),
  minBackoffMs: z.number().int().min(0).max(600_000).default(SUBSCRIPTION_DEFAULTS.minBackoffMs),
  maxBackoffMs: z.number().int().min(0).max(600_000).default(SUBSCRIPTION_DEFAULTS.maxBackoffMs),
  ackDeadlineMs: z.number().int().min(1).max(600_000).default(SUBSCRIPTION_DEFAULTS.ackDeadlineMs),
});

export const forgeSchema = z.object({
  kind: z.enum(PUSH_FORGE_KINDS),
  pushEndpoint: z.url({ protocol: /^https?$/ }).optional(),
  audience: z.string().min(1).optional(),
  serviceAccount: serviceAccount.optional(),
  email: email.optional(),
  historyId: z.string().regex(/^\d+$/).optional(),
});

export const watchExpireSchema = z.object({ email: email.optional() }).default({});

export const watchRateSchema = z.object({ intervalMs: z.number().int().min(0).max(3_600_000) });
