// The Cross-Account Protection receiver through real parts: the emulator signs and POSTs each security event
// token over HTTP to a small server running the app's route handler, against a real database. Every forged
// token must answer 400 and leave the database exactly as it was; a genuine one answers 202 with its effect
// already stored.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/google/risc/route";
import { createLinkedAccount, type LinkedAccount, signInTokensFrom } from "@/scripts/testing/accounts";
import { authorizeThroughEmulator, control } from "@/scripts/testing/emulator-client";
import { useIntegrationEnvironment } from "@/scripts/testing/integration-env";
import { getDb } from "../../db";
import { hashSessionToken } from "../../auth/hashed-sessions";
import { saveSignInTokens } from "../../tokens/token-store";
import { REJECTED_FORGE_KINDS } from "@/emulator/risc/forgeries";

const environment = useIntegrationEnvironment();

type Answer = { status: number; body: string; contentType: string | undefined };
const answers: Answer[] = [];
let server: Server;
let receiverUrl = "";

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
      const request = new Request(`${receiverUrl}${req.url ?? "/"}`, { method: req.method, headers, body: Buffer.concat(chunks) });
      void POST(request).then(async (response) => {
        const body = await response.text();
        answers.push({ status: response.status, body, contentType: req.headers["content-type"] });
        res.writeHead(response.status, { "content-type": response.headers.get("content-type") ?? "text/plain" }).end(body);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

beforeEach(async () => {
  answers.length = 0;
  await control(environment.emulatorUrl, "POST", "risc/stream", { url: `${receiverUrl}/api/google/risc`, retries: 0 });
  const db = getDb();
  await db.securityEvent.deleteMany();
  await db.session.deleteMany();
  await db.user.deleteMany();
});

type Delivery = { ok: boolean; status: number | null; jti: string; delivered: boolean };

function raise(event: Record<string, unknown>): Promise<Delivery> {
  return control<Delivery>(environment.emulatorUrl, "POST", "risc/events", event);
}

let sessionCounter = 0;
async function openSession(userId: string, accountId: string | null): Promise<string> {
  const token = `session-${++sessionCounter}`;
  await getDb().session.create({
    data: { sessionToken: hashSessionToken(token), userId, accountId, expires: new Date(Date.now() + 86_400_000) },
  });
  return token;
}

/**
 * Ada's user with two linked Google accounts (Ada's and Grace's), and a session signed in with each; and a
 * bystander: another user (empty@example.com) with a session of their own, which no event here may touch.
 */
async function twoAccounts(): Promise<{
  ada: LinkedAccount;
  graceAccountId: string;
  bystanderAccountId: string;
  adaSession: string;
  graceSession: string;
}> {
  const ada = await createLinkedAccount(environment.emulatorUrl, "ada@example.com");
  const grace = await saveSignInTokens(
    signInTokensFrom(ada.userId, await authorizeThroughEmulator(environment.emulatorUrl, "grace@example.com")),
  );
  const bystander = await createLinkedAccount(environment.emulatorUrl, "empty@example.com");
  await openSession(bystander.userId, bystander.accountId);
  return {
    ada,
    graceAccountId: grace.id,
    bystanderAccountId: bystander.accountId,
    adaSession: await openSession(ada.userId, ada.accountId),
    graceSession: await openSession(ada.userId, grace.id),
  };
}

/** Everything a security event could change, in a stable order. */
async function snapshot() {
  const db = getDb();
  return {
    sessions: await db.session.findMany({ orderBy: { id: "asc" } }),
    accounts: await db.account.findMany({ orderBy: { id: "asc" } }),
    securityEvents: await db.securityEvent.findMany({ orderBy: { jti: "asc" } }),
  };
}

const sessionAccounts = async () => (await getDb().session.findMany({ select: { accountId: true } })).map((s) => s.accountId).sort();

describe("forged or malformed security event tokens", () => {
  it.each(REJECTED_FORGE_KINDS)("%s answers 400 in the envelope and changes nothing", async (forge) => {
    const { ada } = await twoAccounts();
    const before = await snapshot();

    // The event a forger would most like: the account hijacked, so its sessions end and its tokens go.
    const delivery = await raise({ email: "ada@example.com", type: "account-disabled", reason: "hijacking", forge });

    expect(delivery.status).toBe(400);
    expect(answers).toHaveLength(1);
    const body = JSON.parse(answers[0]!.body) as { error: { code: string; message: string } };
    expect(body).toEqual({ error: { code: "bad_request", message: expect.stringMatching(/security event token/) as unknown } });
    expect(await snapshot()).toEqual(before);
    // The forged token's claims never reached the database either: Ada's account still reads mail.
    expect(before.accounts.find((a) => a.id === ada.accountId)).toMatchObject({
      reauthReason: null,
      refresh_token: expect.any(String) as unknown,
    });
  });

  it("a replayed token is acknowledged (202) and has no second effect", async () => {
    const { ada, bystanderAccountId } = await twoAccounts();
    const first = await raise({ email: "ada@example.com", type: "sessions-revoked" });
    expect(first).toMatchObject({ status: 202, delivered: true });
    expect(await sessionAccounts()).toEqual([bystanderAccountId]);

    // Ada signs in again; the same bytes arriving again must not end the new session.
    await openSession(ada.userId, ada.accountId);
    const before = await snapshot();
    const replay = await raise({ forge: "replay" });
    expect(replay.status).toBe(202);
    expect(await snapshot()).toEqual(before);
    expect(before.securityEvents).toEqual([expect.objectContaining({ jti: first.jti, type: "sessions-revoked" })]);
  });

  it("a genuine token sent as application/json is accepted: the signature decides, not the Content-Type", async () => {
    const { bystanderAccountId } = await twoAccounts();
    const delivery = await raise({ email: "ada@example.com", type: "sessions-revoked", forge: "wrong-content-type" });
    expect(answers[0]?.contentType).toMatch(/application\/json/);
    expect(delivery.status).toBe(202);
    expect(await sessionAccounts()).toEqual([bystanderAccountId]);
  });

  it("an empty body answers 400 and changes nothing", async () => {
    await twoAccounts();
    const before = await snapshot();
    const response = await fetch(`${receiverUrl}/api/google/risc`, {
      method: "POST",
      headers: { "content-type": "application/secevent+jwt" },
      body: "",
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "bad_request" } });
    expect(await snapshot()).toEqual(before);
  });
});

describe("genuine security events", () => {
  const accountRow = (id: string) => getDb().account.findUniqueOrThrow({ where: { id } });

  it("sessions-revoked for a secondary account ends every session of its user, the primary's too; tokens stay", async () => {
    // Whoever held a session opened with Grace's account could have linked accounts: all of the user's go.
    const { ada, graceAccountId, bystanderAccountId } = await twoAccounts();
    expect(await raise({ email: "grace@example.com", type: "sessions-revoked" })).toMatchObject({ status: 202 });
    expect(await sessionAccounts()).toEqual([bystanderAccountId]);
    expect(await accountRow(ada.accountId)).toMatchObject({ reauthReason: null, refresh_token: expect.any(String) as unknown });
    expect(await accountRow(graceAccountId)).toMatchObject({ reauthReason: null, refresh_token: expect.any(String) as unknown });
  });

  it("tokens-revoked ends the account's sessions and forgets its tokens; the other account is untouched", async () => {
    const { ada, graceAccountId, bystanderAccountId } = await twoAccounts();
    const graceBefore = await accountRow(graceAccountId);
    expect(await raise({ email: "ada@example.com", type: "tokens-revoked" })).toMatchObject({ status: 202 });
    expect(await sessionAccounts()).toEqual([bystanderAccountId, graceAccountId].sort());
    expect(await accountRow(ada.accountId)).toMatchObject({
      reauthReason: "revoked",
      refresh_token: null,
      access_token: null,
      refreshTokenHash: null,
      refreshTokenPrefixHash: null,
    });
    expect(await accountRow(graceAccountId)).toEqual(graceBefore);
  });

  it.each(["prefix", "hash_base64_sha512_sha512"])(
    "token-revoked (%s) finds the account by its refresh token; sessions stay",
    async (tokenIdentifierAlg) => {
      const { ada, graceAccountId, bystanderAccountId } = await twoAccounts();
      const graceBefore = await accountRow(graceAccountId);
      expect(await raise({ email: "ada@example.com", type: "token-revoked", tokenIdentifierAlg })).toMatchObject({ status: 202 });
      expect(await accountRow(ada.accountId)).toMatchObject({ reauthReason: "revoked", refresh_token: null, refreshTokenHash: null });
      expect(await sessionAccounts()).toEqual([ada.accountId, graceAccountId, bystanderAccountId].sort());
      expect(await accountRow(graceAccountId)).toEqual(graceBefore);
    },
  );

  it("account-disabled (hijacking) ends every session of the user and forgets the tokens; without a reason the sessions stay", async () => {
    const { ada, graceAccountId, bystanderAccountId } = await twoAccounts();
    expect(await raise({ email: "grace@example.com", type: "account-disabled" })).toMatchObject({ status: 202 });
    expect(await sessionAccounts()).toEqual([ada.accountId, graceAccountId, bystanderAccountId].sort());
    expect(await accountRow(graceAccountId)).toMatchObject({ reauthReason: "revoked", refresh_token: null });

    expect(await raise({ email: "ada@example.com", type: "account-disabled", reason: "hijacking" })).toMatchObject({ status: 202 });
    expect(await sessionAccounts()).toEqual([bystanderAccountId]);
    expect(await accountRow(ada.accountId)).toMatchObject({ reauthReason: "revoked", refresh_token: null });
  });

  it("account-credential-change-required asks for re-consent and keeps tokens and sessions", async () => {
    const { ada, graceAccountId, bystanderAccountId } = await twoAccounts();
    expect(await raise({ email: "ada@example.com", type: "account-credential-change-required" })).toMatchObject({ status: 202 });
    expect(await accountRow(ada.accountId)).toMatchObject({
      reauthReason: "credential_change_required",
      refresh_token: expect.any(String) as unknown,
    });
    expect(await sessionAccounts()).toEqual([ada.accountId, graceAccountId, bystanderAccountId].sort());
  });

  it("verification and account-enabled are acknowledged and change nothing but the jti record", async () => {
    await twoAccounts();
    const before = await snapshot();
    const verification = await raise({ type: "verification", state: "hello" });
    const enabled = await raise({ email: "ada@example.com", type: "account-enabled" });
    expect([verification.status, enabled.status]).toEqual([202, 202]);
    const after = await snapshot();
    expect({ ...after, securityEvents: [] }).toEqual({ ...before, securityEvents: [] });
    expect(after.securityEvents.map((e) => e.type).sort()).toEqual(["account-enabled", "verification"]);
  });
});
