import { describe, expect, it } from "vitest";
import { SEED_FIXTURES } from "../seed";
import { type BatchRequestPart, sendBatch } from "../testing/batch-client";
import { control, GMAIL_MODIFY, obtainTokens } from "../testing/control-client";
import { useEmulator } from "./harness";

const emulator = useEmulator();

async function inboxPage(token: string, size = 50): Promise<string[]> {
  const response = await fetch(`${emulator.url}/gmail/v1/users/me/messages?labelIds=INBOX&maxResults=${size}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return ((await response.json()) as { messages: { id: string }[] }).messages.map((m) => m.id);
}

const metadataGet = (id: string): BatchRequestPart => ({
  method: "GET",
  path: `/gmail/v1/users/me/messages/${id}?format=metadata&metadataHeaders=Subject&metadataHeaders=From`,
});

interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  ms: number;
  parts?: { method: string; path: string; status: number }[];
}

describe("batch endpoint /batch/gmail/v1", () => {
  it("answers a batch of 50 metadata gets with 50 parts in request order", async () => {
    const { access_token: token } = await obtainTokens(emulator.url);
    const ids = await inboxPage(token);
    const batch = await sendBatch(emulator.url, token, ids.map(metadataGet));
    expect(batch.status).toBe(200);
    expect(batch.parts).toHaveLength(50);
    batch.parts.forEach((part, i) => {
      expect(part.contentId).toBe(`<response-item${i + 1}>`);
      expect(part.status).toBe(200);
      expect(part.headers["content-type"]).toBe("application/json; charset=UTF-8");
      expect(part.body).toMatchObject({ id: ids[i], payload: { headers: expect.any(Array) as unknown } });
    });
    const stats = await control<{ endpoints: Record<string, number> }>(emulator.url, "GET", "stats");
    expect(stats.endpoints["POST /batch/gmail/v1"]).toBe(1);
    expect(stats.endpoints["GET /gmail/v1/users/me/messages/{id}"]).toBe(50);
  });

  it("with a fault on 30% of parts, exactly those parts carry 429 and Retry-After, reproducibly", async () => {
    const { access_token: token } = await obtainTokens(emulator.url);
    const ids = await inboxPage(token);
    const fault = { match: { method: "GET", path: "/gmail/v1/users/me/messages/" }, status: 429, rate: 0.3, retryAfter: 7 };
    await control(emulator.url, "POST", "faults", fault);
    const batch = await sendBatch(emulator.url, token, ids.map(metadataGet));
    expect(batch.status).toBe(200);
    const failed = batch.parts.flatMap((part, i) => (part.status === 429 ? [i] : []));
    expect(failed.length).toBeGreaterThanOrEqual(5);
    expect(failed.length).toBeLessThanOrEqual(25);
    for (const [i, part] of batch.parts.entries()) {
      if (failed.includes(i)) {
        expect(part.headers["retry-after"]).toBe("7");
        expect(part.body).toMatchObject({
          error: { code: 429, status: "RESOURCE_EXHAUSTED", errors: [{ reason: "rateLimitExceeded", domain: "usageLimits" }] },
        });
      } else {
        expect(part.status).toBe(200);
        expect(part.headers["retry-after"]).toBeUndefined();
        expect(part.body).toMatchObject({ id: ids[i] });
      }
    }
    const log = await control<{ requests: LoggedRequest[] }>(emulator.url, "GET", "requests");
    const logged = log.requests.find((r) => r.path === "/batch/gmail/v1");
    expect(logged?.parts?.map((p) => p.status)).toEqual(batch.parts.map((p) => p.status));
    expect(logged?.parts?.[0]?.path).toBe(
      `/gmail/v1/users/me/messages/${ids[0] ?? ""}?format=metadata&metadataHeaders=Subject&metadataHeaders=From`,
    );

    // The same sequence after a reset fails the same parts.
    await control(emulator.url, "POST", "reset");
    const again = await obtainTokens(emulator.url);
    await control(emulator.url, "POST", "faults", fault);
    const replay = await sendBatch(emulator.url, again.access_token, ids.map(metadataGet));
    expect(replay.parts.flatMap((part, i) => (part.status === 429 ? [i] : []))).toEqual(failed);
  });

  it("fires a counted fault on the first parts only, and delays parts in parallel", async () => {
    const { access_token: token } = await obtainTokens(emulator.url);
    const ids = await inboxPage(token, 10);
    await control(emulator.url, "POST", "faults", { match: { path: "/gmail/v1/users/me/messages/" }, status: 503, count: 3 });
    const batch = await sendBatch(emulator.url, token, ids.map(metadataGet));
    expect(batch.parts.map((p) => p.status)).toEqual([503, 503, 503, 200, 200, 200, 200, 200, 200, 200]);
    await control(emulator.url, "DELETE", "faults");
    await control(emulator.url, "POST", "faults", { match: { path: "/gmail/v1/" }, latencyMs: 150 });
    await control(emulator.url, "DELETE", "requests");
    const slow = await sendBatch(emulator.url, token, ids.map(metadataGet));
    expect(slow.parts.every((p) => p.status === 200)).toBe(true);
    // Each part waits 150 ms; served one after another they could not finish in less than parts × 150 ms. The
    // emulator's own log of the batch says it served them side by side, as Google does.
    const [logged] = (await control<{ requests: LoggedRequest[] }>(emulator.url, "GET", "requests")).requests;
    expect(logged?.ms).toBeGreaterThanOrEqual(145);
    expect(logged?.ms).toBeLessThan(ids.length * 150);
  });

  it("authenticates each part, allows writes, 404s unknown ids and accepts full URLs", async () => {
    const { access_token: token } = await obtainTokens(emulator.url, { scope: `openid ${GMAIL_MODIFY}` });
    const id = SEED_FIXTURES.ada.special.htmlWithScript.id;
    const batch = await sendBatch(emulator.url, token, [
      { method: "POST", path: `/gmail/v1/users/me/messages/${id}/modify`, body: { removeLabelIds: ["UNREAD"] } },
      { method: "GET", path: "/gmail/v1/users/me/messages/0123456789abcdef" },
      { method: "GET", path: `${emulator.url}/gmail/v1/users/me/messages/${id}?format=minimal` },
      { method: "GET", path: "/gmail/v1/users/me/profile", headers: { Authorization: "Bearer ya29.bad" } },
      { method: "GET", path: "/drive/v3/files" },
    ]);
    expect(batch.parts.map((p) => p.status)).toEqual([200, 404, 200, 401, 404]);
    expect(batch.parts[0]?.body).toMatchObject({ id, labelIds: expect.not.arrayContaining(["UNREAD"]) as unknown });
    expect(batch.parts[1]?.body).toMatchObject({ error: { code: 404, status: "NOT_FOUND" } });
    expect(batch.parts[2]?.body).toMatchObject({ id, labelIds: expect.not.arrayContaining(["UNREAD"]) as unknown });
    expect(batch.parts[3]?.headers["www-authenticate"]).toContain("invalid_token");

    const unauthenticated = await sendBatch(emulator.url, "ya29.bad", [metadataGet(id), metadataGet(id)]);
    expect(unauthenticated.status).toBe(200);
    expect(unauthenticated.parts.map((p) => p.status)).toEqual([401, 401]);
  });

  it("refuses more than 100 parts and bodies that are not multipart", async () => {
    const { access_token: token } = await obtainTokens(emulator.url);
    const tooMany = await sendBatch(
      emulator.url,
      token,
      Array.from({ length: 101 }, () => metadataGet(SEED_FIXTURES.ada.special.emoji.id)),
    );
    expect(tooMany.status).toBe(400);
    const hundred = await sendBatch(
      emulator.url,
      token,
      Array.from({ length: 100 }, () => metadataGet(SEED_FIXTURES.ada.special.emoji.id)),
    );
    expect(hundred.parts).toHaveLength(100);
    const notMultipart = await fetch(`${emulator.url}/batch/gmail/v1`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(notMultipart.status).toBe(400);
    expect(((await notMultipart.json()) as { error: { status: string } }).error.status).toBe("INVALID_ARGUMENT");
  });

  it("generates a response- Content-ID for parts without one", async () => {
    const { access_token: token } = await obtainTokens(emulator.url);
    const body = `--b\r\nContent-Type: application/http\r\n\r\nGET /gmail/v1/users/me/profile\r\n--b--\r\n`;
    const response = await fetch(`${emulator.url}/batch/gmail/v1`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "multipart/mixed; boundary=b" },
      body,
    });
    const text = await response.text();
    expect(text).toMatch(/Content-ID: <response-[^>]+>/);
    expect(text).toContain("HTTP/1.1 200 OK");
    expect(text.endsWith("--\r\n")).toBe(true);
  });
});
