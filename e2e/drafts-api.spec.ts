import type { APIRequestContext, Page } from "@playwright/test";
import { expect, forgetEveryone, signIn, test } from "./fixtures";
import { grantModify } from "./grant-helpers";

// The drafts, uploads, send-as and contacts APIs over HTTP from the signed-in browser's request context: the
// shapes the composer builds on, and the envelope for every refusal.
test.beforeEach(forgetEveryone);
test.afterEach(forgetEveryone);

/** gmail.modify for ada: asked through the real flow, unless Google (the emulator) already holds the grant. */
async function withModify(page: Page): Promise<void> {
  await page.goto("/authorize?account=ada%40example.com&returnTo=%2Finbox");
  const ask = page.getByTestId("grant-continue");
  const already = page.getByText("Google already allows Mailroom");
  await expect(ask.or(already)).toBeVisible();
  if (await ask.isVisible()) await grantModify(page);
}

type Answer = { status: number; body: Record<string, unknown> & { error?: Record<string, unknown> } };

async function send(
  request: APIRequestContext,
  method: string,
  url: string,
  appUrl: string,
  data?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await request.fetch(url, {
    method,
    headers: { Origin: appUrl, ...(data === undefined ? {} : { "Content-Type": "application/json" }), ...headers },
    ...(data === undefined ? {} : { data: JSON.stringify(data) }),
    failOnStatusCode: false,
  });
  return { status: response.status(), body: (await response.json()) as Answer["body"] };
}

test("a draft's life over HTTP: upload, create, conflict, reopen, delete", async ({ page, appUrl }) => {
  await signIn(page);
  await withModify(page);

  const uploaded = await page.request.post("/api/uploads?account=ada@example.com", {
    headers: { Origin: appUrl, "Content-Type": "application/pdf", "X-Filename": encodeURIComponent("חשבונית.pdf") },
    data: Buffer.from("%PDF-1.4 hello"),
  });
  const upload = (await uploaded.json()) as { uploadId: string };
  expect(uploaded.status()).toBe(200);
  expect(upload).toEqual({ uploadId: upload.uploadId, filename: "חשבונית.pdf", size: 14, mimeType: "application/pdf" });

  const created = await send(page.request, "POST", "/api/drafts", appUrl, {
    to: ["Grace Hopper <grace@example.com>"],
    subject: "Invoice",
    html: "<p>Attached.</p>",
    attachments: [upload.uploadId],
  });
  expect(created.status).toBe(200);
  const draft = created.body as { id: string; messageId: string; threadId: string; version: string };
  expect(draft.version).toBe(draft.messageId);

  const updated = await send(page.request, "PUT", `/api/drafts/${draft.id}`, appUrl, {
    to: ["Grace Hopper <grace@example.com>"],
    subject: "Invoice",
    html: "<p>Attached, as promised.</p>",
    attachments: [upload.uploadId],
    version: draft.version,
  });
  expect(updated.status).toBe(200);
  const stale = await send(page.request, "PUT", `/api/drafts/${draft.id}`, appUrl, {
    to: [],
    subject: "Invoice",
    html: "",
    version: draft.version,
  });
  expect(stale).toEqual({
    status: 409,
    body: { error: { code: "draft_conflict", version: updated.body.version, message: expect.stringMatching(/another window/) as unknown } },
  });

  const reopened = await page.request.get(`/api/drafts/${draft.id}?account=ada@example.com`);
  expect(await reopened.json()).toMatchObject({
    id: draft.id,
    account: "ada@example.com",
    to: ["Grace Hopper <grace@example.com>"],
    cc: [],
    bcc: [],
    subject: "Invoice",
    html: "<p>Attached, as promised.</p>",
    attachments: [{ uploadId: upload.uploadId, filename: "חשבונית.pdf", size: 14, mimeType: "application/pdf" }],
    version: updated.body.version,
  });
  const listed = (await (await page.request.get("/api/drafts?account=ada@example.com")).json()) as {
    drafts: { id: string; subject: string }[];
  };
  expect(listed.drafts).toContainEqual(
    expect.objectContaining({ id: draft.id, subject: "Invoice", to: ["Grace Hopper <grace@example.com>"] }),
  );

  expect(await send(page.request, "DELETE", `/api/drafts/${draft.id}?account=ada@example.com`, appUrl)).toEqual({
    status: 200,
    body: { deleted: true },
  });
  expect((await page.request.get(`/api/drafts/${draft.id}`)).status()).toBe(404);
});

