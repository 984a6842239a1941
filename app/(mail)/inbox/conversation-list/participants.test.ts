import { describe, expect, it } from "vitest";
import { english, hebrew } from "./list-translators.testing";
import { participantsText } from "./participants";

const ada = { name: "Ada Lovelace", email: "ada@example.com" };
const grace = { name: "Grace Hopper", email: "grace@example.com" };
const linus = { name: null, email: "linus@example.com" };
const mary = { name: "Mary Somerville", email: "mary@example.com" };

describe("participantsText", () => {
  it("names a lone writer in full, and several by first name", () => {
    expect(participantsText(english, { participants: [grace], from: grace }, null)).toBe("Grace Hopper");
    expect(participantsText(english, { participants: [grace, linus], from: linus }, null)).toBe("Grace, linus");
  });

  it("calls the account's own messages me", () => {
    expect(participantsText(english, { participants: [ada], from: ada }, "Ada@Example.com")).toBe("me");
    expect(participantsText(english, { participants: [grace, ada], from: ada }, "ada@example.com")).toBe("Grace, me");
  });

  it("keeps the first and the last two past three writers", () => {
    expect(participantsText(english, { participants: [grace, linus, mary, ada], from: ada }, null)).toBe("Grace .. Mary, Ada");
  });

  it("falls back to the sender, then to a placeholder", () => {
    expect(participantsText(english, { participants: [], from: grace }, null)).toBe("Grace Hopper");
    expect(participantsText(english, { participants: [], from: { name: null, email: null } }, null)).toBe("(unknown sender)");
  });
});

describe("participantsText in Hebrew", () => {
  it("calls the account's own messages אני, and an unknown writer by a Hebrew placeholder", () => {
    expect(participantsText(hebrew, { participants: [grace, ada], from: ada }, "ada@example.com")).toBe("Grace, אני");
    expect(participantsText(hebrew, { participants: [], from: { name: null, email: null } }, null)).toBe("(שולח/ת לא ידוע/ה)");
  });
});
