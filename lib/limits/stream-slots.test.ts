import { describe, expect, it } from "vitest";
import { RateLimitedError } from "../errors";
import { claimStreamSlot } from "./stream-slots";

const refusal = (claim: () => unknown) => {
  try {
    claim();
    return null;
  } catch (error) {
    return error;
  }
};

describe("claimStreamSlot", () => {
  it("refuses a user's stream past the per-user cap with 429, and takes it back once one closes", () => {
    const limits = { perUser: 3, perInstance: 100 };
    const releases = [1, 2, 3].map(() => claimStreamSlot("user-a", limits));
    const refused = refusal(() => claimStreamSlot("user-a", limits));
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect(refused).toMatchObject({ status: 429, code: "rate_limited" });
    expect((refused as RateLimitedError).retryAfterSeconds).toBeGreaterThan(0);
    // Another user is not affected by user-a's streams.
    releases.push(claimStreamSlot("user-b", limits));
    releases[0]!();
    releases[0]!(); // a second release of the same slot gives back nothing more
    releases.push(claimStreamSlot("user-a", limits));
    expect(refusal(() => claimStreamSlot("user-a", limits))).toBeInstanceOf(RateLimitedError);
    releases.forEach((release) => release());
  });

  it("refuses anyone's stream once the instance carries its cap", () => {
    const limits = { perUser: 10, perInstance: 4 };
    const held = ["c", "d", "e", "f"].map((user) => claimStreamSlot(`instance-${user}`, limits));
    expect(refusal(() => claimStreamSlot("instance-g", limits))).toMatchObject({ code: "rate_limited" });
    held.forEach((release) => release());
    expect(refusal(() => claimStreamSlot("instance-g", limits))).toBeNull();
  });
});
