import { describe, expect, it } from "vitest";
import { changedThreadIds, compareHistoryIds } from "./history-changes";

describe("changedThreadIds", () => {
  it("collects every conversation the typed arrays name, once, ignoring the untyped messages list", () => {
    const ids = changedThreadIds([
      {
        id: "101",
        messages: [{ id: "m9", threadId: "t9" }],
        messagesAdded: [{ message: { id: "m1", threadId: "t1", labelIds: ["INBOX", "UNREAD"] } }],
      },
      { id: "102", labelsRemoved: [{ message: { id: "m2", threadId: "t2" }, labelIds: ["UNREAD"] }] },
      {
        id: "103",
        labelsAdded: [
          { message: { id: "m3", threadId: "t1" }, labelIds: ["STARRED"] },
          { message: { id: "m4", threadId: "t3" }, labelIds: ["TRASH"] },
        ],
      },
      { id: "104", messagesDeleted: [{ message: { id: "m5", threadId: "t4" } }] },
      { id: "105" },
    ]);
    expect(ids).toEqual(["t1", "t2", "t3", "t4"]);
  });
});

describe("compareHistoryIds", () => {
  it("compares uint64 strings as numbers, beyond what a double holds exactly", () => {
    expect(compareHistoryIds("9", "10")).toBe(-1);
    expect(compareHistoryIds("18446744073709551615", "18446744073709551614")).toBe(1);
    expect(compareHistoryIds("9007199254740993", "9007199254740993")).toBe(0);
  });
});