test("refuses bad input with the envelope", async ({ page, appUrl }) => {
  await signIn(page);
  await withModify(page);
  const draft = (fields: Record<string, unknown>) => ({ to: ["grace@example.com"], subject: "Hi", html: "<p>Hi</p>", ...fields });

  const invalid = await send(page.request, "POST", "/api/drafts", appUrl, draft({ to: ["grace@example.com", "nobody"], cc: ["x@y"] }));
  expect(invalid.status).toBe(400);
  expect(invalid.body.error).toMatchObject({ code: "bad_request", invalidRecipients: ["nobody", "x@y"] });

  const injected = await send(page.request, "POST", "/api/drafts", appUrl, draft({ subject: "Hi\r\nBcc: spy@evil.example" }));
  expect(injected.status).toBe(400);
  expect(injected.body.error).toMatchObject({
    code: "bad_request",
    message: expect.stringMatching(/subject may not contain line breaks/),
  });

  const tooMany = await send(
    page.request,
    "POST",
    "/api/drafts",
    appUrl,
    draft({ to: Array.from({ length: 101 }, (_, i) => `p${i}@example.com`) }),
  );
  expect(tooMany.status).toBe(400);

  const crossSite = await send(page.request, "POST", "/api/drafts", "https://evil.example", draft({}));
  expect(crossSite.status).toBe(403);
  expect(crossSite.body.error).toMatchObject({ code: "forbidden" });

  const unknownDraft = await send(page.request, "PUT", "/api/drafts/r-123456789", appUrl, draft({ version: "abc" }));
  expect(unknownDraft.status).toBe(404);
  expect(unknownDraft.body.error).toMatchObject({ code: "not_found" });

  const notAnUpload = await send(page.request, "POST", "/api/drafts", appUrl, draft({ attachments: ["0123456789abcdef01234567"] }));
  expect(notAnUpload.status).toBe(400);

  const oversize = await page.request.post("/api/uploads", {
    headers: { Origin: appUrl, "Content-Type": "application/octet-stream", "X-Filename": "big.bin" },
    data: Buffer.alloc(25 * 1024 * 1024 + 1),
    failOnStatusCode: false,
  });
  expect(oversize.status()).toBe(413);
  expect(((await oversize.json()) as Answer["body"]).error).toMatchObject({
    code: "attachment_too_large",
    message: expect.stringMatching(/25 MB/),
  });
});

test("asks for gmail.modify at the first save of a read-only account", async ({ page, appUrl }) => {
  // grace: Google holds only her read grant (ada's modify grant, given above, outlives the app's reset).
  await signIn(page, { email: "grace@example.com" });
  const answer = await send(page.request, "POST", "/api/drafts", appUrl, { to: ["ada@example.com"], subject: "Hi", html: "<p>Hi</p>" });
  expect(answer.status).toBe(403);
  expect(answer.body.error).toMatchObject({ code: "scope_required", authorizeUrl: expect.stringMatching(/^\/authorize/) });
});

test("send-as and contacts answer for the account", async ({ page }) => {
  await signIn(page);
  await withModify(page);
  const sendAs = (await (await page.request.get("/api/drafts/send-as?account=ada@example.com")).json()) as { sendAs: unknown[] };
  expect(Array.isArray(sendAs.sendAs)).toBe(true);
  const contacts = (await (await page.request.get("/api/contacts?account=ada@example.com&q=")).json()) as { contacts: { email: string }[] };
  expect(contacts.contacts.map((contact) => contact.email)).not.toContain("ada@example.com");
});
