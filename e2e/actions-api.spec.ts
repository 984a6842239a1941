import { type APIRequestContext } from "@playwright/test";
import { obtainTokens } from "../emulator/testing/control-client";
import { type Emulator, expect, forgetEveryone, signIn, test } from "./fixtures";
import { type ApiAnswer, changeRequests, gmailLog, grantModify, withoutLiveSync } from "./grant-helpers";

// POST /api/actions from outside the page: every bad input is refused with the JSON envelope before anything
// changes at Gmail. Requests go through the signed-in browser's request context (its cookies), with the
// headers each case needs.
test.beforeEach(forgetEveryone);
test.afterEach(forgetEveryone);

async function post(request: APIRequestContext, appUrl: string, data: unknown, headers: Record<string, string> = {}): Promise<ApiAnswer> {
  const response = await request.post("/api/actions", {
    headers: { Origin: appUrl, "Content-Type": "application/json", ...headers },
    data: typeof data === "string" ? data : JSON.stringify(data),
    failOnStatusCode: false,
  });
  return { status: response.status(), body: (await response.json()) as ApiAnswer["body"] };
}

/** Ids of another person's mailbox, asked of Gmail with her own token (automation switched off again). */
async function idsOfGrace(emulator: Emulator): Promise<{ threads: string[]; messages: string[] }> {
  const tokens = await obtainTokens(emulator.url, { email: "grace@example.com" });
  await emulator.control("POST", "consent", { autoApprove: false });
  const list = async (kind: string) => {
    const response = await fetch(`${emulator.url}/gmail/v1/users/me/${kind}?maxResults=3`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    return ((await response.json()) as Record<string, { id: string }[]>)[kind]!.map((item) => item.id);
  };
  return { threads: await list("threads"), messages: await list("messages") };
}

test("applies an action for a signed-in user with the permission, in one Gmail request", async ({ page, appUrl, emulator }) => {
  await signIn(page);
  await grantModify(page);
  const messageId = await page.getByTestId("message-row").first().getAttribute("data-message-id");
  const { threadId } = (await (await page.request.get(`/api/messages/${messageId}`)).json()) as { threadId: string };

  for (const [ids, kind] of [
    [{ threadIds: [threadId] }, "threads"],
    [{ messageIds: [messageId] }, "messages"],
  ] as const) {
    await emulator.control("DELETE", "requests");
    const answer = await post(page.request, appUrl, { action: "star", ...ids });
    expect(answer).toEqual({ status: 200, body: { applied: 1, failed: [] } });
    const log = withoutLiveSync(await gmailLog(emulator));
    expect(log.map((request) => `${request.method} ${request.path}`)).toEqual(["POST /batch/gmail/v1"]);
    const id = kind === "threads" ? threadId : messageId;
    expect(log[0]!.parts).toEqual([{ method: "POST", path: `/gmail/v1/users/me/${kind}/${id}/modify`, status: 200 }]);
  }
});

test("refuses every bad input with a 4xx envelope, and nothing changes at Gmail", async ({ page, appUrl, emulator, browser }) => {
  await signIn(page);
  await grantModify(page);
  const grace = await idsOfGrace(emulator);
  const mine = "18c0a1b2c3d4e5f6";
  const many = Array.from({ length: 1001 }, (_, i) => i.toString(16).padStart(16, "0"));

  const cases: { name: string; status: number; code: string; send: () => Promise<ApiAnswer> }[] = [
    {
      name: "unknown action",
      status: 400,
      code: "bad_request",
      send: () => post(page.request, appUrl, { action: "delete", threadIds: [mine] }),
    },
    { name: "no ids", status: 400, code: "bad_request", send: () => post(page.request, appUrl, { action: "archive" }) },
    {
      name: "both kinds of ids",
      status: 400,
      code: "bad_request",
      send: () => post(page.request, appUrl, { action: "archive", threadIds: [mine], messageIds: [mine] }),
    },
    {
      name: "malformed ids",
      status: 400,
      code: "bad_request",
      send: () => post(page.request, appUrl, { action: "archive", threadIds: ["../labels"] }),
    },
    { name: "1001 ids", status: 400, code: "bad_request", send: () => post(page.request, appUrl, { action: "archive", messageIds: many }) },
    {
      name: "missing label",
      status: 400,
      code: "bad_request",
      send: () => post(page.request, appUrl, { action: "addLabel", threadIds: [mine] }),
    },
    {
      name: "label on an action that takes none",
      status: 400,
      code: "bad_request",
      send: () => post(page.request, appUrl, { action: "archive", threadIds: [mine], labelId: "STARRED" }),
    },
    {
      name: "a label the account does not have",
      status: 400,
      code: "bad_request",
      send: () => post(page.request, appUrl, { action: "addLabel", threadIds: [mine], labelId: "Label_987654" }),
    },
    {
      name: "a label Gmail sets itself",
      status: 400,
      code: "bad_request",
      send: () => post(page.request, appUrl, { action: "removeLabel", threadIds: [mine], labelId: "SENT" }),
    },
    {
      name: "an account that is not one of mine",
      status: 400,
      code: "bad_request",
      send: () => post(page.request, appUrl, { account: "grace@example.com", action: "archive", threadIds: grace.threads }),
    },
    {
      name: "another person's conversations",
      status: 404,
      code: "not_found",
      send: () => post(page.request, appUrl, { action: "trash", threadIds: grace.threads }),
    },
    {
      name: "another person's messages",
      status: 404,
      code: "not_found",
      send: () => post(page.request, appUrl, { action: "archive", messageIds: grace.messages }),
    },
    {
      name: "a cross-site POST",
      status: 403,
      code: "forbidden",
      send: () => post(page.request, appUrl, { action: "archive", threadIds: [mine] }, { Origin: "https://evil.example" }),
    },
    {
      name: "a cross-site POST the browser marked",
      status: 403,
      code: "forbidden",
      send: () => post(page.request, appUrl, { action: "archive", threadIds: [mine] }, { "Sec-Fetch-Site": "cross-site" }),
    },
    {
      name: "a POST without Origin",
      status: 403,
      code: "forbidden",
      send: async () => {
        const response = await page.request.post("/api/actions", {
          headers: { "Content-Type": "application/json" },
          data: JSON.stringify({ action: "archive", threadIds: [mine] }),
          failOnStatusCode: false,
        });
        return { status: response.status(), body: (await response.json()) as ApiAnswer["body"] };
      },
    },
    {
      name: "a form-encoded body",
      status: 415,
      code: "unsupported_media_type",
      send: () => post(page.request, appUrl, `action=archive&threadIds=${mine}`, { "Content-Type": "application/x-www-form-urlencoded" }),
    },
    {
      name: "JSON sent as text/plain",
      status: 415,
      code: "unsupported_media_type",
      send: () => post(page.request, appUrl, { action: "archive", threadIds: [mine] }, { "Content-Type": "text/plain" }),
    },
    {
      name: "an oversized body",
      status: 413,
      // Refused at the edge (scripts/lib/body-limit.ts), before the route reads it.
      code: "payload_too_large",
      send: () => post(page.request, appUrl, { action: "archive", messageIds: [...many, ...many, ...many, ...many] }),
    },
    { name: "broken JSON", status: 400, code: "bad_request", send: () => post(page.request, appUrl, '{"action": "archive", ') },
    {
      name: "nobody signed in",
      status: 401,
      code: "unauthenticated",
      send: async () => {
        const stranger = await browser.newContext({ baseURL: appUrl });
        try {
          return await post(stranger.request, appUrl, { action: "archive", threadIds: [mine] });
        } finally {
          await stranger.close();
        }
      },
    },
  ];

  for (const { name, status, code, send } of cases) {
    await emulator.control("DELETE", "requests");
    const answer = await send();
    expect(answer.status, name).toBe(status);
    expect(answer.body.error, name).toMatchObject({ code, message: expect.any(String) });
    expect(JSON.stringify(answer.body), name).not.toMatch(/ya29|Bearer|at \w+ \(/);
    // Nothing changed at Gmail: no change reached it, except the ids of another mailbox, which Gmail refused.
    const changes = await changeRequests(emulator);
    if (code === "not_found") {
      expect(changes.length, name).toBeGreaterThan(0);
      expect(
        changes.every((request) => request.status === 404),
        name,
      ).toBe(true);
    } else {
      expect(changes, name).toEqual([]);
    }
  }
});

test("answers other methods with the JSON envelope", async ({ page, appUrl }) => {
  await signIn(page);
  const response = await page.request.get("/api/actions", { headers: { Origin: appUrl }, failOnStatusCode: false });
  expect(response.status()).toBe(405);
  expect(((await response.json()) as ApiAnswer["body"]).error?.code).toBe("method_not_allowed");
});
