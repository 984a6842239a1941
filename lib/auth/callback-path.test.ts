import { describe, expect, it } from "vitest";
import { signInPageFor } from "./callback-path";

describe("signInPageFor", () => {
  it("comes back to the page asked for, query included", () => {
    expect(signInPageFor("/inbox/abc123?back=%2Finbox%3Flabel%3DALL")).toBe(
      "/?callbackUrl=%2Finbox%2Fabc123%3Fback%3D%252Finbox%253Flabel%253DALL",
    );
  });

  it("is the plain sign-in page for the inbox, nothing, or anywhere off this site", () => {
    expect(signInPageFor("/inbox")).toBe("/");
    expect(signInPageFor(null)).toBe("/");
    expect(signInPageFor("//evil.example/x")).toBe("/");
    expect(signInPageFor("https://evil.example/x")).toBe("/");
  });
});
