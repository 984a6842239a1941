import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, EMULATOR_CLIENT, parseConfig } from "./config";

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

  it.each([
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

  it("never echoes a secret value in its error", () => {
    const secret = "sup3r-s3cret-but-too-short";
    expect(() => parseConfig(environment({ NEXTAUTH_SECRET: secret }))).toThrowError(/^(?!.*sup3r)/s);
  });
});
