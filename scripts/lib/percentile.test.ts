import { describe, expect, it } from "vitest";
import { percentile } from "./percentile";

describe("percentile", () => {
  it("takes the nearest rank, whatever the order of the measurements", () => {
    const values = [40, 10, 30, 20, 50, 60, 70, 80, 90, 100];
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(100);
    expect(percentile(values, 0)).toBe(10);
    expect(values[0]).toBe(40); // the caller's array is left as it was
  });

  it("is NaN with nothing measured", () => {
    expect(percentile([], 50)).toBeNaN();
  });
});
