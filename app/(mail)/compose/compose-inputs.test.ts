import { describe, expect, it } from "vitest";
import { splitAddresses } from "./recipient-input";
import { sendLaterTime } from "./send-later-picker";
import { GMAIL_SIZE_LIMIT, refusalFor } from "./upload-file";

describe("the composer's inputs", () => {
  it("splits pasted addresses at commas, semicolons and line breaks, not inside a quoted name", () => {
    expect(splitAddresses('"Hopper, Grace" <grace@example.com>, bob@example.com; \n carol@example.com,')).toEqual([
      '"Hopper, Grace" <grace@example.com>',
      "bob@example.com",
      "carol@example.com",
    ]);
  });

  it("refuses a file past Gmail's 25 MB, alone or with the others, naming it", () => {
    expect(refusalFor({ name: "small.pdf", size: 1000 }, 0)).toBeNull();
    expect(refusalFor({ name: "huge.iso", size: GMAIL_SIZE_LIMIT + 1 }, 0)).toEqual({
      kind: "overLimit",
      name: "huge.iso",
      bytes: GMAIL_SIZE_LIMIT + 1,
    });
    expect(refusalFor({ name: "last.zip", size: 10 * 1024 * 1024 }, 20 * 1024 * 1024)).toEqual({
      kind: "wouldExceed",
      name: "last.zip",
      bytes: 30 * 1024 * 1024,
    });
  });

  it("reads Send later's time in the person's zone and refuses the past", () => {
    const now = new Date(2030, 0, 1, 12, 0);
    expect(sendLaterTime("2030-01-01T11:59", now)).toEqual({ error: "past" });
    expect(sendLaterTime("", now)).toEqual({ error: "noTime" });
    expect(sendLaterTime("2030-01-01T12:30", now)).toEqual({ at: new Date(2030, 0, 1, 12, 30).toISOString() });
  });
});
