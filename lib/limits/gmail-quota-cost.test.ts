import { describe, expect, it } from "vitest";
import { gmailBatchUnits, gmailCallUnits } from "./gmail-quota-cost";

describe("gmailCallUnits", () => {
  it("prices each call the way Gmail's quota table does, from a full URL or a batch part's path", () => {
    const base = "https://gmail.googleapis.com/gmail/v1/users/me";
    expect(gmailCallUnits("GET", `${base}/profile`)).toBe(1);
    expect(gmailCallUnits("GET", `${base}/labels`)).toBe(1);
    expect(gmailCallUnits("GET", `${base}/history?startHistoryId=5`)).toBe(2);
    expect(gmailCallUnits("GET", `${base}/messages?labelIds=INBOX`)).toBe(5);
    expect(gmailCallUnits("get", "/gmail/v1/users/me/messages/18c2ab?format=metadata")).toBe(5);
    expect(gmailCallUnits("GET", `${base}/messages/18c2ab/attachments/ANGj`)).toBe(5);
    expect(gmailCallUnits("GET", `${base}/threads`)).toBe(10);
    expect(gmailCallUnits("GET", "/gmail/v1/users/ada%40example.com/threads/18c2ab?format=full")).toBe(10);
    expect(gmailCallUnits("POST", "/gmail/v1/users/me/messages/18c2ab/modify")).toBe(5);
    expect(gmailCallUnits("POST", "/gmail/v1/users/me/threads/18c2ab/trash")).toBe(10);
    expect(gmailCallUnits("POST", `${base}/messages/batchModify`)).toBe(50);
    expect(gmailCallUnits("POST", `${base}/watch`)).toBe(100);
  });

  it("never counts a call it does not know as free", () => {
    expect(gmailCallUnits("DELETE", "/gmail/v1/users/me/messages/18c2ab")).toBe(10);
    expect(gmailCallUnits("GET", "/something/else")).toBe(10);
  });

  it("prices a batch as the sum of its parts", () => {
    const parts = [
      { method: "GET", path: "/gmail/v1/users/me/threads/a?format=metadata" },
      { method: "GET", path: "/gmail/v1/users/me/threads/b?format=metadata" },
      { method: "POST", path: "/gmail/v1/users/me/messages/c/modify" },
    ];
    expect(gmailBatchUnits(parts)).toBe(25);
  });
});
