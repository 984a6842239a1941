import { describe, expect, it } from "vitest";
import { isSameOriginRequest } from "./json-post";

const APP = "http://127.0.0.1:3000";
const check = (headers: Record<string, string>) => isSameOriginRequest(new Headers(headers), APP);

describe("isSameOriginRequest", () => {
  it("accepts our own Origin, or the browser's word that the request is same-origin", () => {
    expect(check({ origin: APP })).toBe(true);
    expect(check({ origin: APP, "sec-fetch-site": "same-origin" })).toBe(true);
    // Reached under another name than NEXTAUTH_URL (localhost vs 127.0.0.1): the browser still vouches.
    expect(check({ origin: "http://localhost:3000", "sec-fetch-site": "same-origin" })).toBe(true);
    expect(check({ "sec-fetch-site": "same-origin" })).toBe(true);
  });

  it("refuses other sites, opaque origins and requests that carry neither header", () => {
    expect(check({ origin: "https://evil.example" })).toBe(false);
    expect(check({ origin: "null" })).toBe(false);
    expect(check({ origin: APP, "sec-fetch-site": "cross-site" })).toBe(false);
    expect(check({ origin: APP, "sec-fetch-site": "same-site" })).toBe(false);
    expect(check({ "sec-fetch-site": "none" })).toBe(false);
    expect(check({})).toBe(false);
    expect(check({ origin: `${APP}.evil.example` })).toBe(false);
  });
});
