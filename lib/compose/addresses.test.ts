import { describe, expect, it } from "vitest";
import { InvalidRecipientsError, MAX_RECIPIENTS, formatRecipient, parseRecipient, parseRecipients } from "./addresses";

describe("parseRecipient", () => {
  it("reads a named address and a bare one", () => {
    expect(parseRecipient("Grace Hopper <grace@example.com>")).toEqual({ name: "Grace Hopper", address: "grace@example.com" });
    expect(parseRecipient('"Doe, John" <john@example.com>')).toEqual({ name: "Doe, John", address: "john@example.com" });
    expect(parseRecipient("grace@example.com")).toEqual({ name: "", address: "grace@example.com" });
  });

  it("refuses what is not exactly one valid address", () => {
    for (const input of ["", "human@f", "grace", "a@example.com, b@example.com", "Grace <grace@example.com>\r\nBcc: x@evil.example"]) {
      expect(parseRecipient(input)).toBeNull();
    }
  });

  it("formats back with quotes when the name needs them", () => {
    expect(formatRecipient({ name: "Doe, John", address: "john@example.com" })).toBe('"Doe, John" <john@example.com>');
    expect(formatRecipient({ name: "", address: "john@example.com" })).toBe("john@example.com");
  });
});

describe("parseRecipients", () => {
  it("names every invalid recipient across To, Cc and Bcc", () => {
    const error = (() => {
      try {
        parseRecipients({ to: ["grace@example.com", "not an address"], cc: ["human@f"], bcc: ["ok@example.com"] });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(InvalidRecipientsError);
    expect((error as InvalidRecipientsError).status).toBe(400);
    expect((error as InvalidRecipientsError).details.invalidRecipients).toEqual(["not an address", "human@f"]);
    expect((error as InvalidRecipientsError).message).toContain("not an address");
  });

  it("allows 100 recipients and refuses 101", () => {
    const many = (count: number) => Array.from({ length: count }, (_, index) => `person${index}@example.com`);
    expect(parseRecipients({ to: many(60), cc: many(40) }).cc).toHaveLength(40);
    expect(() => parseRecipients({ to: many(60), bcc: many(MAX_RECIPIENTS - 59) })).toThrow(/at most 100 recipients/);
  });
});
