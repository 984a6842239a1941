import { describe, expect, it } from "vitest";
import { effectOf } from "./event-effects";
import { RISC_EVENT_TYPES } from "./event-types";

const NOTHING = { endSessions: null, forgetTokens: false, reauth: null };

// The integration tests drive every type the emulator can sign; a type Google adds later cannot be signed by
// the emulator, so its "acknowledge and do nothing" rule is checked here.
describe("effectOf", () => {
  it("does nothing for a type it does not know, nor for account-enabled or verification", () => {
    expect(effectOf("https://schemas.openid.net/secevent/risc/event-type/account-purged", { subject: {} })).toEqual(NOTHING);
    expect(effectOf(RISC_EVENT_TYPES.accountEnabled, {})).toEqual(NOTHING);
    expect(effectOf(RISC_EVENT_TYPES.verification, { state: "x" })).toEqual(NOTHING);
  });

  it("ends every session of the user for account-disabled only when the reason is hijacking", () => {
    expect(effectOf(RISC_EVENT_TYPES.accountDisabled, { reason: "hijacking" })).toEqual({
      endSessions: "user",
      forgetTokens: true,
      reauth: "revoked",
    });
    expect(effectOf(RISC_EVENT_TYPES.accountDisabled, { reason: "bulk-account" })).toEqual({
      endSessions: null,
      forgetTokens: true,
      reauth: "revoked",
    });
  });
});
