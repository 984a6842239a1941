import { describe, expect, it } from "vitest";
import { participantsText } from "./participants";

const ada = { name: "Ada Lovelace", email: "ada@example.com" };
const grace = { name: "Grace Hopper", email: "grace@example.com" };
const linus = { name: null, email: "linus@example.com" };
const mary = { name: "Mary Somerville", email: "mary@example.com" };

describe("participantsText", () => {
  it("names a lone writer in full, and several by first name", () => {
    expect(participantsText({ participants: [grace], from: grace }, null)).toBe("Grace Hopper");
    expect(participantsText({ participants: [grace, linus], from: linus }, null)).toBe("Grace, linus");
  });

  it("calls the account's own messages me", () => {
    expect(participantsText({ participants: [ada], from: ada }, "Ada@Example.com")).toBe("me");
    expect(participantsText({ participants: [grace, ada], from: ada }, "ada@example.com")).toBe("Grace, me");
  });

  it("keeps the first and the last two past three writers", () => {
    expect(participantsText({ participants: [grace, linus, mary, ada], from: ada }, null)).toBe("Grace .. Mary, Ada");
  });

  it("falls back to the sender, then to a placeholder", () => {
    expect(participantsText({ participants: [], from: grace }, null)).toBe("Grace Hopper");
    expect(participantsText({ participants: [], from: { name: null, email: null } }, null)).toBe("(unknown sender)");
  });
});
