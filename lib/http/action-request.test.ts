import { describe, expect, it } from "vitest";
import { describeZodError } from "./query-params";
import { MAX_ACTION_IDS } from "../mail/mail-actions";
import { actionRequestSchema } from "./action-request";

const ID = "18c0a1b2c3d4e5f6";
const ids = (n: number) => Array.from({ length: n }, (_, i) => i.toString(16).padStart(16, "0"));

function problem(input: unknown): string {
  const parsed = actionRequestSchema.safeParse(input);
  if (parsed.success) throw new Error(`accepted ${JSON.stringify(input).slice(0, 200)}`);
  return describeZodError(parsed.error);
}

describe("POST /api/actions body", () => {
  it("accepts each action on threads or messages, with a label only where one belongs", () => {
    expect(actionRequestSchema.parse({ action: "archive", threadIds: [ID] })).toEqual({ action: "archive", threadIds: [ID] });
    expect(
      actionRequestSchema.parse({ account: "ada@example.com", action: "star", messageIds: ids(MAX_ACTION_IDS) }).messageIds,
    ).toHaveLength(MAX_ACTION_IDS);
    expect(actionRequestSchema.parse({ action: "addLabel", threadIds: [ID], labelId: "Label_3" }).labelId).toBe("Label_3");
    expect(actionRequestSchema.parse({ action: "removeLabel", threadIds: [ID], labelId: "IMPORTANT" }).labelId).toBe("IMPORTANT");
  });

  it("refuses an unknown action, unknown fields and a malformed account", () => {
    expect(problem({ action: "delete", threadIds: [ID] })).toMatch(/action must be one of archive/);
    expect(problem({ action: "archive", threadIds: [ID], extra: 1 })).toMatch(/unknown parameter "extra"/);
    expect(problem({ action: "archive", threadIds: [ID], account: "all" })).toMatch(/account/);
    expect(problem(null)).toMatch(/Invalid request/);
  });

  it("needs exactly one non-empty list of Gmail ids, at most the batch limit", () => {
    expect(problem({ action: "archive" })).toMatch(/threadIds or messageIds must be given/);
    expect(problem({ action: "archive", threadIds: [ID], messageIds: [ID] })).toMatch(
      /threadIds or messageIds must be given, and not both/,
    );
    expect(problem({ action: "archive", threadIds: [] })).toMatch(/at least one/);
    expect(problem({ action: "archive", threadIds: ids(MAX_ACTION_IDS + 1) })).toMatch(/at most 1000/);
    for (const bad of ["18C0A1B2C3D4E5F6", "18c0a1b2c3d4e5f", "../../labels", 42]) {
      expect(problem({ action: "archive", messageIds: [bad] })).toMatch(/16 hex digits|messageIds/);
    }
  });

  it("requires a label for addLabel/removeLabel, refuses one elsewhere, and refuses labels Gmail sets itself", () => {
    expect(problem({ action: "addLabel", threadIds: [ID] })).toMatch(/labelId is required for addLabel/);
    expect(problem({ action: "archive", threadIds: [ID], labelId: "STARRED" })).toMatch(/labelId is only for addLabel/);
    for (const fixed of ["SENT", "DRAFT", "CHAT"]) {
      expect(problem({ action: "addLabel", threadIds: [ID], labelId: fixed })).toMatch(/set by Gmail itself/);
    }
    for (const bad of ["ALL", "Label_", "Label_1 ", "inbox", "x".repeat(100)]) {
      expect(problem({ action: "removeLabel", threadIds: [ID], labelId: bad })).toMatch(/not a label id/);
    }
  });
});

describe("POST /api/actions body: snooze", () => {
  const inAnHour = () => new Date(Date.now() + 3600_000).toISOString();

  it("snooze takes conversations and a future time with its zone; unsnooze takes conversations alone", () => {
    const until = inAnHour();
    expect(actionRequestSchema.parse({ action: "snooze", threadIds: [ID], until })).toEqual({ action: "snooze", threadIds: [ID], until });
    const withOffset = new Date(Date.now() + 86_400_000).toISOString().replace(/\.\d+Z$/, "+00:00");
    expect(actionRequestSchema.parse({ action: "snooze", threadIds: [ID], until: withOffset }).until).toBe(withOffset);
    expect(actionRequestSchema.parse({ action: "unsnooze", threadIds: [ID] })).toEqual({ action: "unsnooze", threadIds: [ID] });
  });

  it("refuses a snooze without a time, in the past, too far ahead, without a zone or not a time", () => {
    expect(problem({ action: "snooze", threadIds: [ID] })).toMatch(/until is required for snooze/);
    expect(problem({ action: "snooze", threadIds: [ID], until: new Date(Date.now() - 1000).toISOString() })).toMatch(
      /until is in the past/,
    );
    expect(problem({ action: "snooze", threadIds: [ID], until: "2999-01-01T00:00:00Z" })).toMatch(/more than a year ahead/);
    expect(problem({ action: "snooze", threadIds: [ID], until: "2099-01-01T08:00" })).toMatch(/until must be an ISO 8601 time/);
    expect(problem({ action: "snooze", threadIds: [ID], until: "tomorrow" })).toMatch(/until must be an ISO 8601 time/);
  });

  it("refuses a time on other actions and messages for snooze", () => {
    expect(problem({ action: "archive", threadIds: [ID], until: inAnHour() })).toMatch(/until is only for snooze/);
    expect(problem({ action: "unsnooze", threadIds: [ID], until: inAnHour() })).toMatch(/until is only for snooze/);
    expect(problem({ action: "snooze", messageIds: [ID], until: inAnHour() })).toMatch(/messageIds cannot be snoozed/);
  });
});
