// UNDO_SEND_SECONDS: how long a sent message waits for Undo. 10 s unless set; 0 to 30 allowed; anything else
// stops start-up naming the variable.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../config";

function environment(overrides: Record<string, string> = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "mailroom-undo-"));
  return { MAILROOM_DATA_DIR: dataDir, GOOGLE_EMULATOR_URL: "http://127.0.0.1:4010/", ...overrides };
}

describe("UNDO_SEND_SECONDS", () => {
  it("is 10 s unless set, and takes 0 to 30", () => {
    expect(parseConfig(environment()).undoSendSeconds).toBe(10);
    expect(parseConfig(environment({ UNDO_SEND_SECONDS: "0" })).undoSendSeconds).toBe(0);
    expect(parseConfig(environment({ UNDO_SEND_SECONDS: "30" })).undoSendSeconds).toBe(30);
  });

  it.each(["31", "-1", "5.5", "ten", "100"])("refuses %j naming the variable", (value) => {
    expect(() => parseConfig(environment({ UNDO_SEND_SECONDS: value }))).toThrow(
      /UNDO_SEND_SECONDS must be a whole number of seconds from 0 to 30/,
    );
  });
});
