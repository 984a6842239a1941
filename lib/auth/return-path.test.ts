import { describe, expect, it } from "vitest";
import { sameOriginPath, safeReturnPath } from "./return-path";

describe("safeReturnPath", () => {
  it("keeps a path on this site, with its query", () => {
    expect(safeReturnPath("/inbox?label=STARRED&q=from%3Aada")).toBe("/inbox?label=STARRED&q=from%3Aada");
    expect(safeReturnPath("/inbox/18c0a1b2c3d4e5f6")).toBe("/inbox/18c0a1b2c3d4e5f6");
  });

  it.each([
    "https://evil.example/",
    "//evil.example",
    "/\\evil.example",
    "/\t/evil.example",
    "/\n/evil",
    "javascript:alert(1)",
    "inbox",
    "",
    "/a b",
  ])("refuses %j", (value) => {
    expect(safeReturnPath(value)).toBeNull();
  });

  it("refuses what is not a string, and absurd lengths", () => {
    expect(safeReturnPath(undefined)).toBeNull();
    expect(safeReturnPath(["/inbox"])).toBeNull();
    expect(safeReturnPath(`/${"a".repeat(2001)}`)).toBeNull();
  });
});

describe("sameOriginPath", () => {
  const app = "http://127.0.0.1:3000";
  it("turns a URL of this site into its path", () => {
    expect(sameOriginPath("http://127.0.0.1:3000/inbox?label=INBOX", app)).toBe("/inbox?label=INBOX");
    expect(sameOriginPath("/settings", app)).toBe("/settings");
  });

  it("refuses other origins and junk", () => {
    expect(sameOriginPath("http://localhost:3000/inbox", app)).toBeNull();
    expect(sameOriginPath("https://127.0.0.1:3000/inbox", app)).toBeNull();
    expect(sameOriginPath("//evil.example/inbox", app)).toBeNull();
    expect(sameOriginPath("http://[oops", app)).toBeNull();
    expect(sameOriginPath(null, app)).toBeNull();
  });
});
