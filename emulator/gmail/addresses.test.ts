import { describe, expect, it } from "vitest";
import { parseAddressList } from "./addresses";

describe("parseAddressList (Gmail reads recipients from these headers)", () => {
  it("reads names, quoted names with commas, encoded words, groups and bare addresses", () => {
    expect(parseAddressList('"Doe, John" <j@x.com>, Grace Hopper <Grace@Example.com>, c@d.example')).toEqual([
      { name: "Doe, John", email: "j@x.com" },
      { name: "Grace Hopper", email: "grace@example.com" },
      { name: "", email: "c@d.example" },
    ]);
    expect(parseAddressList("=?UTF-8?B?15PXoNeUINeb15TXnw==?= <dana@example.co.il>")).toEqual([
      { name: "דנה כהן", email: "dana@example.co.il" },
    ]);
    expect(parseAddressList("Team: a@b.example, c@d.example;, e@f.example")?.map((a) => a.email)).toEqual([
      "a@b.example",
      "c@d.example",
      "e@f.example",
    ]);
    expect(parseAddressList("undisclosed-recipients:;")).toEqual([]);
    expect(parseAddressList("a@b.example (Alice), first.last+tag@sub.domain.example,")?.map((a) => a.email)).toEqual([
      "a@b.example",
      "first.last+tag@sub.domain.example",
    ]);
  });

  it("refuses what Gmail answers 'Invalid To header' for", () => {
    for (const bad of ["['a@b.com']", "human@f", 'First Last:")" <x>;', "Grace Hopper grace@example.com", "<>", "a@@b.com", "a@b..com"]) {
      expect(parseAddressList(bad), bad).toBeUndefined();
    }
  });
});
