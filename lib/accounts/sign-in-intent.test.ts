import { describe, expect, it } from "vitest";
import { encodeAccountNotice } from "./account-notice";
import { SIGN_IN_INTENT_TTL_SECONDS, decodeSignInIntent, encodeSignInIntent } from "./sign-in-intent";

const SECRET = "a-test-secret-of-enough-length-0123456789";
const NOW = Date.UTC(2026, 11, 1, 6, 0, 0);
const reconnect = { kind: "reconnect", providerAccountId: "117241893462930118245", email: "ada@example.com" } as const;

describe("sign-in intent cookie", () => {
  it("comes back as signed for the user who made it, within its lifetime", () => {
    const value = encodeSignInIntent(SECRET, "user-a", "intent-1", reconnect, NOW);
    expect(decodeSignInIntent(SECRET, value, "user-a", NOW + 60_000)).toMatchObject({ ...reconnect, userId: "user-a" });
    expect(decodeSignInIntent(SECRET, encodeSignInIntent(SECRET, "user-a", "intent-1", { kind: "add" }, NOW), "user-a", NOW)).toMatchObject(
      {
        kind: "add",
      },
    );
  });

  it("carries a grant (one more permission for one account) bound to that account's sub, like a reconnect", () => {
    const grant = { ...reconnect, kind: "grant" } as const;
    expect(decodeSignInIntent(SECRET, encodeSignInIntent(SECRET, "user-a", "intent-1", grant, NOW), "user-a", NOW)).toEqual({
      ...grant,
      id: "intent-1",
      userId: "user-a",
      exp: NOW / 1000 + SIGN_IN_INTENT_TTL_SECONDS,
    });
    expect(decodeSignInIntent(SECRET, encodeSignInIntent(SECRET, "user-a", "intent-1", grant, NOW), "user-b", NOW)).toBeNull();
  });

  it("is ignored once expired", () => {
    const value = encodeSignInIntent(SECRET, "user-a", "intent-1", { kind: "add" }, NOW);
    expect(decodeSignInIntent(SECRET, value, "user-a", NOW + SIGN_IN_INTENT_TTL_SECONDS * 1000)).toBeNull();
  });

  it("is ignored when another user is signed in (a shared browser)", () => {
    const value = encodeSignInIntent(SECRET, "user-a", "intent-1", { kind: "add" }, NOW);
    expect(decodeSignInIntent(SECRET, value, "user-b", NOW)).toBeNull();
    expect(decodeSignInIntent(SECRET, value, null, NOW)).toBeNull();
  });

  it("is ignored when tampered with: payload rewritten, signature changed, or signed with another secret", () => {
    const value = encodeSignInIntent(SECRET, "user-a", "intent-1", reconnect, NOW);
    const [body, signature] = value.split(".") as [string, string];
    const forgedBody = Buffer.from(
      JSON.stringify({ ...reconnect, providerAccountId: "104925301874661203377", id: "intent-1", userId: "user-a", exp: NOW / 1000 + 600 }),
    ).toString("base64url");
    expect(decodeSignInIntent(SECRET, `${forgedBody}.${signature}`, "user-a", NOW)).toBeNull();
    expect(decodeSignInIntent(SECRET, `${body}.${signature.slice(0, -2)}AA`, "user-a", NOW)).toBeNull();
    expect(
      decodeSignInIntent(
        SECRET,
        encodeSignInIntent("another-secret-entirely-0123456789", "user-a", "intent-1", reconnect, NOW),
        "user-a",
        NOW,
      ),
    ).toBeNull();
    for (const junk of ["", "abc", `${body}`, `${body}.${signature}.x`, "%%%.%%%"])
      expect(decodeSignInIntent(SECRET, junk, "user-a", NOW)).toBeNull();
  });

  it("does not accept a value signed for another purpose", () => {
    const notice = encodeAccountNotice(SECRET, "user-a", { refusal: "NotLinked", chosen: "grace@example.com" }, NOW);
    expect(decodeSignInIntent(SECRET, notice, "user-a", NOW)).toBeNull();
  });
});
