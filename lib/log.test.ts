import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, loggablePath, redact } from "./log";

const JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJlLWJ5dGVz";

describe("redact: secrets are masked", () => {
  const secrets: [string, string, string][] = [
    ["a Google access token", "token ya29.a0AfH6SMBx-abc_123 failed", "ya29."],
    ["a Google refresh token", '{"value":"1//0gLx-secret_refresh"}', "1//0gLx"],
    ["an authorization code on its own", '{"got":"4/0AY0e-g7abcdef"}', "4/0AY0e"],
    ["an authorization code in a callback URL", "/api/auth/callback/google?code=opaque-code-value&state=s1", "opaque-code-value"],
    ["an authorization code in a form body", "grant_type=authorization_code&code=opaque-code-value&redirect_uri=x", "opaque-code-value"],
    ["a bearer header", '{"authorization":"Bearer abc.def-ghi"}', "abc.def-ghi"],
    ["a basic header", "Authorization: Basic bWFpbHJvb206c2VjcmV0LXZhbHVl", "bWFpbHJvb206c2VjcmV0LXZhbHVl"],
    ["a client secret in a form body", "client_id=abc&client_secret=GOCSPX-shh&grant_type=refresh_token", "GOCSPX-shh"],
    ["a client secret in JSON", '{"clientSecret":"GOCSPX-shh"}', "GOCSPX-shh"],
    ["a token field in JSON", '{"access_token":"opaque-access","refresh_token":"opaque-refresh"}', "opaque-"],
    ["a token field in JSON inside a string", '{"body":"{\\"id_token\\":\\"opaque-id-token\\"}"}', "opaque-id-token"],
    ["a session cookie", '{"cookie":"__Secure-next-auth.session-token=opaque-session; theme=dark"}', "opaque-session"],
    ["a JWT", `verify failed for ${JWT}`, JWT],
    ["a vault ciphertext", '{"stored":"v1.k1.AAECAwQFBgcICQoL.c2VhbGVkLXNlY3JldC1ieXRlcw"}', "c2VhbGVkLXNlY3JldC1ieXRlcw"],
    ["a password", "password=hunter2", "hunter2"],
  ];
  for (const [name, input, secret] of secrets) {
    it(name, () => {
      const output = redact(input);
      expect(output).not.toContain(secret);
      expect(output).toContain("[redacted]");
    });
  }
});

describe("redact: harmless fields stay readable", () => {
  const harmless = [
    '{"error":{"code":"reauth_required","reason":"invalid_grant"}}',
    '{"errorCode":"rate_limited","statusCode":429}',
    '{"status":502,"code":"gmail_unavailable"}',
    "/api/messages?label=INBOX&pageToken=09876543210",
    '{"nextPageToken":"09876543210","resultSizeEstimate":240}',
    '{"tokenType":"Bearer","expires_in":3599,"scope":"openid email"}',
    '{"event":"http.request","method":"GET","path":"/api/messages?label&q","status":200,"ms":12.3}',
  ];
  for (const line of harmless) {
    it(line, () => expect(redact(line)).toBe(line));
  }
});

describe("loggablePath", () => {
  it("keeps the query's keys and drops their values", () => {
    expect(loggablePath("/api/auth/callback/google?code=4%2F0abc&state=xyz")).toBe("/api/auth/callback/google?code&state");
    expect(loggablePath("/inbox?q=from%3Aboss%20salary&label=INBOX")).toBe("/inbox?q&label");
  });

  it("leaves a path without a query as it is, even a malformed one", () => {
    expect(loggablePath("/api/messages/%E0%A4%A")).toBe("/api/messages/%E0%A4%A");
    expect(loggablePath("/inbox?")).toBe("/inbox");
  });
});

describe("createLogger", () => {
  const capture = () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString().split("\n").filter(Boolean));
        done();
      },
    });
    return { lines, destination };
  };

  it("writes one JSON object a line, redacted, with a readable level", () => {
    const { lines, destination } = capture();
    createLogger("info", destination).error({ path: "/x", detail: "refresh_token=opaque-r", code: "reauth_required" }, "api.unexpected");
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(entry).toMatchObject({ level: "error", event: "api.unexpected", path: "/x", code: "reauth_required" });
    expect(entry.detail).toBe("refresh_token=[redacted]");
    expect(typeof entry.t).toBe("string");
  });

  it("drops lines below its level", () => {
    const { lines, destination } = capture();
    const logger = createLogger("warn", destination);
    logger.info({}, "quiet");
    logger.debug({}, "quieter");
    logger.warn({}, "loud");
    expect(lines.map((line) => (JSON.parse(line) as { event: string }).event)).toEqual(["loud"]);
  });
});
