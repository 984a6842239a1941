import { describe, expect, it } from "vitest";
import { GMAIL_MODIFY_SCOPE, GMAIL_READONLY_SCOPE, describeScopes } from "./google-scopes";
import { messagesFor } from "./i18n/messages";

describe("describeScopes", () => {
  it("says each granted permission in words, once, and never a URL", () => {
    const words = describeScopes([
      "openid",
      "https://www.googleapis.com/auth/userinfo.email",
      "email",
      GMAIL_READONLY_SCOPE,
      GMAIL_MODIFY_SCOPE,
      "https://www.googleapis.com/auth/unheard.of",
    ]);
    expect(words.map((permission) => messagesFor("en").settings.scopes[permission])).toEqual([
      "Sign you in with Google",
      "See your email address",
      "Read your email messages and settings",
      "Read, organise and delete your email",
      "Another Google permission",
    ]);
    expect(
      words
        .map((permission) => messagesFor("he").settings.scopes[permission])
        .join(" ")
        .replace(/Google|Gmail/g, ""),
    ).not.toMatch(/https?:|[A-Za-z]{4}/);
  });
});
