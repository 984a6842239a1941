import { describe, expect, it } from "vitest";
import { sendBatch } from "../testing/batch-client";
import { control, GMAIL_MODIFY, obtainTokens } from "../testing/control-client";
import { gmailWithToken } from "./gmail-helpers";
import { useEmulator } from "./harness";

const emulator = useEmulator();

async function token(scope?: string): Promise<string> {
  return (await obtainTokens(emulator.url, scope ? { scope } : {})).access_token;
}

async function get(accessToken: string, path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${emulator.url}/gmail/v1/users/me/${path}`, { headers: { authorization: `Bearer ${accessToken}` } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function firstInboxIds(accessToken: string, count: number): Promise<{ id: string; threadId: string }[]> {
  const { body } = await get(accessToken, `messages?labelIds=INBOX&maxResults=${count}`);
  return body.messages as { id: string; threadId: string }[];
}

describe("partial responses: the fields parameter", () => {
  it("a comma list keeps only the named fields, and a/b names fields inside every element of a list", async () => {
    const accessToken = await token();
    const { status, body } = await get(accessToken, "messages?maxResults=3&fields=messages/id,nextPageToken");
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(["messages", "nextPageToken"]);
    const messages = body.messages as Record<string, unknown>[];
    expect(messages).toHaveLength(3);
    for (const message of messages) expect(Object.keys(message)).toEqual(["id"]);
  });

  it("sub-selections nest, and keep the order Gmail answers in", async () => {
    const accessToken = await token();
    const [first] = await firstInboxIds(accessToken, 1);
    const full = await get(accessToken, `threads/${first!.threadId}`);
    const fields = "id,messages(id,payload(mimeType,headers(name)))";
    const { body } = await get(accessToken, `threads/${first!.threadId}?fields=${encodeURIComponent(fields)}`);
    expect(Object.keys(body)).toEqual(["id", "messages"]);
    const fullMessages = full.body.messages as { id: string; payload: { mimeType: string; headers: { name: string }[] } }[];
    expect(body.messages).toEqual(
      fullMessages.map((message) => ({
        id: message.id,
        payload: { mimeType: message.payload.mimeType, headers: message.payload.headers.map((header) => ({ name: header.name })) },
      })),
    );
  });

  it("* selects every field at its level; a selection of fields that are absent leaves the object out", async () => {
    const accessToken = await token();
    const [first] = await firstInboxIds(accessToken, 1);
    const full = await get(accessToken, `messages/${first!.id}?format=metadata`);
    expect((await get(accessToken, `messages/${first!.id}?format=metadata&fields=*`)).body).toEqual(full.body);
    const list = await get(accessToken, "labels?fields=labels(*)");
    expect(list.body).toEqual((await get(accessToken, "labels")).body);
    // A metadata answer has no body data: asking only for it leaves payload out entirely.
    const onlyData = await get(accessToken, `messages/${first!.id}?format=metadata&fields=id,payload/body/data`);
    expect(onlyData.body).toEqual({ id: first!.id });
  });

  it("the official @googleapis/gmail client's fields option gets exactly what it asked for", async () => {
    const client = gmailWithToken(emulator.url, await token());
    const { data } = await client.users.messages.list({ userId: "me", maxResults: 4, fields: "messages(id),resultSizeEstimate" });
    expect(Object.keys(data).sort()).toEqual(["messages", "resultSizeEstimate"]);
    expect(data.messages?.map((message) => Object.keys(message))).toEqual([["id"], ["id"], ["id"], ["id"]]);
    const labels = await client.users.labels.list({ userId: "me", fields: "labels(id,name)" });
    expect(labels.data.labels?.length).toBeGreaterThan(0);
    for (const label of labels.data.labels ?? []) expect(Object.keys(label).sort()).toEqual(["id", "name"]);
    const profile = await client.users.getProfile({ userId: "me", fields: "emailAddress" });
    expect(profile.data).toEqual({ emailAddress: "ada@example.com" });
  });

  it("applies to each batch part by its own query string", async () => {
    const accessToken = await token();
    const ids = await firstInboxIds(accessToken, 3);
    const batch = await sendBatch(
      emulator.url,
      accessToken,
      ids.map(({ id }) => ({ method: "GET", path: `/gmail/v1/users/me/messages/${id}?format=metadata&fields=id,labelIds` })),
    );
    expect(batch.parts.map((part) => part.status)).toEqual([200, 200, 200]);
    batch.parts.forEach((part, i) => {
      expect(Object.keys(part.body as object)).toEqual(["id", "labelIds"]);
      expect(part.body).toMatchObject({ id: ids[i]!.id });
    });
  });

  it.each([
    ["an unbalanced parenthesis", "messages(id"],
    ["a stray closing parenthesis", "messages)"],
    ["an empty name", "messages,,nextPageToken"],
    ["a name Gmail does not have", "messages/id,nosuchfield"],
    ["an empty sub-selection", "messages()"],
  ])("%s is refused with Google's 400 before the method runs", async (_case, fields) => {
    const accessToken = await token();
    const { status, body } = await get(accessToken, `messages?fields=${encodeURIComponent(fields)}`);
    expect(status).toBe(400);
    expect(body).toEqual({
      error: {
        code: 400,
        message: `Invalid field selection ${fields}`,
        errors: [
          {
            message: `Invalid field selection ${fields}`,
            domain: "global",
            reason: "invalidParameter",
            location: "fields",
            locationType: "parameter",
          },
        ],
        status: "INVALID_ARGUMENT",
      },
    });
  });

  it("a change asked for with an invalid fields value is refused and changes nothing; the client sees the 400", async () => {
    const accessToken = await token(`openid ${GMAIL_MODIFY}`);
    const [first] = await firstInboxIds(accessToken, 1);
    const before = await get(accessToken, `messages/${first!.id}?format=minimal`);
    const client = gmailWithToken(emulator.url, accessToken);
    const refused = await client.users.messages
      .modify({ userId: "me", id: first!.id, fields: "labelIds(", requestBody: { addLabelIds: ["STARRED"] } })
      .then(
        () => undefined,
        (error: unknown) => error as { status?: number; message?: string },
      );
    expect(refused?.status).toBe(400);
    expect(refused?.message).toBe("Invalid field selection labelIds(");
    expect((await get(accessToken, `messages/${first!.id}?format=minimal`)).body.labelIds).toEqual(before.body.labelIds);
    const stats = await control<{ endpoints: Record<string, number> }>(emulator.url, "GET", "stats");
    expect(stats.endpoints["POST /gmail/v1/users/me/messages/{id}/modify"]).toBe(1);
  });

  it("errors keep their whole envelope whatever fields asks for", async () => {
    const accessToken = await token();
    const { status, body } = await get(accessToken, "messages/0000000000000000?fields=id");
    expect(status).toBe(404);
    expect(body).toMatchObject({ error: { code: 404, message: "Requested entity was not found.", status: "NOT_FOUND" } });
  });
});

describe("the batch path of Gmail's discovery document", () => {
  it("POST /batch answers exactly as /batch/gmail/v1", async () => {
    const accessToken = await token();
    const ids = await firstInboxIds(accessToken, 3);
    const parts = [
      ...ids.map(({ id }) => ({ method: "GET", path: `/gmail/v1/users/me/messages/${id}?format=metadata&metadataHeaders=Subject` })),
      { method: "GET", path: "/gmail/v1/users/me/messages/0000000000000000" },
    ];
    const documented = await sendBatch(emulator.url, accessToken, parts);
    const discovered = await sendBatch(emulator.url, accessToken, parts, "/batch");
    expect(discovered.status).toBe(200);
    expect(discovered.parts.map((part) => part.status)).toEqual([200, 200, 200, 404]);
    expect(discovered.parts).toEqual(documented.parts);
  });
});
