import { describe, expect, it } from "vitest";
import { decideSignIn } from "./sign-in-decision";
import type { SignInIntent } from "./sign-in-intent";

const ADA = { providerAccountId: "ada-sub", email: "ada@example.com" };
const GRACE = { providerAccountId: "grace-sub", email: "grace@example.com" };
const add: SignInIntent = { kind: "add", id: "i", userId: "me", exp: 0 };
const reconnectAda: SignInIntent = {
  kind: "reconnect",
  id: "i",
  userId: "me",
  exp: 0,
  providerAccountId: "ada-sub",
  email: "ada@example.com",
};

describe("who a Google account may sign in as", () => {
  it("signed out: any account signs in (its user, or a new one)", () => {
    expect(decideSignIn({ currentUserId: null, intent: null, chosen: GRACE, linkedToUserId: null, disconnected: null })).toEqual({
      allow: true,
    });
    expect(decideSignIn({ currentUserId: null, intent: null, chosen: GRACE, linkedToUserId: "someone", disconnected: null })).toEqual({
      allow: true,
    });
  });

  it("reconnecting X: only X's sub is accepted; another account is refused even if it is one of mine", () => {
    expect(decideSignIn({ currentUserId: "me", intent: reconnectAda, chosen: ADA, linkedToUserId: "me", disconnected: null })).toEqual({
      allow: true,
    });
    expect(decideSignIn({ currentUserId: "me", intent: reconnectAda, chosen: GRACE, linkedToUserId: null, disconnected: null })).toEqual({
      allow: false,
      refusal: "WrongAccount",
    });
    expect(decideSignIn({ currentUserId: "me", intent: reconnectAda, chosen: GRACE, linkedToUserId: "me", disconnected: null })).toEqual({
      allow: false,
      refusal: "WrongAccount",
    });
  });

  it("granting X a permission: only X's sub is accepted, as for a reconnect; another account changes nothing", () => {
    const grantAda: SignInIntent = { ...reconnectAda, kind: "grant" };
    expect(decideSignIn({ currentUserId: "me", intent: grantAda, chosen: ADA, linkedToUserId: "me", disconnected: null })).toEqual({
      allow: true,
    });
    for (const linkedToUserId of [null, "me", "someone"]) {
      expect(decideSignIn({ currentUserId: "me", intent: grantAda, chosen: GRACE, linkedToUserId, disconnected: null })).toEqual({
        allow: false,
        refusal: "WrongAccount",
      });
    }
    expect(decideSignIn({ currentUserId: "me", intent: grantAda, chosen: ADA, linkedToUserId: "someone", disconnected: null })).toEqual({
      allow: false,
      refusal: "LinkedToAnotherUser",
    });
  });

  it("adding: an unlinked account is linked; one linked to another user is refused, never merged", () => {
    expect(decideSignIn({ currentUserId: "me", intent: add, chosen: GRACE, linkedToUserId: null, disconnected: null })).toEqual({
      allow: true,
    });
    expect(decideSignIn({ currentUserId: "me", intent: add, chosen: GRACE, linkedToUserId: "someone", disconnected: null })).toEqual({
      allow: false,
      refusal: "LinkedToAnotherUser",
    });
  });

  it("signed in without an intent: an unlinked account is refused, one of mine just renews", () => {
    expect(decideSignIn({ currentUserId: "me", intent: null, chosen: GRACE, linkedToUserId: null, disconnected: null })).toEqual({
      allow: false,
      refusal: "NotLinked",
    });
    expect(decideSignIn({ currentUserId: "me", intent: null, chosen: GRACE, linkedToUserId: "someone", disconnected: null })).toEqual({
      allow: false,
      refusal: "LinkedToAnotherUser",
    });
    expect(decideSignIn({ currentUserId: "me", intent: null, chosen: ADA, linkedToUserId: "me", disconnected: null })).toEqual({
      allow: true,
    });
  });

  describe("a disconnected account", () => {
    const others = { anotherAccountSignsIn: true };
    const onlyOne = { anotherAccountSignsIn: false };

    it("signs nobody in while its user has another account that can", () => {
      expect(decideSignIn({ currentUserId: null, intent: null, chosen: GRACE, linkedToUserId: "me", disconnected: others })).toEqual({
        allow: false,
        refusal: "Disconnected",
      });
    });

    it("signs in when it is its user's only way in (nothing else to protect, and no lock-out)", () => {
      expect(decideSignIn({ currentUserId: null, intent: null, chosen: ADA, linkedToUserId: "me", disconnected: onlyOne })).toEqual({
        allow: true,
      });
    });

    it("comes back from a signed-in session only through an explicit reconnect (or add, or grant)", () => {
      for (const disconnected of [others, onlyOne]) {
        expect(decideSignIn({ currentUserId: "me", intent: null, chosen: ADA, linkedToUserId: "me", disconnected })).toEqual({
          allow: false,
          refusal: "Disconnected",
        });
        expect(decideSignIn({ currentUserId: "me", intent: reconnectAda, chosen: ADA, linkedToUserId: "me", disconnected })).toEqual({
          allow: true,
        });
        expect(decideSignIn({ currentUserId: "me", intent: add, chosen: ADA, linkedToUserId: "me", disconnected })).toEqual({
          allow: true,
        });
      }
    });
  });
});
