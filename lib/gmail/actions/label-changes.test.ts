import { describe, expect, it } from "vitest";
import { MAIL_ACTIONS } from "../../mail/mail-actions";
import { undoOf } from "../labels";
import { gmailChangeFor, gmailChangeRequest } from "./label-changes";

describe("what each action asks of Gmail", () => {
  it.each([
    ["archive", { method: "modify", addLabelIds: [], removeLabelIds: ["INBOX"] }],
    ["unarchive", { method: "modify", addLabelIds: ["INBOX"], removeLabelIds: [] }],
    ["markRead", { method: "modify", addLabelIds: [], removeLabelIds: ["UNREAD"] }],
    ["markUnread", { method: "modify", addLabelIds: ["UNREAD"], removeLabelIds: [] }],
    ["star", { method: "modify", addLabelIds: ["STARRED"], removeLabelIds: [] }],
    ["unstar", { method: "modify", addLabelIds: [], removeLabelIds: ["STARRED"] }],
    ["trash", { method: "trash" }],
    ["untrash", { method: "untrash" }],
  ] as const)("%s", (action, change) => {
    expect(gmailChangeFor(action)).toEqual(change);
  });

  it("adds or removes the label named for addLabel/removeLabel, and refuses to guess one", () => {
    expect(gmailChangeFor("addLabel", "Label_12")).toEqual({ method: "modify", addLabelIds: ["Label_12"], removeLabelIds: [] });
    expect(gmailChangeFor("removeLabel", "IMPORTANT")).toEqual({ method: "modify", addLabelIds: [], removeLabelIds: ["IMPORTANT"] });
    expect(() => gmailChangeFor("addLabel")).toThrow(TypeError);
  });

  it("every action's undo puts back exactly what it changed", () => {
    for (const action of MAIL_ACTIONS) {
      const change = gmailChangeFor(action, "Label_7");
      const undo = gmailChangeFor(undoOf(action), "Label_7");
      if (change.method === "modify") {
        expect(undo).toEqual({ method: "modify", addLabelIds: change.removeLabelIds, removeLabelIds: change.addLabelIds });
      } else {
        expect(undo.method).toBe(change.method === "trash" ? "untrash" : "trash");
      }
    }
  });

  it("addresses threads or messages, with a JSON body only for modify", () => {
    expect(gmailChangeRequest("threads", "18c0a1b2c3d4e5f6", gmailChangeFor("archive"))).toEqual({
      method: "POST",
      path: "/gmail/v1/users/me/threads/18c0a1b2c3d4e5f6/modify",
      body: { addLabelIds: [], removeLabelIds: ["INBOX"] },
    });
    expect(gmailChangeRequest("messages", "18c0a1b2c3d4e5f6", gmailChangeFor("trash"))).toEqual({
      method: "POST",
      path: "/gmail/v1/users/me/messages/18c0a1b2c3d4e5f6/trash",
    });
  });
});
