import { randomBytes } from "node:crypto";
import { startAppServer } from "../scripts/lib/app-server";
import { findFreePort } from "../scripts/lib/free-port";
import { expect, test } from "./fixtures";

const validEnv = (emulatorUrl: string): NodeJS.ProcessEnv => ({
  ...process.env,
  NODE_ENV: "production",
  DATABASE_URL: process.env.MAILROOM_E2E_DATABASE_URL,
  GOOGLE_EMULATOR_URL: emulatorUrl,
  ALLOW_GOOGLE_EMULATOR: "true",
  NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
  TOKEN_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString("base64")}`,
});

const badValues: [string, string | undefined, RegExp][] = [
  // Production trusts the emulator only when told to, and never sends cookies over plain http off the machine.
  ["ALLOW_GOOGLE_EMULATOR", undefined, /GOOGLE_EMULATOR_URL is set in production: set ALLOW_GOOGLE_EMULATOR=true/],
  ["NEXTAUTH_URL", "http://mail.example.com", /NEXTAUTH_URL must use https in production/],
  ["ALLOWED_EMAILS", "ada@example.com, example.com", /ALLOWED_EMAILS has "example.com"/],
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

test("health names the emulator, and says so when it stops answering", async ({ emulator }) => {
  const server = await startAppServer({ port: await findFreePort(), mode: "start", env: validEnv(emulator.url), timeoutMs: 30_000 });
  try {
    expect(await (await fetch(`${server.url}/api/health`)).json()).toEqual({ ok: true, database: "ok", google: "emulator" });
  } finally {
    await server.close();
  }
  // Nothing listens on a fresh free port: the app still serves (ok follows the database), Google is unreachable.
  const silent = await startAppServer({
    port: await findFreePort(),
    mode: "start",
    env: validEnv(`http://127.0.0.1:${await findFreePort()}`),
    timeoutMs: 30_000,
  });
  try {
    expect(await (await fetch(`${silent.url}/api/health`)).json()).toEqual({ ok: true, database: "ok", google: "unreachable" });
  } finally {
    await silent.close();
  }
});
