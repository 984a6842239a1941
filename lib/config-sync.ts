// The part of the configuration that decides where mailbox changes come from (push or polling) and
// who may read /api/metrics. Only config.ts calls this, with values it read from the environment: it stays
// the one reader of process.env. Pure, so it is tested without a process.
import { z } from "zod";
import { DEV_PUBSUB_TOPIC, DEV_PUSH_SERVICE_ACCOUNT } from "@/emulator/dev-client";

/** Gmail push through Cloud Pub/Sub. */
export type PushSettings = {
  /** `projects/P/topics/T`, the topic users.watch names. */
  topic: string;
  /** What the OIDC token of a push must carry as `aud`, and as `email` (the push subscription's signer). */
  audience: string;
  serviceAccount: string;
  /** Who may have signed a push token (`iss`), and where its keys are. */
  issuers: string[];
  jwksUrl: string;
  /** In emulator mode: the emulator's control URL the app configures its push subscription with. */
  emulatorSubscriptionUrl: string | null;
};

export type SyncSettings = {
  /** null: no Pub/Sub, poll history.list for accounts with an open stream. */
  push: PushSettings | null;
  /** How often an account with an open stream is polled without push. */
  pollIntervalMs: number;
  /** With push, still poll this often: Google may delay or drop notifications. */
  safetyPollMs: number;
};

/** Google's push tokens name Google as `iss`, with or without the scheme. */
export const GOOGLE_PUSH_ISSUERS = ["accounts.google.com", "https://accounts.google.com"] as const;
const GOOGLE_JWKS_URL = "https://www.googleapis.com/oauth2/v3/certs";

/** The emulator's stand-ins for a Pub/Sub topic and its push subscription's signer (emulator/README.md). */
export const EMULATOR_PUSH = { topic: DEV_PUBSUB_TOPIC, serviceAccount: DEV_PUSH_SERVICE_ACCOUNT } as const;

export const PUSH_PATH = "/api/google/push";
const SAFETY_POLL_MS = 5 * 60_000;
const DEFAULT_POLL_SECONDS = 15;

const optional = z
  .string()
  .transform((value) => value.trim())
  .optional()
  .transform((value) => (value ? value : undefined));

/** The environment variables this module reads; config.ts merges them into its schema. */
export const syncEnvironmentShape = {
  GOOGLE_PUBSUB_TOPIC: optional.pipe(
    z
      .string()
      .regex(/^projects\/[a-z][a-z0-9-]{4,28}[a-z0-9]\/topics\/[A-Za-z][\w.~+%-]{2,254}$/, "must look like projects/PROJECT/topics/TOPIC")
      .optional(),
  ),
  GOOGLE_PUSH_AUDIENCE: optional.pipe(z.string().max(2048, "is longer than 2048 characters").optional()),
  GOOGLE_PUSH_SERVICE_ACCOUNT: optional.pipe(z.email("must be the push service account's email address").optional()),
  MAILBOX_SYNC: optional.pipe(z.enum(["push", "poll"], "must be push or poll").optional()),
  MAILBOX_POLL_SECONDS: optional.pipe(
    z
      .string()
      .regex(/^\d{1,4}$/, "must be a whole number of seconds from 1 to 3600")
      .transform(Number)
      .pipe(z.number().min(1, "must be at least 1").max(3600, "must be at most 3600"))
      .optional(),
  ),
  METRICS_TOKEN: optional.pipe(
    z
      .string()
      .min(16, "must be at least 16 characters")
      .regex(/^[\x21-\x7e]+$/, "must be printable ASCII without spaces")
      .optional(),
  ),
};

type SyncEnvironment = { [K in keyof typeof syncEnvironmentShape]?: z.output<(typeof syncEnvironmentShape)[K]> };

export class SyncConfigError extends Error {}

/**
 * Push or polling. Against Google, push needs GOOGLE_PUBSUB_TOPIC, GOOGLE_PUSH_AUDIENCE and
 * GOOGLE_PUSH_SERVICE_ACCOUNT together. The emulator supplies its own topic and signer, and the audience is the
 * app's own push URL, so development and tests use push with nothing set; MAILBOX_SYNC=poll forces polling.
 */
export function syncSettings(
  env: SyncEnvironment,
  context: { emulatorUrl: string | undefined; appUrl: string },
): { sync: SyncSettings; metricsToken: string | null } {
  const named = [env.GOOGLE_PUBSUB_TOPIC, env.GOOGLE_PUSH_AUDIENCE, env.GOOGLE_PUSH_SERVICE_ACCOUNT];
  const base = {
    pollIntervalMs: (env.MAILBOX_POLL_SECONDS ?? DEFAULT_POLL_SECONDS) * 1000,
    safetyPollMs: SAFETY_POLL_MS,
  };
  const metricsToken = env.METRICS_TOKEN ?? null;
  if (env.MAILBOX_SYNC === "poll") return { sync: { push: null, ...base }, metricsToken };

  if (!context.emulatorUrl) {
    if (named.every((value) => value === undefined)) {
      if (env.MAILBOX_SYNC === "push") {
        throw new SyncConfigError("MAILBOX_SYNC=push needs GOOGLE_PUBSUB_TOPIC, GOOGLE_PUSH_AUDIENCE and GOOGLE_PUSH_SERVICE_ACCOUNT");
      }
      return { sync: { push: null, ...base }, metricsToken };
    }
    if (named.some((value) => value === undefined)) {
      throw new SyncConfigError("GOOGLE_PUBSUB_TOPIC, GOOGLE_PUSH_AUDIENCE and GOOGLE_PUSH_SERVICE_ACCOUNT must be set together");
    }
    return {
      sync: {
        push: {
          topic: env.GOOGLE_PUBSUB_TOPIC!,
          audience: env.GOOGLE_PUSH_AUDIENCE!,
          serviceAccount: env.GOOGLE_PUSH_SERVICE_ACCOUNT!.toLowerCase(),
          issuers: [...GOOGLE_PUSH_ISSUERS],
          jwksUrl: GOOGLE_JWKS_URL,
          emulatorSubscriptionUrl: null,
        },
        ...base,
      },
      metricsToken,
    };
  }

  const emulator = context.emulatorUrl;
  return {
    sync: {
      push: {
        topic: env.GOOGLE_PUBSUB_TOPIC ?? EMULATOR_PUSH.topic,
        audience: env.GOOGLE_PUSH_AUDIENCE ?? `${context.appUrl}${PUSH_PATH}`,
        serviceAccount: (env.GOOGLE_PUSH_SERVICE_ACCOUNT ?? EMULATOR_PUSH.serviceAccount).toLowerCase(),
        // The emulator signs with its one Google key and names Google as the issuer, as Pub/Sub does.
        issuers: [...GOOGLE_PUSH_ISSUERS],
        jwksUrl: `${emulator}/oauth2/v3/certs`,
        emulatorSubscriptionUrl: `${emulator}/__emulator/pubsub`,
      },
      ...base,
    },
    metricsToken,
  };
}
