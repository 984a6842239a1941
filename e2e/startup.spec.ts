import { randomBytes } from "node:crypto";
import { startAppServer } from "../scripts/lib/app-server";
import { findFreePort } from "../scripts/lib/free-port";
import { expect, test } from "./fixtures";

const validEnv = (emulatorUrl: string): NodeJS.ProcessEnv => ({
  ...process.env,
  NODE_ENV: "production",
  DATABASE_URL: process.env.MAILROOM_E2E_DATABASE_URL,
  GOOGLE_EMULATOR_URL: emulatorUrl,
  NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
  TOKEN_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString("base64")}`,
});

const badValues: [string, string | undefined, RegExp][] = [
  ["DATABASE_URL", "mysql://localhost/mail", /DATABASE_URL must start with file:/],
  ["TOKEN_ENCRYPTION_KEYS", "k1:c2hvcnQ=", /TOKEN_ENCRYPTION_KEYS each entry must be id:base64 of 32 random bytes/],
  ["NEXTAUTH_SECRET", undefined, /NEXTAUTH_SECRET is required in production/],
  ["GOOGLE_EMULATOR_URL", "not a url", /GOOGLE_EMULATOR_URL must be an http\(s\) URL/],
];

for (const [name, value, message] of badValues) {
  test(`a bad ${name} stops start-up with a message naming it`, async ({ emulator }) => {
    const env = validEnv(emulator.url);
    if (value === undefined) delete env[name];
    else env[name] = value;
    const error = await startAppServer({ port: await findFreePort(), mode: "start", env, timeoutMs: 30_000 }).then(
      async (server) => {
        await server.close();
        return undefined;
      },
      (reason: unknown) => reason,
    );
    expect(error, "the server must refuse to start").toBeInstanceOf(Error);
    const text = (error as Error).message;
    expect(text).toMatch(/exited with code 1/);
    expect(text).toMatch(message);
    expect(text).not.toMatch(/\n\s+at /); // a message, not a stack trace
  });
}
