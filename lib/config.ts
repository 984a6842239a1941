import "server-only";
// The only reader of process.env. Everything is validated once; a missing or malformed value stops start-up
// with a message naming the variable. Development gets generated secrets (see dev-secrets.ts) so a fresh
// clone runs with no set-up; production refuses to start without real ones.
import path from "node:path";
import { z } from "zod";
import { DEV_CLIENT_ID, DEV_CLIENT_SECRET } from "@/emulator/dev-client";
import { type SyncSettings, SyncConfigError, syncEnvironmentShape, syncSettings } from "./config-sync";
import { DEFAULT_DATABASE_URL } from "./defaults";
import { loadDevelopmentSecrets } from "./dev-secrets";
import { GMAIL_QUOTA } from "./limits/limits";

/** In emulator mode the app is the emulator's own pre-registered client. */
export const EMULATOR_CLIENT = { clientId: DEV_CLIENT_ID, clientSecret: DEV_CLIENT_SECRET } as const;

export class ConfigError extends Error {
  constructor(message: string) {
    super(`Invalid configuration: ${message}`);
    this.name = "ConfigError";
  }
}

export type TokenKey = { id: string; key: Buffer };

export type GoogleEndpoints = {
  wellKnown: string;
  token: string;
  revoke: string;
  gmailRoot: string;
  gmailBatch: string;
  riscConfiguration: string;
};

export type AppConfig = {
  production: boolean;
  dataDir: string;
  database: { url: string; provider: "sqlite"; file: string } | { url: string; provider: "postgresql" };
  google: { mode: "google" | "emulator"; clientId: string; clientSecret: string; endpoints: GoogleEndpoints };
  tokenKeys: TokenKey[];
  auth: { url: string; secret: string; allowedEmails: AllowedEmails | null };
  logLevel: "debug" | "info" | "warn" | "error";
  /** Where mailbox changes come from: Pub/Sub push or history.list polling (config-sync.ts). */
  sync: SyncSettings;
  /** The bearer token /api/metrics requires; null: the endpoint does not exist. */
  metricsToken: string | null;
  /** The in-memory page cache's bound in bytes (PAGE_CACHE_MB; 0 turns it off). */
  pageCacheBytes: number;
  /** Downloads running at once: bytes per instance (DOWNLOAD_BUDGET_MB), count per user (DOWNLOADS_PER_USER). */
  downloads: { bytes: number; perUser: number };
  /** Gmail quota units per user per minute this instance keeps each account within (0: no pacing). */
  gmailQuotaPerMinute: number;
  /** Seconds a sent message waits before it leaves, while Undo can still stop it (UNDO_SEND_SECONDS). */
  undoSendSeconds: number;
};

/** Who may sign in (ALLOWED_EMAILS): exact addresses and whole domains, all lower-cased. */
export type AllowedEmails = { addresses: ReadonlySet<string>; domains: ReadonlySet<string> };

const optional = z
  .string()
  .transform((value) => value.trim())
  .optional()
  .transform((value) => (value ? value : undefined));

const absoluteHttpUrl = z
  .string()
  .trim()
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), "must be an http(s) URL")
  .transform((value) => value.replace(/\/+$/, ""));

const databaseUrl = z
  .string()
  .trim()
  .refine(
    (value) => /^file:.+/.test(value) || /^postgres(ql)?:\/\/.+/.test(value),
    "must start with file: (SQLite) or postgresql:// (PostgreSQL)",
  );

const tokenKeyRing = z
  .string()
  .trim()
  .transform((value, context): TokenKey[] => {
    const keys: TokenKey[] = [];
    for (const entry of value
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean)) {
      const match = /^([A-Za-z0-9_-]{1,32}):([A-Za-z0-9+/=_-]+)$/.exec(entry);
      const key = match?.[2] ? Buffer.from(match[2], "base64") : undefined;
      if (!match?.[1] || !key || key.length !== 32) {
        context.addIssue({ code: "custom", message: "each entry must be id:base64 of 32 random bytes (id: letters, digits, _ or -)" });
        return z.NEVER;
      }
      if (keys.some((existing) => existing.id === match[1])) {
        context.addIssue({ code: "custom", message: `key id "${match[1]}" appears twice` });
        return z.NEVER;
      }
      keys.push({ id: match[1], key });
    }
    if (keys.length === 0) {
      context.addIssue({ code: "custom", message: "needs at least one key" });
      return z.NEVER;
    }
    return keys;
  });

const flag = z.enum(["true", "false"], { message: "must be true or false" }).transform((value) => value === "true");

// Loose on purpose: Google has verified the address; this only has to tell an address from a typo'd domain.
const ADDRESS = /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/;
const DOMAIN = /^@[^\s@,]+\.[^\s@,]+$/;

