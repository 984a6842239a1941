// Structured logs (one JSON object a line, through pino) that never carry a secret. Anything that looks like an
// OAuth token, an authorization code, a bearer header, a client secret, a session cookie or a vault ciphertext
// is masked on the way out, whatever the caller passed in. Harmless fields that merely sound alike (`code`,
// `errorCode`, `statusCode`, `pageToken`) stay readable: a log that hides the error code hides the diagnosis.
//
// The custom server (scripts/serve.ts) and the Next bundles each load their own copy of this module in one
// process; they share one logger through globalThis so the level set at start-up applies to both.
import pino, { type DestinationStream, type Logger } from "pino";

export type LogLevel = "debug" | "info" | "warn" | "error";

const SECRET_KEYS = [
  "client[_-]?secret",
  "refresh[_-]?token",
  "access[_-]?token",
  "id[_-]?token",
  "session[_-]?token",
  "csrf[_-]?token",
  "code[_-]?verifier",
  "api[_-]?key",
  "password",
  "secret",
  "token",
  "authorization",
  "cookie",
].join("|");

const SECRET_PATTERNS: RegExp[] = [
  /ya29\.[\w.-]+/g, // Google access tokens
  /1\/\/[\w.-]+/g, // Google refresh tokens
  /4\/0[\w.-]+/g, // authorization codes
  /eyJ[\w-]+\.[\w-]+\.[\w-]*/g, // JWTs (id_tokens, session tokens, security event tokens)
  /v1\.[\w-]+\.[\w-]{16}\.[\w-]+/g, // vault ciphertexts: v1.<key id>.<12-byte iv>.<sealed>
  /(bearer\s+)[\w.~+/-]+=*/gi,
  /(basic\s+)[A-Za-z0-9+/]{12,}=*/gi,
  // An authorization code in a URL or form body (`?code=…`, `&code=…`), not a field named code.
  /((?<![\w.-])code=)[^&\s"'#\\]+/g,
  // A secret-named key with its value, in JSON (also JSON inside a string), a form body or a header dump. The
  // key must start a word, so `pageToken` or `nextPageToken` are not mistaken for `token`.
  new RegExp(`((?<![A-Za-z0-9])(?:${SECRET_KEYS})(?:\\\\?["'])?\\s*[:=]\\s*(?:\\\\?["'])?)[^\\s"'&,;}\\\\]+`, "gi"),
];

export function redact(text: string): string {
  return SECRET_PATTERNS.reduce(
    (result, pattern) => result.replace(pattern, (_match, prefix?: unknown) => `${typeof prefix === "string" ? prefix : ""}[redacted]`),
    text,
  );
}

/**
 * A request target as it may be logged: the path, and the query's keys without their values (a value can be a
 * search, an authorization code or a state). Works on targets that are not valid URLs.
 */
export function loggablePath(target: string): string {
  const queryStart = target.indexOf("?");
  const pathname = (queryStart === -1 ? target : target.slice(0, queryStart)).slice(0, 512);
  if (queryStart === -1) return pathname;
  const keys = target
    .slice(queryStart + 1)
    .split("&")
    .map((pair) => pair.split("=", 1)[0] ?? "")
    .filter(Boolean)
    .slice(0, 20);
  return keys.length > 0 ? `${pathname}?${keys.join("&")}` : pathname;
}

/** A logger writing redacted JSON lines; `destination` is for tests, stdout otherwise. */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: undefined,
    messageKey: "event",
    timestamp: () => `,"t":"${new Date().toISOString()}"`,
    formatters: { level: (label: string) => ({ level: label }) },
    hooks: { streamWrite: redact },
  };
  return destination ? pino(options, destination) : pino(options);
}

const SHARED = Symbol.for("mailroom.logger");
type Shared = { [SHARED]?: Logger };

function logger(): Logger {
  const shared = globalThis as Shared;
  return (shared[SHARED] ??= createLogger("info"));
}

/** Applies the configured LOG_LEVEL (instrumentation.ts, once the configuration is validated). */
export function setLogLevel(level: LogLevel): void {
  logger().level = level;
}

function describe(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: String(error) };
  const cause = error.cause instanceof Error ? { cause: `${error.cause.name}: ${error.cause.message}` } : {};
  return { error: `${error.name}: ${error.message}`, ...cause };
}

export function logError(event: string, error: unknown, fields: Record<string, unknown> = {}): void {
  logger().error({ ...fields, ...describe(error) }, event);
}

export function logWarn(event: string, fields: Record<string, unknown> = {}): void {
  logger().warn(fields, event);
}

export function logInfo(event: string, fields: Record<string, unknown> = {}): void {
  logger().info(fields, event);
}
