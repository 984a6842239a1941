import { describe, expect, it } from "vitest";
import { inboxPageQuerySchema } from "./mail-query";
import { parametersAtFault } from "./query-params";

function faultsOf(query: Record<string, string | string[]>): string[] {
  const parsed = inboxPageQuerySchema.safeParse(query);
  if (parsed.success) throw new Error("expected the query to be refused");
  return parametersAtFault(parsed.error);
}

describe("parametersAtFault", () => {
  it("names each parameter a person got wrong once: unknown ones and bad values", () => {
    expect(faultsOf({ pageToken: "../../etc", pageSize: "0", color: "red" }).toSorted()).toEqual(["color", "pageSize", "pageToken"]);
    expect(faultsOf({ label: ["INBOX", "SENT"] })).toEqual(["label"]);
  });

  it("cuts an absurdly long unknown name", () => {
    expect(faultsOf({ ["x".repeat(500)]: "1" })).toEqual(["x".repeat(40)]);
  });
});