const allowedEmails = z.string().transform((value, context): AllowedEmails => {
  const addresses = new Set<string>();
  const domains = new Set<string>();
  for (const entry of value
    .split(",")
    .map((part) => part.trim().toLowerCase())
    .filter(Boolean)) {
    if (DOMAIN.test(entry)) domains.add(entry.slice(1));
    else if (ADDRESS.test(entry)) addresses.add(entry);
    else {
      context.addIssue({
        code: "custom",
        message: `has "${entry}", which is neither an address (ada@example.com) nor a domain (@example.com)`,
      });
      return z.NEVER;
    }
  }
  if (addresses.size + domains.size === 0) {
    context.addIssue({ code: "custom", message: "lists no address or @domain (unset it to let anyone sign in)" });
    return z.NEVER;
  }
  return { addresses, domains };
});

/** Whether ALLOWED_EMAILS lets this address sign in; no list means anyone may. Case-insensitive. */
export function isEmailAllowed(allowed: AllowedEmails | null, email: string | null | undefined): boolean {
  if (!allowed) return true;
  const address = email?.trim().toLowerCase();
  if (!address) return false;
  const at = address.lastIndexOf("@");
  return allowed.addresses.has(address) || (at > 0 && allowed.domains.has(address.slice(at + 1)));
}

