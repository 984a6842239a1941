import { describe, expect, it } from "vitest";
import { hrefOfRequest } from "./prefetch-request";

const origin = "http://localhost:3000";

describe("hrefOfRequest", () => {
  it("is the link's href of a router request for it: same path and query, without the router's _rsc", () => {
    expect(hrefOfRequest(`${origin}/inbox/abc?back=%2Finbox&v=1k&_rsc=x1Y`, origin)).toBe("/inbox/abc?back=%2Finbox&v=1k");
    expect(hrefOfRequest(`${origin}/inbox/abc?_rsc=x1Y&back=%2Finbox`, origin)).toBe("/inbox/abc?back=%2Finbox");
    expect(hrefOfRequest(`${origin}/inbox/abc?_rsc=x1Y`, origin)).toBe("/inbox/abc");
  });

  it("is nothing for another origin or for a request that is not the router's", () => {
    expect(hrefOfRequest("http://elsewhere.example/inbox/abc?_rsc=1", origin)).toBeNull();
    expect(hrefOfRequest(`${origin}/api/events?label=INBOX`, origin)).toBeNull();
    expect(hrefOfRequest("not a url", origin)).toBeNull();
  });
});
