import { describe, expect, it } from "vitest";
import { fromDateTimeLocal, snoozePresets, toDateTimeLocal } from "./snooze-presets";

// Local wall times: the presets are the browser's zone's, whatever zone the test runs in.
const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min);
const summary = (now: Date) => snoozePresets(now).map((preset) => `${preset.id} ${toDateTimeLocal(preset.at)}`);

describe("snooze presets", () => {
  it("on a Wednesday morning: later today at 18:00, tomorrow, Saturday and Monday at 08:00", () => {
    expect(summary(local(2026, 12, 9, 10, 30))).toEqual([
      "later-today 2026-12-09T18:00",
      "tomorrow 2026-12-10T08:00",
      "this-weekend 2026-12-12T08:00",
      "next-week 2026-12-14T08:00",
    ]);
  });

  it("in the evening there is no later today; on a weekend no this weekend", () => {
    expect(summary(local(2026, 12, 12, 17, 30))).toEqual(["tomorrow 2026-12-13T08:00", "next-week 2026-12-14T08:00"]);
    expect(summary(local(2026, 12, 13, 9))).toEqual([
      "later-today 2026-12-13T18:00",
      "tomorrow 2026-12-14T08:00",
      "next-week 2026-12-14T08:00",
    ]);
  });

  it("across a month's end", () => {
    expect(summary(local(2026, 12, 31, 20))).toEqual([
      "tomorrow 2027-01-01T08:00",
      "this-weekend 2027-01-02T08:00",
      "next-week 2027-01-04T08:00",
    ]);
  });

  it("reads a datetime-local value in the local zone, and refuses what is not one", () => {
    expect(fromDateTimeLocal("2026-12-09T18:05")?.getTime()).toBe(local(2026, 12, 9, 18, 5).getTime());
    expect(fromDateTimeLocal("")).toBeNull();
    expect(fromDateTimeLocal("tomorrow")).toBeNull();
  });
});
