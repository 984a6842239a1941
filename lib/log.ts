// Structured logs that never carry a secret. Anything that looks like an OAuth token, an authorization code,
// a bearer header or a client secret is masked before it is written, whatever the caller passed in.

const SECRET_PATTERNS: RegExp[] = [
  /ya29\.[\w.-]+/g, // Google access tokens
  /1\/\/[\w.-]+/g, // Google refresh tokens
  /4\/0[\w.-]+/g, // authorization codes
  /eyJ[\w-]+\.[\w-]+\.[\w-]+/g, // JWTs (id_tokens, session tokens)
  /(bearer\s+)[\w.~+/-]+=*/gi,
  /((?:client_secret|refresh_token|access_token|id_token|code|code_verifier|token|password|secret)["']?\s*[:=]\s*["']?)[^\s"'&,}]+/gi,
  /v1\.[\w-]+\.[\w-]{16}\.[\w-]+/g, // vault ciphertexts
];

export function redact(text: string): string {
  return SECRET_PATTERNS.reduce((result, pattern) => result.replace(pattern, (_match, prefix?: string) => `${typeof prefix === "string" ? prefix : ""}[redacted]`), text);
}

function describe(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: String(error) };
  const cause = error.cause instanceof Error ? { cause: `${error.cause.name}: ${error.cause.message}` } : {};
  return { error: `${error.name}: ${error.message}`, ...cause };
}

function write(level: "info" | "warn" | "error", event: string, fields: Record<string, unknown>): void {
  const line = redact(JSON.stringify({ t: new Date().toISOString(), level, event, ...fields }));
  if (level === "error") console.error(line);
  else if (level === "warn") console.warn(line);
  else console.log(line);
}

export function logError(event: string, error: unknown, fields: Record<string, unknown> = {}): void {
  write("error", event, { ...fields, ...describe(error) });
}

export function logWarn(event: string, fields: Record<string, unknown> = {}): void {
  write("warn", event, fields);
}

export function logInfo(event: string, fields: Record<string, unknown> = {}): void {
  write("info", event, fields);
}
