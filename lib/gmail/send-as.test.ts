import { describe, expect, it } from "vitest";
import { usableSendAs } from "./send-as";

describe("usableSendAs", () => {
  it("offers the primary and accepted aliases, not pending ones", () => {
    expect(
      usableSendAs([
        { sendAsEmail: "yael@example.co.il", isPrimary: true, isDefault: true },
        {
          sendAsEmail: "billing@example.co.il",
          displayName: "Billing",
          isPrimary: false,
          isDefault: false,
          verificationStatus: "accepted",
        },
        { sendAsEmail: "later@example.co.il", isPrimary: false, isDefault: false, verificationStatus: "pending" },
        { sendAsEmail: "team@example.co.il", isPrimary: false, isDefault: false },
      ]),
    ).toEqual([
      { email: "yael@example.co.il", name: "", isDefault: true },
      { email: "billing@example.co.il", name: "Billing", isDefault: false },
      { email: "team@example.co.il", name: "", isDefault: false },
    ]);
  });
});
