import { describe, expect, it } from "vitest";
import { gmailMethodName } from "./gmail-calls";
import { routeLabel } from "./route-label";

describe("gmailMethodName", () => {
  const root = "https://gmail.googleapis.com";
  it.each([
    ["GET", "/gmail/v1/users/me/messages?maxResults=25", "messages.list"],
    ["GET", "/gmail/v1/users/me/messages/18c0ffee?format=metadata", "messages.get"],
    ["POST", "/gmail/v1/users/me/messages/18c0ffee/modify", "messages.modify"],
    ["POST", "/gmail/v1/users/me/messages/batchModify", "messages.batchModify"],
    ["GET", "/gmail/v1/users/me/messages/18c0ffee/attachments/ANGjdJ", "messages.attachments.get"],
    ["GET", "/gmail/v1/users/ada%40example.com/threads", "threads.list"],
    ["GET", "/gmail/v1/users/me/threads/t1?format=metadata", "threads.get"],
    ["POST", "/gmail/v1/users/me/threads/t1/trash", "threads.trash"],
    ["GET", "/gmail/v1/users/me/history?startHistoryId=1", "history.list"],
    ["POST", "/gmail/v1/users/me/watch", "watch"],
    ["POST", "/gmail/v1/users/me/stop", "stop"],
    ["GET", "/gmail/v1/users/me/profile", "getProfile"],
    ["GET", "/gmail/v1/users/me/labels", "labels.list"],
    ["POST", "/batch/gmail/v1", "batch"],
    ["GET", "/oauth2/v3/certs", "other"],
  ])("%s %s is %s", (method, path, name) => {
    expect(gmailMethodName(method, `${root}${path}`)).toBe(name);
  });

  it("names a batch part by its own path", () => {
    expect(gmailMethodName("GET", "/gmail/v1/users/me/threads/abc?format=metadata")).toBe("threads.get");
  });
});

describe("routeLabel", () => {
  it.each([
    ["/", "/"],
    ["/inbox?label=INBOX&q=secret", "/inbox"],
    ["/inbox/18c0ffee", "/inbox/:id"],
    ["/api/messages/18c0ffee", "/api/messages/:id"],
    ["/api/messages/18c0ffee/attachments/ANGj", "/api/messages/:id/attachments/:id"],
    ["/api/auth/callback/google?code=4/0abc", "/api/auth/callback/google"],
    ["/api/events?account=ada@example.com", "/api/events"],
    ["/api/google/push", "/api/google/push"],
    ["/api/send", "/api/send"],
    ["/api/scheduled/cmxc7q9xx001jtu7dn4kcs5v2", "/api/scheduled/:id"],
    ["/api/made-up/path", "/api/:unknown"],
    ["/_next/static/chunks/abc.js", "/_next"],
    ["/wp-login.php", "other"],
  ])("%s → %s", (path, label) => {
    expect(routeLabel(path)).toBe(label);
  });
});