/** localhost, 127.0.0.0/8 and [::1]: the only hosts where plain http cannot be sniffed on the way. */
function isLoopbackHost(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

const environmentSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: optional.pipe(databaseUrl.optional()),
  GOOGLE_CLIENT_ID: optional,
  GOOGLE_CLIENT_SECRET: optional,
  GOOGLE_EMULATOR_URL: optional.pipe(absoluteHttpUrl.optional()),
  ALLOW_GOOGLE_EMULATOR: optional.pipe(flag.optional()),
  ALLOWED_EMAILS: optional.pipe(allowedEmails.optional()),
  TOKEN_ENCRYPTION_KEYS: optional.pipe(tokenKeyRing.optional()),
  NEXTAUTH_URL: optional.pipe(absoluteHttpUrl.optional()),
  NEXTAUTH_SECRET: optional.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  MAILROOM_DATA_DIR: optional,
  PORT: optional.pipe(
    z
      .string()
      .regex(/^\d{1,5}$/, "must be a port number")
      .transform(Number)
      .optional(),
  ),
  LOG_LEVEL: optional.pipe(z.enum(["debug", "info", "warn", "error"], "must be one of debug, info, warn, error").default("info")),
  ...syncEnvironmentShape,
  PAGE_CACHE_MB: optional.pipe(
    z
      .string()
      .regex(/^\d{1,5}$/, "must be a whole number of megabytes (0 turns the page cache off)")
      .transform(Number)
      .default(32),
  ),
  DOWNLOAD_BUDGET_MB: optional.pipe(
    z
      .string()
      .regex(/^[1-9]\d{0,4}$/, "must be a whole number of megabytes, at least 1")
      .transform(Number)
      .default(128),
  ),
  DOWNLOADS_PER_USER: optional.pipe(
    z
      .string()
      .regex(/^[1-9]\d{0,2}$/, "must be a whole number, at least 1")
      .transform(Number)
      .default(3),
  ),
  GMAIL_USER_QUOTA_PER_MINUTE: optional.pipe(
    z
      .string()
      .regex(/^\d{1,9}$/, "must be a whole number of quota units (0 turns pacing off)")
      .transform(Number)
      .default(GMAIL_QUOTA.defaultUnitsPerMinute),
  ),
  UNDO_SEND_SECONDS: optional.pipe(
    z
      .string()
      .regex(/^\d{1,2}$/, "must be a whole number of seconds from 0 to 30")
      .transform(Number)
      .refine((seconds) => seconds <= 30, "must be a whole number of seconds from 0 to 30")
      .default(10),
  ),
});

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "environment"} ${issue.message}`).join("; ");
}

function googleEndpoints(emulatorUrl: string | undefined): GoogleEndpoints {
  if (emulatorUrl) {
    return {
      wellKnown: `${emulatorUrl}/.well-known/openid-configuration`,
      token: `${emulatorUrl}/token`,
      revoke: `${emulatorUrl}/revoke`,
      gmailRoot: `${emulatorUrl}/`,
      gmailBatch: `${emulatorUrl}/batch/gmail/v1`,
      riscConfiguration: `${emulatorUrl}/.well-known/risc-configuration`,
    };
  }
  return {
    wellKnown: "https://accounts.google.com/.well-known/openid-configuration",
    token: "https://oauth2.googleapis.com/token",
    revoke: "https://oauth2.googleapis.com/revoke",
    gmailRoot: "https://gmail.googleapis.com/",
    gmailBatch: "https://gmail.googleapis.com/batch/gmail/v1",
    riscConfiguration: "https://accounts.google.com/.well-known/risc-configuration",
  };
}

/** Parses an environment into the app's configuration. Pure apart from reading/creating development secrets. */
export function parseConfig(environment: Record<string, string | undefined>): AppConfig {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) throw new ConfigError(describeIssues(parsed.error));
  const env = parsed.data;
  const production = env.NODE_ENV === "production";
  const dataDir = path.resolve(/* turbopackIgnore: true */ process.cwd(), env.MAILROOM_DATA_DIR ?? ".data");

  if (Boolean(env.GOOGLE_CLIENT_ID) !== Boolean(env.GOOGLE_CLIENT_SECRET)) {
    throw new ConfigError("GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET must be set together");
  }
  if (!env.GOOGLE_CLIENT_ID && !env.GOOGLE_EMULATOR_URL) {
    throw new ConfigError(
      "GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET are not set, and neither is GOOGLE_EMULATOR_URL: configure a Google OAuth client, or run `npm run dev` to use the emulator",
    );
  }

  const needsDevSecrets = !env.NEXTAUTH_SECRET || !env.TOKEN_ENCRYPTION_KEYS;
  if (production && !env.NEXTAUTH_SECRET) throw new ConfigError("NEXTAUTH_SECRET is required in production");
  if (production && !env.TOKEN_ENCRYPTION_KEYS) throw new ConfigError("TOKEN_ENCRYPTION_KEYS is required in production");
  if (production && !env.NEXTAUTH_URL) throw new ConfigError("NEXTAUTH_URL is required in production");
  // The emulator hands out tokens to anyone who clicks a name: a production server must never trust it by
  // accident (a stray variable), only when the operator says so (tests, demos).
  if (production && env.GOOGLE_EMULATOR_URL && !env.GOOGLE_CLIENT_ID && !env.ALLOW_GOOGLE_EMULATOR) {
    throw new ConfigError(
      "GOOGLE_EMULATOR_URL is set in production: set ALLOW_GOOGLE_EMULATOR=true to use the Google emulator on purpose, or configure GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET",
    );
  }
  // Session cookies and OAuth codes would cross the network in clear text.
  if (
    production &&
    env.NEXTAUTH_URL &&
    new URL(env.NEXTAUTH_URL).protocol === "http:" &&
    !isLoopbackHost(new URL(env.NEXTAUTH_URL).hostname)
  ) {
    throw new ConfigError("NEXTAUTH_URL must use https in production (plain http is allowed only for localhost, 127.0.0.0/8 and [::1])");
  }
  const devSecrets = needsDevSecrets ? loadDevelopmentSecrets(dataDir) : undefined;

  const url = env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const database: AppConfig["database"] = url.startsWith("file:")
    ? { url, provider: "sqlite", file: path.resolve(/* turbopackIgnore: true */ process.cwd(), url.slice("file:".length)) }
    : { url, provider: "postgresql" };

  const appUrl = env.NEXTAUTH_URL ?? `http://localhost:${env.PORT ?? 3000}`;
  const emulatorUrl = env.GOOGLE_CLIENT_ID ? undefined : env.GOOGLE_EMULATOR_URL;
  let sync: ReturnType<typeof syncSettings>;
  try {
    sync = syncSettings(env, { emulatorUrl, appUrl });
  } catch (error) {
    if (error instanceof SyncConfigError) throw new ConfigError(error.message);
    throw error;
  }

  return {
    production,
    dataDir,
    database,
    google: {
      mode: env.GOOGLE_CLIENT_ID ? "google" : "emulator",
      clientId: env.GOOGLE_CLIENT_ID ?? EMULATOR_CLIENT.clientId,
      clientSecret: env.GOOGLE_CLIENT_SECRET ?? EMULATOR_CLIENT.clientSecret,
      // A configured real client always talks to Google, even if an emulator URL lingers in the environment.
      endpoints: googleEndpoints(emulatorUrl),
    },
    tokenKeys: env.TOKEN_ENCRYPTION_KEYS ?? tokenKeyRing.parse(devSecrets?.tokenEncryptionKeys),
    auth: {
      url: appUrl,
      secret: env.NEXTAUTH_SECRET ?? devSecrets?.nextAuthSecret ?? "",
      allowedEmails: env.ALLOWED_EMAILS ?? null,
    },
    logLevel: env.LOG_LEVEL,
    sync: sync.sync,
    metricsToken: sync.metricsToken,
    pageCacheBytes: env.PAGE_CACHE_MB * 1024 * 1024,
    downloads: { bytes: env.DOWNLOAD_BUDGET_MB * 1024 * 1024, perUser: env.DOWNLOADS_PER_USER },
    gmailQuotaPerMinute: env.GMAIL_USER_QUOTA_PER_MINUTE,
    undoSendSeconds: env.UNDO_SEND_SECONDS,
  };
}

let cached: AppConfig | undefined;

/** The validated configuration of this process, parsed on first use. */
export function getConfig(): AppConfig {
  cached ??= parseConfig(process.env);
  return cached;
}
