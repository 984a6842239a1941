import { describe, expect, it } from "vitest";

import { parseMailbox, parseMailboxList } from "./mailbox-address";

describe("parseMailbox", () => {
  it.each([
    ["Bob <bob@example.com>", "Bob", "bob@example.com"],
    ['"Smith, Bob" <bob@example.com>', "Smith, Bob", "bob@example.com"],
    ['"Bob \\"The Builder\\" Smith" <bob@example.com>', 'Bob "The Builder" Smith', "bob@example.com"],
    ["<bob@example.com>", null, "bob@example.com"],
    ["bob@example.com", null, "bob@example.com"],
    ["  bob@example.com  ", null, "bob@example.com"],
    ["bob@example.com (Bob Smith)", "Bob Smith", "bob@example.com"],
    ["<bob@example.com> (Bob)", "Bob", "bob@example.com"],
    ["=?UTF-8?B?16nXnNeV150=?= <shalom@example.co.il>", "שלום", "shalom@example.co.il"],
    ['"=?ISO-8859-1?Q?Ren=E9?=" <rene@example.fr>', "René", "rene@example.fr"],
    ["'Bob Smith' <bob@example.com>", "Bob Smith", "bob@example.com"],
    ["Doe, John <john@example.com>", "Doe, John", "john@example.com"],
    ["Bob <mailto:bob@example.com>", "Bob", "bob@example.com"],
    ["Bob <@relay.example:bob@example.com>", "Bob", "bob@example.com"],
    ["Bob\r\n Smith <bob@example.com>", "Bob Smith", "bob@example.com"],
    ["Bob   Smith  <bob@example.com>", "Bob Smith", "bob@example.com"],
    ["Bob <bob@example.com", "Bob", "bob@example.com"],
    ['"john doe"@example.com', null, '"john doe"@example.com'],
  ])("parses %j", (value, name, email) => {
    expect(parseMailbox(value)).toEqual({ name, email });
  });

  it("returns the last addressed member of a list or group: what comes before it may be a decoded name", () => {
    expect(parseMailbox("a@example.com, b@example.com")).toEqual({ name: null, email: "b@example.com" });
    expect(parseMailbox("Team: Ann <ann@example.com>, Bob <bob@example.com>;")).toEqual({ name: "Bob", email: "bob@example.com" });
  });

  it("keeps a name when there is no usable address", () => {
    expect(parseMailbox("Mail Delivery Subsystem")).toEqual({ name: "Mail Delivery Subsystem", email: null });
    expect(parseMailbox("Bob <>")).toEqual({ name: "Bob", email: null });
    expect(parseMailbox("Bob <not an address>")).toEqual({ name: "Bob", email: null });
  });

  it("never throws on garbage", () => {
    for (const value of ["", "   ", null, undefined, "<", ">", '"', "(((", "@", "<<a@b>>", ":;", '"unterminated <a@b.c>', "\\", "a\\"]) {
      expect(() => parseMailbox(value)).not.toThrow();
    }
    expect(parseMailbox("")).toEqual({ name: null, email: null });
    expect(parseMailbox(null)).toEqual({ name: null, email: null });
    expect(parseMailbox("@")).toEqual({ name: null, email: null });
  });
});

describe("a sender cannot pass for someone else", () => {
  const attacker = "attacker@evil.example";
  // Gmail decodes encoded words before Mailroom sees a header, so the name arrives as plain text.
  const decoded = '"Google Security <no-reply@accounts.google.com>" <attacker@evil.example>';
  const encoded = `=?UTF-8?B?${Buffer.from('"Google Security <no-reply@accounts.google.com>"').toString("base64")}?= <attacker@evil.example>`;

  it.each([
    ["the issue's header, as Gmail hands it over (decoded)", decoded],
    ["the issue's header, still encoded", encoded],
    ["the decoded name without its quotes", "Google Security <no-reply@accounts.google.com> <attacker@evil.example>"],
    ["a bare address as the name", "no-reply@accounts.google.com <attacker@evil.example>"],
    ["a quoted bare address as the name", '"no-reply@accounts.google.com" <attacker@evil.example>'],
    ["an address in a trailing comment", "<attacker@evil.example> (Google Security <no-reply@accounts.google.com>)"],
    ["a decoded name that opens a list", "Google Security <no-reply@accounts.google.com>, <attacker@evil.example>"],
    ["a decoded name that opens a group", "Google: Security <no-reply@accounts.google.com>; <attacker@evil.example>"],
    ["an encoded name with an angle address only", `=?UTF-8?Q?no-reply=40accounts.google.com?= <${attacker}>`],
  ])("%s shows the real address and no name", (_label, header) => {
    expect(parseMailbox(header)).toEqual({ name: null, email: attacker });
  });

  it("keeps an honest name, and a name that merely repeats the real address is dropped as noise", () => {
    expect(parseMailbox("Google Security <attacker@evil.example>")).toEqual({ name: "Google Security", email: attacker });
    expect(parseMailbox('"attacker@evil.example" <attacker@evil.example>')).toEqual({ name: null, email: attacker });
  });

  it("never lets a name stand in for a missing address", () => {
    expect(parseMailbox("Google Security <no-reply@accounts.google.com> <>")).toEqual({ name: null, email: null });
    expect(parseMailbox('"no-reply@accounts.google.com" <not an address>')).toEqual({ name: null, email: null });
  });

  it("reads every recipient's name the same way", () => {
    expect(parseMailboxList(`${decoded}, Ann <ann@example.com>`)).toEqual([
      { name: null, email: attacker },
      { name: "Ann", email: "ann@example.com" },
    ]);
  });
});

describe("parseMailboxList", () => {
  it("splits on commas outside quotes, comments and angle brackets", () => {
    expect(parseMailboxList('"Smith, Bob" <bob@example.com>, ann@example.com (Ann, Sales), <carl@example.com>')).toEqual([
      { name: "Smith, Bob", email: "bob@example.com" },
      { name: "Ann, Sales", email: "ann@example.com" },
      { name: null, email: "carl@example.com" },
    ]);
  });

  it("flattens groups and drops empty ones", () => {
    expect(parseMailboxList("undisclosed-recipients:;")).toEqual([]);
    expect(parseMailboxList("Team: Ann <ann@example.com>, bob@example.com;, carl@example.com")).toEqual([
      { name: "Ann", email: "ann@example.com" },
      { name: null, email: "bob@example.com" },
      { name: null, email: "carl@example.com" },
    ]);
  });

  it("rejoins names that contain an unquoted comma", () => {
    expect(parseMailboxList("Doe, John <john@example.com>, jane@example.com")).toEqual([
      { name: "Doe, John", email: "john@example.com" },
      { name: null, email: "jane@example.com" },
    ]);
  });

  it("skips empty items and tolerates trailing separators", () => {
    expect(parseMailboxList(" , a@example.com,, ,b@example.com, ")).toEqual([
      { name: null, email: "a@example.com" },
      { name: null, email: "b@example.com" },
    ]);
    expect(parseMailboxList("")).toEqual([]);
    expect(parseMailboxList(undefined)).toEqual([]);
  });

  it("decodes encoded-word names only after splitting, so a decoded comma cannot split a name", () => {
    // "Doe, J" encoded as Q: the comma only appears after decoding.
    expect(parseMailboxList("=?UTF-8?Q?Doe=2C_J?= <j@example.com>, k@example.com")).toEqual([
      { name: "Doe, J", email: "j@example.com" },
      { name: null, email: "k@example.com" },
    ]);
  });
});
