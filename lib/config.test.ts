import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, EMULATOR_CLIENT, isEmailAllowed, parseConfig } from "./config";

const key = (byte: number) => Buffer.alloc(32, byte).toString("base64");
let dataDir: string;
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

function environment(overrides: Record<string, string | undefined> = {}) {
  dataDir = mkdtempSync(path.join(tmpdir(), "mailroom-config-"));
  return { MAILROOM_DATA_DIR: dataDir, GOOGLE_EMULATOR_URL: "http://127.0.0.1:4010/", ...overrides };
}

describe("parseConfig", () => {
  it("runs development on the embedded defaults and the emulator's client", () => {
    const config = parseConfig(environment());
    expect(config.database).toMatchObject({ provider: "sqlite", url: "file:./.data/mailroom.db" });
    expect(config.google).toMatchObject({ mode: "emulator", clientId: EMULATOR_CLIENT.clientId });
    expect(config.google.endpoints.token).toBe("http://127.0.0.1:4010/token");
    expect(config.auth.url).toBe("http://localhost:3000");
  });

  it("generates development secrets once and reuses them", () => {
    const first = parseConfig(environment());
    const second = parseConfig({ MAILROOM_DATA_DIR: dataDir, GOOGLE_EMULATOR_URL: "http://127.0.0.1:4010" });
    expect(first.auth.secret.length).toBeGreaterThanOrEqual(32);
    expect(second.auth.secret).toBe(first.auth.secret);
    expect(second.tokenKeys[0]?.key.equals(first.tokenKeys[0]!.key)).toBe(true);
    const stored = readFileSync(path.join(dataDir, "dev-secrets.json"), "utf8");
    expect(stored).toContain(first.auth.secret);
  });

  it("points every Google endpoint at Google when a real client is configured", () => {
    const config = parseConfig(environment({ GOOGLE_CLIENT_ID: "id.apps.googleusercontent.com", GOOGLE_CLIENT_SECRET: "s" }));
    expect(config.google.mode).toBe("google");
    expect(config.google.endpoints.wellKnown).toBe("https://accounts.google.com/.well-known/openid-configuration");
    expect(config.google.endpoints.gmailBatch).toBe("https://gmail.googleapis.com/batch/gmail/v1");
  });

  it("reads a key ring newest first", () => {
    const config = parseConfig(environment({ TOKEN_ENCRYPTION_KEYS: `new:${key(2)}, old:${key(1)}` }));
    expect(config.tokenKeys.map((entry) => entry.id)).toEqual(["new", "old"]);
  });

  const production = {
    NODE_ENV: "production",
    NEXTAUTH_SECRET: "x".repeat(40),
    TOKEN_ENCRYPTION_KEYS: `k1:${key(1)}`,
    NEXTAUTH_URL: "https://mail.example.com",
  };

  it("lets production use the emulator only when ALLOW_GOOGLE_EMULATOR=true", () => {
    expect(() => parseConfig(environment(production))).toThrowError(/ALLOW_GOOGLE_EMULATOR/);
    expect(() => parseConfig(environment({ ...production, ALLOW_GOOGLE_EMULATOR: "false" }))).toThrowError(/ALLOW_GOOGLE_EMULATOR/);
    expect(parseConfig(environment({ ...production, ALLOW_GOOGLE_EMULATOR: "true" })).google.mode).toBe("emulator");
    // Development needs no flag: `npm run dev` runs on the emulator.
    expect(parseConfig(environment()).google.mode).toBe("emulator");
  });

  it.each(["http://localhost:3000", "http://127.0.0.1:3000", "http://127.8.9.10", "http://[::1]:3000", "https://mail.example.com"])(
    "accepts NEXTAUTH_URL %s in production",
    (url) => {
      expect(parseConfig(environment({ ...production, ALLOW_GOOGLE_EMULATOR: "true", NEXTAUTH_URL: url })).auth.url).toBe(url);
    },
  );

  it.each(["http://mail.example.com", "http://10.0.0.5:3000", "http://127.0.0.1.example.com", "http://localhost.example.com"])(
    "refuses plain-http NEXTAUTH_URL %s in production",
    (url) => {
      expect(() => parseConfig(environment({ ...production, ALLOW_GOOGLE_EMULATOR: "true", NEXTAUTH_URL: url }))).toThrowError(
        /NEXTAUTH_URL must use https/,
      );
    },
  );

  it("reads ALLOWED_EMAILS as addresses and @domains, case-insensitively", () => {
    const { allowedEmails } = parseConfig(environment({ ALLOWED_EMAILS: " Ada@Example.com, @Team.Example.org ,," })).auth;
    expect(isEmailAllowed(allowedEmails, "ada@example.com")).toBe(true);
    expect(isEmailAllowed(allowedEmails, "ADA@EXAMPLE.COM")).toBe(true);
    expect(isEmailAllowed(allowedEmails, "grace@team.example.org")).toBe(true);
    expect(isEmailAllowed(allowedEmails, "grace@example.com")).toBe(false);
    expect(isEmailAllowed(allowedEmails, "eve@sub.team.example.org")).toBe(false);
    expect(isEmailAllowed(allowedEmails, "team.example.org@evil.com")).toBe(false);
    expect(isEmailAllowed(allowedEmails, null)).toBe(false);
  });

  it("lets anyone sign in when ALLOWED_EMAILS is unset", () => {
    const { allowedEmails } = parseConfig(environment()).auth;
    expect(allowedEmails).toBeNull();
    expect(isEmailAllowed(allowedEmails, "anyone@anywhere.example")).toBe(true);
  });

  it.each([
    [{ ALLOWED_EMAILS: "ada@example.com, example.com" }, "ALLOWED_EMAILS"],
    [{ ALLOWED_EMAILS: "ada" }, "ALLOWED_EMAILS"],
    [{ ALLOWED_EMAILS: " , " }, "ALLOWED_EMAILS"],
    [{ ALLOW_GOOGLE_EMULATOR: "yes" }, "ALLOW_GOOGLE_EMULATOR"],
    [{ DATABASE_URL: "mysql://db/mail" }, "DATABASE_URL"],
    [{ TOKEN_ENCRYPTION_KEYS: "k1:dG9vIHNob3J0" }, "TOKEN_ENCRYPTION_KEYS"],
    [{ TOKEN_ENCRYPTION_KEYS: `a:${key(1)},a:${key(2)}` }, "TOKEN_ENCRYPTION_KEYS"],
    [{ NEXTAUTH_SECRET: "short" }, "NEXTAUTH_SECRET"],
    [{ NEXTAUTH_URL: "ftp://example.com" }, "NEXTAUTH_URL"],
    [{ GOOGLE_EMULATOR_URL: "localhost:4010" }, "GOOGLE_EMULATOR_URL"],
    [{ GOOGLE_CLIENT_ID: "only-the-id" }, "GOOGLE_CLIENT_SECRET"],
    [{ GOOGLE_EMULATOR_URL: undefined }, "GOOGLE_CLIENT_ID"],
    [{ PORT: "http" }, "PORT"],
    [{ NODE_ENV: "production" }, "NEXTAUTH_SECRET"],
    [{ NODE_ENV: "production", NEXTAUTH_SECRET: "x".repeat(40) }, "TOKEN_ENCRYPTION_KEYS"],
  ])("rejects %j naming %s", (overrides, name) => {
    const env = environment(overrides);
    expect(() => parseConfig(env)).toThrowError(ConfigError);
    expect(() => parseConfig(env)).toThrowError(name);
  });

  it("bounds the page cache at 32 MB unless PAGE_CACHE_MB says otherwise (0 turns it off)", () => {
    expect(parseConfig(environment()).pageCacheBytes).toBe(32 * 1024 * 1024);
    expect(parseConfig(environment({ PAGE_CACHE_MB: "8" })).pageCacheBytes).toBe(8 * 1024 * 1024);
    expect(parseConfig(environment({ PAGE_CACHE_MB: "0" })).pageCacheBytes).toBe(0);
    expect(() => parseConfig(environment({ PAGE_CACHE_MB: "lots" }))).toThrow(/PAGE_CACHE_MB must be a whole number of megabytes/);
  });

  it("never echoes a secret value in its error", () => {
    const secret = "sup3r-s3cret-but-too-short";
    expect(() => parseConfig(environment({ NEXTAUTH_SECRET: secret }))).toThrowError(/^(?!.*sup3r)/s);
  });

  it("names the sync variables it cannot accept", () => {
    expect(() => parseConfig(environment({ MAILBOX_POLL_SECONDS: "0" }))).toThrowError(/MAILBOX_POLL_SECONDS must be at least 1/);
    expect(() => parseConfig(environment({ MAILBOX_SYNC: "sometimes" }))).toThrowError(/MAILBOX_SYNC must be push or poll/);
    expect(() => parseConfig(environment({ GOOGLE_PUBSUB_TOPIC: "gmail" }))).toThrowError(/GOOGLE_PUBSUB_TOPIC must look like/);
    expect(() => parseConfig(environment({ METRICS_TOKEN: "short" }))).toThrowError(/METRICS_TOKEN must be at least 16/);
    const google = { GOOGLE_CLIENT_ID: "id.apps.googleusercontent.com", GOOGLE_CLIENT_SECRET: "s" };
    expect(() => parseConfig(environment({ ...google, GOOGLE_PUBSUB_TOPIC: "projects/my-project/topics/gmail" }))).toThrowError(
      /GOOGLE_PUBSUB_TOPIC, GOOGLE_PUSH_AUDIENCE and GOOGLE_PUSH_SERVICE_ACCOUNT must be set together/,
    );
  });

  it("pushes in emulator mode, its audience the app's own URL", () => {
    const config = parseConfig(environment({ NEXTAUTH_URL: "http://127.0.0.1:3100" }));
    expect(config.sync.push?.audience).toBe("http://127.0.0.1:3100/api/google/push");
    expect(config.metricsToken).toBeNull();
  });
});
