import { z } from "zod";
import { EVENT_NAMES, eventNameOf, type EventName } from "../risc/event-types";
import { FORGE_KINDS } from "../risc/forgeries";
import { DELIVERY_DEFAULTS } from "../risc/risc-state";

/** Bodies of the RISC control endpoints (`/__emulator/risc/…`); loaded lazily with zod, like schemas.ts. */
const email = z.string().trim().toLowerCase().pipe(z.email());

const eventName = z.string().transform((value, ctx): EventName => {
  const name = eventNameOf(value);
  if (name) return name;
  ctx.addIssue({ code: "custom", message: `unknown event type; one of ${EVENT_NAMES.join(", ")} or its URI` });
  return z.NEVER;
});

export const riscStreamSchema = z.object({
  url: z.url({ protocol: /^https?$/ }),
  events_requested: z.array(eventName).min(1).optional(),
  status: z.enum(["enabled", "disabled"]).default("enabled"),
  retries: z.number().int().min(0).max(10).default(DELIVERY_DEFAULTS.retries),
  retryDelayMs: z.number().int().min(0).max(10_000).default(DELIVERY_DEFAULTS.retryDelayMs),
  timeoutMs: z.number().int().min(1).max(60_000).default(DELIVERY_DEFAULTS.timeoutMs),
});

export const riscStreamStatusSchema = z.object({ status: z.enum(["enabled", "disabled"]) });

export const riscEventSchema = z.object({
  email: email.optional(),
  type: eventName.optional(),
  reason: z.string().min(1).optional(),
  state: z.string().optional(),
  token: z.string().min(1).optional(),
  tokenIdentifierAlg: z.enum(["prefix", "hash_base64_sha512_sha512"]).default("hash_base64_sha512_sha512"),
  aud: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
  forge: z.enum(FORGE_KINDS).optional(),
  apply: z.boolean().default(true),
});

export const serviceAccountSchema = z
  .object({
    email: email.default("risc-admin@mailroom-dev.iam.gserviceaccount.com"),
    /** false: the account lacks roles/riscconfigs.admin, so the stream API answers 403. */
    riscAdmin: z.boolean().default(true),
  })
  .default({ email: "risc-admin@mailroom-dev.iam.gserviceaccount.com", riscAdmin: true });
