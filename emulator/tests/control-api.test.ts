import { describe, expect, it } from "vitest";
import { SEED_FIXTURES } from "../seed";
import { authorizeUrl, control, obtainTokens } from "../testing/control-client";
import { allParts, decodeBase64Url, gmailWithToken, header } from "./gmail-helpers";
import { fetchManual, useEmulator } from "./harness";

const emulator = useEmulator();
const ada = SEED_FIXTURES.accounts.ada.email;

interface Stats {
  endpoints: Record<string, number>;
  grants: { authorization_code: number; refresh_token: number };
  peakConcurrent: number;
}

interface Logged {
  t: number;
  method: string;
  path: string;
  status: number;
  ms: number;
}

async function adaGmail() {
  return gmailWithToken(emulator.url, (await obtainTokens(emulator.url)).access_token);
}

describe("control API /__emulator/", () => {
  it("reports health and the seeded users", async () => {
    expect(await control(emulator.url, "GET", "health")).toEqual({ ok: true });
    const { users } = await control<{ users: { email: string; sub: string; messagesTotal: number }[] }>(emulator.url, "GET", "users");
    expect(users.map((u) => [u.email, u.messagesTotal])).toEqual([
      [ada, 240],
      [SEED_FIXTURES.accounts.grace.email, 30],
      [SEED_FIXTURES.accounts.empty.email, 0],
    ]);
    for (const user of users) expect(user.sub).toMatch(/^\d{21}$/);
  });

  it("lists a user's live grants, and a revoked grant no longer", async () => {
    type Grants = { grants: { clientId: string; scopes: string[]; liveRefreshTokens: number }[] };
    expect(await control<Grants>(emulator.url, "GET", `grants?email=${ada}`)).toEqual({ grants: [] });
    const tokens = await obtainTokens(emulator.url);
    const { grants } = await control<Grants>(emulator.url, "GET", `grants?email=${ada}`);
    expect(grants).toEqual([
      { clientId: "mailroom-dev.apps.googleusercontent.com", scopes: expect.arrayContaining(["openid"]) as unknown, liveRefreshTokens: 1 },
    ]);
    const revoked = await fetch(`${emulator.url}/revoke`, { method: "POST", body: new URLSearchParams({ token: tokens.refresh_token! }) });
    expect(revoked.status).toBe(200);
    expect(await control<Grants>(emulator.url, "GET", `grants?email=${ada}`)).toEqual({ grants: [] });
  });

  it("inserts raw messages (plain or base64url), parsed, threaded and recorded in history", async () => {
    const gmail = await adaGmail();
    const start = (await gmail.users.getProfile({ userId: "me" })).data.historyId ?? "";
    const raw = [
      "From: =?UTF-8?Q?Ren=C3=A9e?= <renee@example.com>",
      "To: ada@example.com",
      `Subject: Re: ${SEED_FIXTURES.ada.thread.subject}`,
      "Message-ID: <inserted-1@example.com>",
      "In-Reply-To: <thread-11@seed.example>",
      "Content-Type: text/plain; charset=UTF-8",
      "",
      "One more thing.",
      "",
    ].join("\r\n");
    const plain = await control<{ id: string; threadId: string }>(emulator.url, "POST", "messages", {
      email: ada,
      raw,
      internalDate: SEED_FIXTURES.ada.newestInternalDate + 1000,
    });
    expect(plain.id).toMatch(/^[0-9a-f]{16}$/);
    expect(plain.threadId).toBe(SEED_FIXTURES.ada.thread.id);
    const full = (await gmail.users.messages.get({ userId: "me", id: plain.id })).data;
    expect(header(full, "From")).toBe("Renée <renee@example.com>");
    expect(full.labelIds).toEqual(["INBOX", "UNREAD"]);
    expect(full.internalDate).toBe(String(SEED_FIXTURES.ada.newestInternalDate + 1000));
    const rawBack = (await gmail.users.messages.get({ userId: "me", id: plain.id, format: "raw" })).data.raw;
    expect(decodeBase64Url(rawBack).toString("utf8")).toBe(raw);
    const list = await gmail.users.messages.list({ userId: "me", maxResults: 1 });
    expect(list.data.messages?.[0]?.id).toBe(plain.id);

    const encoded = await control<{ id: string }>(emulator.url, "POST", "messages", {
      email: ada,
      raw: Buffer.from("Subject: encoded\r\n\r\nhello\r\n").toString("base64url"),
      labelIds: ["INBOX", "Label_3"],
    });
    const encodedMessage = (await gmail.users.messages.get({ userId: "me", id: encoded.id })).data;
    expect(header(encodedMessage, "Subject")).toBe("encoded");
    expect(decodeBase64Url(allParts(encodedMessage.payload)[0]?.body?.data).toString()).toBe("hello\r\n");

    const history = (await gmail.users.history.list({ userId: "me", startHistoryId: start, historyTypes: ["messageAdded"] })).data;
    expect(history.history?.map((h) => h.messagesAdded?.[0]?.message?.id)).toEqual([plain.id, encoded.id]);
    await expect(control(emulator.url, "POST", "messages", { email: ada, raw, labelIds: ["NOPE"] })).rejects.toThrow(/400/);
    await expect(control(emulator.url, "POST", "messages", { email: "nobody@example.com", raw })).rejects.toThrow(/404/);
  });

  it("adds users with generated or raw messages, and refuses duplicates", async () => {
    const added = await control<{ email: string; sub: string; messagesTotal: number }>(emulator.url, "POST", "users", {
      email: "new@example.com",
      name: "New Person",
      messages: 12,
      seed: 7,
    });
    expect(added).toMatchObject({ email: "new@example.com", messagesTotal: 12 });
    const tokens = await obtainTokens(emulator.url, { email: "new@example.com" });
    const gmail = gmailWithToken(emulator.url, tokens.access_token);
    expect((await gmail.users.messages.list({ userId: "me" })).data.messages).toHaveLength(12);
    const claims = JSON.parse(Buffer.from(tokens.id_token?.split(".")[1] ?? "", "base64url").toString()) as { sub: string; name: string };
    expect(claims).toMatchObject({ sub: added.sub, name: "New Person" });
    const withRaw = await control<{ messagesTotal: number }>(emulator.url, "POST", "users", {
      email: "raw@example.com",
      messages: [{ raw: "Subject: a\r\n\r\nb" }],
    });
    expect(withRaw.messagesTotal).toBe(1);
    await expect(control(emulator.url, "POST", "users", { email: ada })).rejects.toThrow(/409/);
    await expect(control(emulator.url, "POST", "users", { email: "not-an-email" })).rejects.toThrow(/400/);
  });

  it("registers clients with exact redirect URIs", async () => {
    await control(emulator.url, "POST", "clients", {
      client_id: "other.apps.googleusercontent.com",
      client_secret: "s",
      redirect_uris: ["http://localhost:5555/oauth/cb"],
    });
    const allowed = await fetchManual(
      authorizeUrl(emulator.url, {
        extra: { client_id: "other.apps.googleusercontent.com", redirect_uri: "http://localhost:5555/oauth/cb" },
      }),
    );
    expect(allowed.status).toBe(200);
    const other = await fetchManual(
      authorizeUrl(emulator.url, {
        extra: { client_id: "other.apps.googleusercontent.com", redirect_uri: "http://localhost:5556/oauth/cb" },
      }),
    );
    expect(other.text).toContain("Error 400: redirect_uri_mismatch");
  });

  it("turns the consent automation on and off", async () => {
    await control(emulator.url, "POST", "consent", { email: SEED_FIXTURES.accounts.grace.email });
    expect((await fetchManual(authorizeUrl(emulator.url))).status).toBe(302);
    await control(emulator.url, "POST", "consent", { autoApprove: false });
    expect((await fetchManual(authorizeUrl(emulator.url))).status).toBe(200);
  });

  it("applies faults by method and path prefix, for a count, with dropFields", async () => {
    const gmail = await adaGmail();
    await control(emulator.url, "POST", "faults", { match: { method: "POST", path: "/gmail/v1/" }, status: 500 });
    expect((await gmail.users.getProfile({ userId: "me" })).status).toBe(200);
    await control(emulator.url, "DELETE", "faults");
    await control(emulator.url, "POST", "faults", { match: { path: "/gmail/v1/users/me/messages" }, dropFields: ["nextPageToken"] });
    const listed = await gmail.users.messages.list({ userId: "me", maxResults: 5 });
    expect(listed.data.nextPageToken).toBeUndefined();
    expect(listed.data.messages).toHaveLength(5);
    await control(emulator.url, "DELETE", "faults");
    // googleapis retries a GET that fails with 503 (gaxios ignores Retry-After): count 2 means the third try works.
    await control(emulator.url, "POST", "faults", { match: { path: "/gmail/v1/users/me/profile" }, status: 503, count: 2, retryAfter: 1 });
    await control(emulator.url, "DELETE", "stats");
    expect((await gmail.users.getProfile({ userId: "me" })).status).toBe(200);
    const stats = await control<Stats>(emulator.url, "GET", "stats");
    expect(stats.endpoints["GET /gmail/v1/users/me/profile"]).toBe(3);
    const { faults } = await control<{ faults: { fired: number; remaining: number | null }[] }>(emulator.url, "GET", "faults");
    expect(faults[0]).toMatchObject({ fired: 2, remaining: 0 });
  });

  it("answers faults on OAuth endpoints in their own formats", async () => {
    await control(emulator.url, "POST", "faults", { match: { path: "/token" }, status: 503, count: 1 });
    const failed = await fetch(`${emulator.url}/token`, { method: "POST", body: new URLSearchParams({ grant_type: "refresh_token" }) });
    expect(failed.status).toBe(503);
    expect(await failed.json()).toMatchObject({ error: expect.any(String) as unknown, error_description: expect.any(String) as unknown });
    await control(emulator.url, "POST", "faults", { match: { path: "/o/oauth2/v2/auth" }, status: 500, count: 1 });
    const page = await fetchManual(authorizeUrl(emulator.url));
    expect(page.status).toBe(500);
    expect(page.text).toContain("<!doctype html>");
  });

  it("adds global latency, logs requests and measures peak concurrency", async () => {
    const gmail = await adaGmail();
    await control(emulator.url, "DELETE", "requests");
    await control(emulator.url, "DELETE", "stats");
    await control(emulator.url, "POST", "latency", { ms: 120 });
    const started = performance.now();
    await Promise.all(Array.from({ length: 8 }, () => gmail.users.messages.list({ userId: "me", maxResults: 3, q: "is:unread" })));
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);
    const stats = await control<Stats>(emulator.url, "GET", "stats");
    expect(stats.peakConcurrent).toBe(8);
    expect(stats.endpoints).toEqual({ "GET /gmail/v1/users/me/messages": 8 });
    const { requests } = await control<{ requests: Logged[] }>(emulator.url, "GET", "requests");
    expect(requests).toHaveLength(8);
    for (const entry of requests) {
      expect(entry).toMatchObject({ method: "GET", status: 200 });
      expect(entry.path).toMatch(/^\/gmail\/v1\/users\/me\/messages\?.*q=is%3Aunread/);
      expect(entry.ms).toBeGreaterThanOrEqual(115);
      expect(entry.t).toBeGreaterThan(Date.now() - 60_000);
    }
    await control(emulator.url, "DELETE", "requests");
    expect((await control<{ requests: Logged[] }>(emulator.url, "GET", "requests")).requests).toEqual([]);
  });

  it("resets the seed, tokens, faults, latency, logs and stats", async () => {
    const tokens = await obtainTokens(emulator.url, { scope: "openid https://www.googleapis.com/auth/gmail.modify" });
    const gmail = gmailWithToken(emulator.url, tokens.access_token);
    const id = SEED_FIXTURES.ada.special.hebrew.id;
    await gmail.users.messages.modify({ userId: "me", id, requestBody: { removeLabelIds: ["UNREAD"] } });
    await control(emulator.url, "POST", "faults", { match: { path: "/gmail/" }, status: 500 });
    await control(emulator.url, "POST", "latency", { ms: 50 });
    await control(emulator.url, "POST", "reset");
    await expect(gmail.users.getProfile({ userId: "me" })).rejects.toMatchObject({ status: 401 });
    expect(await control(emulator.url, "GET", "stats")).toEqual({
      endpoints: { "GET /gmail/v1/users/me/profile": 1 },
      grants: { authorization_code: 0, refresh_token: 0 },
      peakConcurrent: 1,
      quotaUnits: 1,
    });
    const fresh = gmailWithToken(emulator.url, (await obtainTokens(emulator.url)).access_token);
    expect((await fresh.users.messages.get({ userId: "me", id, format: "minimal" })).data.labelIds).toContain("UNREAD");
    const { requests } = await control<{ requests: Logged[] }>(emulator.url, "GET", "requests");
    // No added latency any more: the server took well under the 50 ms it was set to before the reset.
    expect(requests.at(-1)?.ms).toBeLessThan(50);
  });

  it("goes on with history ids after a reset, so a position from before it is too old, never a point of the new history", async () => {
    const gmail = gmailWithToken(
      emulator.url,
      (await obtainTokens(emulator.url, { scope: "openid https://www.googleapis.com/auth/gmail.modify" })).access_token,
    );
    await gmail.users.messages.modify({
      userId: "me",
      id: SEED_FIXTURES.ada.special.hebrew.id,
      requestBody: { removeLabelIds: ["UNREAD"] },
    });
    const before = Number((await gmail.users.getProfile({ userId: "me" })).data.historyId);
    await control(emulator.url, "POST", "reset");
    const fresh = await adaGmail();
    const after = Number((await fresh.users.getProfile({ userId: "me" })).data.historyId);
    expect(after).toBeGreaterThan(before);
    await expect(fresh.users.history.list({ userId: "me", startHistoryId: String(before) })).rejects.toMatchObject({ status: 404 });
    await control(emulator.url, "POST", "messages", {
      email: ada,
      raw: "From: bob@example.com\r\nSubject: After the reset\r\n\r\nNew.",
      labelIds: ["INBOX"],
    });
    const since = await fresh.users.history.list({ userId: "me", startHistoryId: String(after) });
    expect(since.data.history?.flatMap((record) => record.messagesAdded ?? [])).toHaveLength(1);
  });
});
