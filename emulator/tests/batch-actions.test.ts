import { describe, expect, it } from "vitest";
import { sendBatch } from "../testing/batch-client";
import { control, GMAIL_MODIFY, obtainTokens } from "../testing/control-client";
import { gmailWithToken } from "./gmail-helpers";
import { useEmulator } from "./harness";

const emulator = useEmulator();

interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  parts?: { method: string; path: string; status: number }[];
}

/** A modify-scoped token and the first `count` inbox conversations. */
async function setUp(count: number): Promise<{ token: string; threads: string[] }> {
  const { access_token: token } = await obtainTokens(emulator.url, { scope: `openid ${GMAIL_MODIFY}` });
  const { data } = await gmailWithToken(emulator.url, token).users.threads.list({ userId: "me", labelIds: ["INBOX"], maxResults: count });
  return { token, threads: (data.threads ?? []).map((t) => t.id ?? "") };
}

async function inboxThreads(token: string): Promise<string[]> {
  const { data } = await gmailWithToken(emulator.url, token).users.threads.list({ userId: "me", labelIds: ["INBOX"], maxResults: 500 });
  return (data.threads ?? []).map((t) => t.id ?? "");
}

describe("batch of thread actions (POST parts with JSON bodies)", () => {
  it("archives and trashes conversations in one round trip, each part answering its Thread", async () => {
    const { token, threads } = await setUp(6);
    const [archive, trash] = [threads.slice(0, 4), threads.slice(4)];
    const batch = await sendBatch(emulator.url, token, [
      ...archive.map((id) => ({ method: "POST", path: `/gmail/v1/users/me/threads/${id}/modify`, body: { removeLabelIds: ["INBOX"] } })),
      ...trash.map((id) => ({ method: "POST", path: `/gmail/v1/users/me/threads/${id}/trash` })),
    ]);
    expect(batch.status).toBe(200);
    expect(batch.parts.map((p) => p.status)).toEqual([200, 200, 200, 200, 200, 200]);
    batch.parts.forEach((part, i) => expect(part.body).toMatchObject({ id: threads[i], messages: expect.any(Array) as unknown }));
    const remaining = await inboxThreads(token);
    for (const id of threads) expect(remaining).not.toContain(id);

    const log = await control<{ requests: LoggedRequest[] }>(emulator.url, "GET", "requests");
    const logged = log.requests.find((r) => r.path === "/batch/gmail/v1");
    expect(logged?.parts).toEqual([
      ...archive.map((id) => ({ method: "POST", path: `/gmail/v1/users/me/threads/${id}/modify`, status: 200 })),
      ...trash.map((id) => ({ method: "POST", path: `/gmail/v1/users/me/threads/${id}/trash`, status: 200 })),
    ]);
    const stats = await control<{ endpoints: Record<string, number> }>(emulator.url, "GET", "stats");
    expect(stats.endpoints["POST /gmail/v1/users/me/threads/{id}/modify"]).toBe(4);
    expect(stats.endpoints["POST /gmail/v1/users/me/threads/{id}/trash"]).toBe(2);
  });

  it("faults hit the matching POST parts only; a failed part changes nothing", async () => {
    const { token, threads } = await setUp(5);
    await control(emulator.url, "POST", "faults", {
      match: { method: "POST", path: "/gmail/v1/users/me/threads/" },
      status: 429,
      count: 2,
    });
    const batch = await sendBatch(
      emulator.url,
      token,
      threads.map((id) => ({ method: "POST", path: `/gmail/v1/users/me/threads/${id}/modify`, body: { removeLabelIds: ["INBOX"] } })),
    );
    expect(batch.parts.map((p) => p.status)).toEqual([429, 429, 200, 200, 200]);
    expect(batch.parts[0]?.body).toMatchObject({ error: { code: 429, errors: [{ reason: "rateLimitExceeded" }] } });
    const remaining = await inboxThreads(token);
    expect(threads.filter((id) => remaining.includes(id))).toEqual(threads.slice(0, 2));
  });

  it("reads a part body framed by Content-Length, and answers 400 for a body that is not JSON", async () => {
    const { token, threads } = await setUp(1);
    const json = JSON.stringify({ addLabelIds: ["STARRED"] });
    const part = (id: string, body: string) =>
      [
        "--frame",
        "Content-Type: application/http",
        `Content-ID: <${id}>`,
        "",
        `POST /gmail/v1/users/me/threads/${threads[0] ?? ""}/modify HTTP/1.1`,
        "Content-Type: application/json; charset=UTF-8",
        `Content-Length: ${Buffer.byteLength(body)}`,
        "",
        body,
      ].join("\r\n");
    const response = await fetch(`${emulator.url}/batch/gmail/v1`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "multipart/mixed; boundary=frame" },
      body: `${part("a", json)}\r\n${part("b", "{not json")}\r\n--frame--\r\n`,
    });
    const text = await response.text();
    expect(response.status).toBe(200);
    expect([...text.matchAll(/HTTP\/1\.1 (\d+)/g)].map((m) => m[1])).toEqual(["200", "400"]);
    const thread = await gmailWithToken(emulator.url, token).users.threads.get({ userId: "me", id: threads[0] ?? "", format: "minimal" });
    expect(thread.data.messages?.every((m) => m.labelIds?.includes("STARRED"))).toBe(true);
  });
});
