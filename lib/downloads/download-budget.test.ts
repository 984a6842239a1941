import { describe, expect, it } from "vitest";
import { DownloadBudget } from "./download-budget";

const MB = 1024 * 1024;

describe("DownloadBudget", () => {
  it("refuses a user's download past their share with a 429 and a Retry-After, and takes it again once one ends", () => {
    const budget = new DownloadBudget({ bytes: 1000 * MB, perUser: 2 });
    const first = budget.reserve("ada", MB);
    budget.reserve("ada", MB);
    expect(() => budget.reserve("ada", MB)).toThrow(expect.objectContaining({ code: "rate_limited", status: 429, retryAfterSeconds: 5 }));
    // Someone else is not held back by Ada's downloads.
    expect(() => budget.reserve("grace", MB)).not.toThrow();
    first();
    expect(() => budget.reserve("ada", MB)).not.toThrow();
  });

  it("refuses a download that would take the instance past its bytes with a 503 and a Retry-After", () => {
    const budget = new DownloadBudget({ bytes: 50 * MB, perUser: 10 });
    budget.reserve("ada", 20 * MB);
    const second = budget.reserve("grace", 20 * MB);
    expect(() => budget.reserve("linus", 20 * MB)).toThrow(
      expect.objectContaining({ code: "server_busy", status: 503, retryAfterSeconds: 10 }),
    );
    second();
    expect(() => budget.reserve("linus", 20 * MB)).not.toThrow();
    expect(budget.inUse).toEqual({ bytes: 40 * MB, downloads: 2 });
  });

  it("lets one file larger than the whole budget through when nothing else runs", () => {
    const budget = new DownloadBudget({ bytes: 10 * MB, perUser: 3 });
    const release = budget.reserve("ada", 25 * MB);
    expect(() => budget.reserve("grace", 1)).toThrow(expect.objectContaining({ status: 503 }));
    release();
    expect(budget.inUse).toEqual({ bytes: 0, downloads: 0 });
  });

  it("gives a reservation back once, however often its release is called", () => {
    const budget = new DownloadBudget({ bytes: 100 * MB, perUser: 3 });
    const release = budget.reserve("ada", 10 * MB);
    budget.reserve("ada", 10 * MB);
    release();
    release();
    expect(budget.inUse).toEqual({ bytes: 10 * MB, downloads: 1 });
  });
});
