import { describe, expect, it } from "vitest";
import { decodeBase64Loose, parsePushBody } from "./push-message";

const notification = { emailAddress: "Ada@Example.com", historyId: "9876543210" };
const json = JSON.stringify(notification);

function body(data: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    message: { data, messageId: "2070443601311540", message_id: "2070443601311540", publishTime: "2021-02-26T19:13:55.749Z", ...extra },
    subscription: "projects/myproject/subscriptions/mysubscription",
  });
}

describe("parsePushBody", () => {
  // Gmail's guide says base64url, Pub/Sub sends padded base64: every spelling decodes to the same notification.
  const spellings = {
    "base64, padded": Buffer.from(json).toString("base64"),
    "base64, unpadded": Buffer.from(json).toString("base64").replace(/=+$/, ""),
    "base64url, unpadded": Buffer.from(json).toString("base64url"),
    "base64url, padded": Buffer.from(json)
      .toString("base64url")
      .padEnd(Math.ceil(json.length / 3) * 4, "="),
  };
  for (const [name, data] of Object.entries(spellings)) {
    it(`reads the notification from ${name}`, () => {
      expect(parsePushBody(body(data))).toEqual({ messageId: "2070443601311540", email: "ada@example.com", historyId: "9876543210" });
    });
  }

  it("takes the historyId as a number too, and the message id from either spelling", () => {
    const data = Buffer.from(JSON.stringify({ emailAddress: "ada@example.com", historyId: 1234 })).toString("base64");
    expect(parsePushBody(JSON.stringify({ message: { data, message_id: "77" } }))).toEqual({
      messageId: "77",
      email: "ada@example.com",
      historyId: "1234",
    });
  });

  it("refuses what is not a Gmail push", () => {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64");
    for (const text of [
      "not json",
      "{}",
      JSON.stringify({ message: {} }),
      body("%%%not-base64%%%"),
      body(Buffer.from("not json inside").toString("base64")),
      body(encode({ emailAddress: "ada@example.com" })),
      body(encode({ emailAddress: "not an address", historyId: "1" })),
      body(encode({ emailAddress: "ada@example.com", historyId: "12ab" })),
      body(encode({ emailAddress: "ada@example.com", historyId: -1 })),
    ]) {
      expect(parsePushBody(text), text).toBeNull();
    }
  });
});

describe("decodeBase64Loose", () => {
  it("refuses characters outside both alphabets and impossible lengths", () => {
    expect(decodeBase64Loose("ab$c")).toBeNull();
    expect(decodeBase64Loose("abcde")).toBeNull();
    expect(decodeBase64Loose("")?.length).toBe(0);
    expect(decodeBase64Loose("-_-_")).toEqual(Buffer.from("+/+/", "base64"));
  });
});
