import { describe, expect, it } from "vitest";
import { parseSearchQuery, queryReachesSpamOrTrash } from "./search-parser";

describe("parseSearchQuery", () => {
  it("treats juxtaposition as AND and bare words as full-text terms", () => {
    expect(parseSearchQuery("invoice acme")).toEqual({
      kind: "and",
      nodes: [
        { kind: "text", field: "any", value: "invoice", phrase: false },
        { kind: "text", field: "any", value: "acme", phrase: false },
      ],
    });
  });

  it("parses quoted phrases", () => {
    expect(parseSearchQuery('"launch plan"')).toEqual({ kind: "text", field: "any", value: "launch plan", phrase: true });
  });

  it("parses operators with words, phrases and groups", () => {
    expect(parseSearchQuery("from:grace")).toEqual({ kind: "text", field: "from", value: "grace", phrase: false });
    expect(parseSearchQuery('subject:"launch plan"')).toEqual({ kind: "text", field: "subject", value: "launch plan", phrase: true });
    expect(parseSearchQuery("subject:(launch plan)")).toEqual({
      kind: "and",
      nodes: [
        { kind: "text", field: "subject", value: "launch", phrase: false },
        { kind: "text", field: "subject", value: "plan", phrase: false },
      ],
    });
    expect(parseSearchQuery("is:unread")).toEqual({ kind: "op", name: "is", value: "unread" });
    expect(parseSearchQuery("LABEL:Work-Clients")).toEqual({ kind: "op", name: "label", value: "Work-Clients" });
  });

  it("parses OR (uppercase only), braces, negation and grouping", () => {
    expect(parseSearchQuery("from:grace OR from:charles")).toEqual({
      kind: "or",
      nodes: [
        { kind: "text", field: "from", value: "grace", phrase: false },
        { kind: "text", field: "from", value: "charles", phrase: false },
      ],
    });
    expect(parseSearchQuery("a or b")).toMatchObject({ kind: "and", nodes: [{ value: "a" }, { value: "or" }, { value: "b" }] });
    expect(parseSearchQuery("{is:starred is:important}")).toEqual({
      kind: "or",
      nodes: [
        { kind: "op", name: "is", value: "starred" },
        { kind: "op", name: "is", value: "important" },
      ],
    });
    expect(parseSearchQuery("-is:unread")).toEqual({ kind: "not", node: { kind: "op", name: "is", value: "unread" } });
    expect(parseSearchQuery("-(a b)")).toMatchObject({ kind: "not", node: { kind: "and" } });
    expect(parseSearchQuery("(a OR b) c")).toMatchObject({ kind: "and", nodes: [{ kind: "or" }, { kind: "text", value: "c" }] });
  });

  it("keeps unknown operators and stray characters as text instead of failing", () => {
    expect(parseSearchQuery("foo:bar")).toEqual({ kind: "text", field: "any", value: "foo:bar", phrase: false });
    expect(parseSearchQuery("a ) b")).toMatchObject({ kind: "and", nodes: [{ value: "a" }, { value: "b" }] });
    expect(parseSearchQuery('"unterminated phrase')).toEqual({ kind: "text", field: "any", value: "unterminated phrase", phrase: true });
    expect(parseSearchQuery("")).toEqual({ kind: "and", nodes: [] });
  });

  it("knows when a query asks for spam or trash", () => {
    expect(queryReachesSpamOrTrash(parseSearchQuery("in:spam"))).toBe(true);
    expect(queryReachesSpamOrTrash(parseSearchQuery("in:anywhere invoice"))).toBe(true);
    expect(queryReachesSpamOrTrash(parseSearchQuery("label:trash"))).toBe(true);
    expect(queryReachesSpamOrTrash(parseSearchQuery("-in:trash"))).toBe(false);
    expect(queryReachesSpamOrTrash(parseSearchQuery("in:inbox"))).toBe(false);
  });
});

describe("operator names", () => {
  it("accepts operator names with digits", () => {
    expect(parseSearchQuery("rfc822msgid:<a@b.example>")).toEqual({ kind: "op", name: "rfc822msgid", value: "<a@b.example>" });
    expect(parseSearchQuery("newer_than:2d")).toEqual({ kind: "op", name: "newer_than", value: "2d" });
  });
});
