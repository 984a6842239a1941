import { describe, expect, it } from "vitest";
import { hasMalformedPath } from "./edge";

describe("hasMalformedPath", () => {
  it("catches escapes that do not decode", () => {
    for (const target of ["/api/messages/%", "/api/messages/%E0%A4%A", "/inbox/%ZZ", "/api/auth/%ZZ", "/%", "/inbox/%C0%80?label=INBOX"]) {
      expect(hasMalformedPath(target), target).toBe(true);
    }
  });

  it("lets well-formed paths through, and leaves the query to the routes", () => {
    for (const target of [
      "/",
      "/inbox/18c2%2Fab",
      "/inbox/%E2%9C%93",
      "/api/messages?q=%ZZ",
      "/inbox?q=100%",
      "/api/auth/callback/google?code=4%2F0A",
    ]) {
      expect(hasMalformedPath(target), target).toBe(false);
    }
  });
});
