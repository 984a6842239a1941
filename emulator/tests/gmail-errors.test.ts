import { describe, expect, it } from "vitest";
import { SEED_FIXTURES } from "../seed";
import { control, obtainTokens } from "../testing/control-client";
import { gmailClient, gmailWithToken } from "./gmail-helpers";
import { useEmulator } from "./harness";

const emulator = useEmulator();
const someId = SEED_FIXTURES.ada.special.emoji.id;

describe("Gmail errors arrive in Google's envelope", () => {
  it("401 for a bad token, with WWW-Authenticate", async () => {
    const client = gmailWithToken(emulator.url, "ya29.not-a-real-token");
    const error = await client.users.messages.list({ userId: "me" }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 401,
      response: {
        data: {
          error: {
            code: 401,
            message: expect.stringContaining("Request had invalid authentication credentials.") as unknown,
            errors: [
              { message: "Invalid Credentials", domain: "global", reason: "authError", location: "Authorization", locationType: "header" },
            ],
            status: "UNAUTHENTICATED",
          },
        },
      },
    });
    const raw = await fetch(`${emulator.url}/gmail/v1/users/me/profile`, { headers: { authorization: "Bearer ya29.nope" } });
    expect(raw.headers.get("www-authenticate")).toBe('Bearer realm="https://accounts.google.com/", error="invalid_token"');
    expect(raw.headers.get("content-type")).toBe("application/json; charset=UTF-8");
    const missing = await fetch(`${emulator.url}/gmail/v1/users/me/profile`);
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as { error: { errors: { reason: string }[] } }).error.errors[0]?.reason).toBe("required");
  });

  it("401 once the access token has expired or the grant was revoked", async () => {
    const client = await gmailClient(emulator.url);
    await client.users.getProfile({ userId: "me" });
    await control(emulator.url, "POST", "expire", {});
    await expect(client.users.getProfile({ userId: "me" })).rejects.toMatchObject({ status: 401 });
    const second = await gmailClient(emulator.url);
    await control(emulator.url, "POST", "revoke", { email: SEED_FIXTURES.accounts.ada.email });
    await expect(second.users.getProfile({ userId: "me" })).rejects.toMatchObject({ status: 401 });
  });

  it("403 insufficient scope without a Gmail scope, and gmail.readonly cannot modify", async () => {
    const noGmail = await gmailClient(emulator.url, { scope: "openid email profile" });
    await expect(noGmail.users.messages.list({ userId: "me" })).rejects.toMatchObject({
      status: 403,
      response: {
        data: {
          error: {
            code: 403,
            message: "Request had insufficient authentication scopes.",
            errors: [{ message: "Insufficient Permission", domain: "global", reason: "insufficientPermissions" }],
            status: "PERMISSION_DENIED",
            details: [
              {
                "@type": "type.googleapis.com/google.rpc.ErrorInfo",
                reason: "ACCESS_TOKEN_SCOPE_INSUFFICIENT",
                domain: "googleapis.com",
                metadata: { service: "gmail.googleapis.com", method: "caribou.api.proto.MailboxService.ListMessages" },
              },
            ],
          },
        },
      },
    });
    const readonly = await gmailClient(emulator.url);
    await expect(
      readonly.users.messages.modify({ userId: "me", id: someId, requestBody: { removeLabelIds: ["UNREAD"] } }),
    ).rejects.toMatchObject({
      status: 403,
      response: {
        data: {
          error: { status: "PERMISSION_DENIED", details: [{ metadata: { method: "caribou.api.proto.MailboxService.ModifyMessage" } }] },
        },
      },
    });
  });

  it("403 for gmail.metadata with q or format=full", async () => {
    const metadataOnly = await gmailClient(emulator.url, { scope: "openid https://www.googleapis.com/auth/gmail.metadata" });
    expect((await metadataOnly.users.messages.get({ userId: "me", id: someId, format: "metadata" })).status).toBe(200);
    await expect(metadataOnly.users.messages.list({ userId: "me", q: "is:unread" })).rejects.toMatchObject({ status: 403 });
    await expect(metadataOnly.users.messages.get({ userId: "me", id: someId, format: "full" })).rejects.toMatchObject({
      status: 403,
      response: { data: { error: { message: "Metadata scope doesn't allow format FULL" } } },
    });
  });

  it("404 for an unknown id, 400 for a malformed id, a forged pageToken, a bad label or format", async () => {
    const client = await gmailClient(emulator.url);
    const notFound = {
      status: 404,
      response: {
        data: {
          error: {
            code: 404,
            message: "Requested entity was not found.",
            errors: [{ reason: "notFound", domain: "global" }],
            status: "NOT_FOUND",
          },
        },
      },
    };
    await expect(client.users.messages.get({ userId: "me", id: "0123456789abcdef" })).rejects.toMatchObject(notFound);
    await expect(client.users.threads.get({ userId: "me", id: "0123456789abcdef" })).rejects.toMatchObject(notFound);
    await expect(client.users.messages.attachments.get({ userId: "me", messageId: someId, id: "ANGjdJnope" })).rejects.toMatchObject(
      notFound,
    );
    await expect(client.users.messages.get({ userId: "me", id: "not-an-id" })).rejects.toMatchObject({
      status: 400,
      response: { data: { error: { message: "Invalid id value", status: "INVALID_ARGUMENT", errors: [{ reason: "invalidArgument" }] } } },
    });
    await expect(client.users.messages.list({ userId: "me", pageToken: "12345678901234567890" })).rejects.toMatchObject({
      status: 400,
      response: { data: { error: { code: 400, message: "Invalid pageToken", status: "INVALID_ARGUMENT" } } },
    });
    await expect(client.users.messages.list({ userId: "me", pageToken: "forged" })).rejects.toMatchObject({ status: 400 });
    await expect(client.users.messages.list({ userId: "me", labelIds: ["Label_999"] })).rejects.toMatchObject({ status: 400 });
    await expect(client.users.messages.get({ userId: "me", id: someId, format: "html" })).rejects.toMatchObject({ status: 400 });
    // A page token is bound to its user and its list kind.
    const page = await client.users.threads.list({ userId: "me", maxResults: 5 });
    await expect(client.users.messages.list({ userId: "me", pageToken: page.data.nextPageToken ?? "" })).rejects.toMatchObject({
      status: 400,
    });
  });

  it("403 Delegation denied for another user's mailbox; the own address works as userId", async () => {
    const client = await gmailClient(emulator.url);
    await expect(client.users.getProfile({ userId: SEED_FIXTURES.accounts.grace.email })).rejects.toMatchObject({
      status: 403,
      response: {
        data: { error: { message: `Delegation denied for ${SEED_FIXTURES.accounts.grace.email}`, status: "PERMISSION_DENIED" } },
      },
    });
    expect((await client.users.getProfile({ userId: SEED_FIXTURES.accounts.ada.email })).data.emailAddress).toBe(
      SEED_FIXTURES.accounts.ada.email,
    );
  });

  it("each user sees only their own mailbox", async () => {
    const tokens = await obtainTokens(emulator.url, { email: SEED_FIXTURES.accounts.grace.email });
    const grace = gmailWithToken(emulator.url, tokens.access_token);
    expect((await grace.users.getProfile({ userId: "me" })).data.messagesTotal).toBe(SEED_FIXTURES.grace.messagesTotal);
    await expect(grace.users.messages.get({ userId: "me", id: someId })).rejects.toMatchObject({ status: 404 });
    const empty = gmailWithToken(
      emulator.url,
      (await obtainTokens(emulator.url, { email: SEED_FIXTURES.accounts.empty.email })).access_token,
    );
    expect((await empty.users.messages.list({ userId: "me" })).data).toEqual({ resultSizeEstimate: 0 });
  });
});
