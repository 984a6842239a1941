import { describe, expect, it } from "vitest";
import { heapPolicy } from "./heap-policy";

const GB = 1024 ** 3;
const oldSpace = (flags: string[]) => Number(/--max-old-space-size=(\d+)/.exec(flags.join(" "))?.[1]);

describe("heapPolicy", () => {
  it("caps the old space on a large machine instead of letting V8 size it from 24 GB", () => {
    const { flags } = heapPolicy(24 * GB);
    expect(oldSpace(flags)).toBeGreaterThanOrEqual(64);
    expect(oldSpace(flags)).toBeLessThanOrEqual(256);
    expect(flags).toContain("--max-semi-space-size=8");
  });

  it("gives a small container a quarter of its limit", () => {
    expect(oldSpace(heapPolicy(512 * 1024 ** 2).flags)).toBe(128);
  });

  it("never goes below a heap the server can run in", () => {
    expect(oldSpace(heapPolicy(128 * 1024 ** 2).flags)).toBe(64);
  });

  it("leaves the heap alone when NODE_OPTIONS already sizes it", () => {
    for (const nodeOptions of ["--max-old-space-size=2048", "--enable-source-maps --max_old_space_size=300", "--max-old-space-size 512"]) {
      expect(heapPolicy(24 * GB, nodeOptions)).toEqual({ flags: [], reason: "NODE_OPTIONS sets --max-old-space-size" });
    }
  });

  it("keeps an operator's semi-space size while still capping the old space", () => {
    const { flags } = heapPolicy(24 * GB, "--max-semi-space-size=32");
    expect(oldSpace(flags)).toBeGreaterThan(0);
    expect(flags.some((flag) => flag.startsWith("--max-semi-space-size"))).toBe(false);
  });

  it("does not mistake a similar flag for the heap size", () => {
    expect(heapPolicy(24 * GB, "--max-old-space-size-foo=1").flags.length).toBeGreaterThan(0);
  });
});
