// The words the list uses for what happened, for the undo toast, the error alert and the buttons.
import type { MailAction } from "@/lib/mail/mail-actions";

function conversations(count: number): string {
  return count === 1 ? "1 conversation" : `${count} conversations`;
}

/** "Archived 3 conversations": what the user sees once Gmail has done it. */
export function describeDone(action: MailAction, count: number, labelName = "the label"): string {
  const what = conversations(count);
  switch (action) {
    case "archive":
      return `Archived ${what}`;
    case "unarchive":
      return `Moved ${what} to the Inbox`;
    case "markRead":
      return `Marked ${what} as read`;
    case "markUnread":
      return `Marked ${what} as unread`;
    case "star":
      return `Starred ${what}`;
    case "unstar":
      return `Unstarred ${what}`;
    case "trash":
      return `Moved ${what} to the Trash`;
    case "untrash":
      return `Restored ${what} from the Trash`;
    case "addLabel":
      return `Added “${labelName}” to ${what}`;
    case "removeLabel":
      return `Removed “${labelName}” from ${what}`;
    case "reportSpam":
      return `Reported ${what} as spam`;
    case "notSpam":
      return `Moved ${what} out of Spam`;
  }
}

/** "archive 3 conversations": for "Could not …" and the consent dialog. */
export function describeIntent(action: MailAction, count: number, labelName = "the label"): string {
  const what = conversations(count);
  switch (action) {
    case "archive":
      return `archive ${what}`;
    case "unarchive":
      return `move ${what} to the Inbox`;
    case "markRead":
      return `mark ${what} as read`;
    case "markUnread":
      return `mark ${what} as unread`;
    case "star":
      return `star ${what}`;
    case "unstar":
      return `unstar ${what}`;
    case "trash":
      return `move ${what} to the Trash`;
    case "untrash":
      return `restore ${what} from the Trash`;
    case "addLabel":
      return `add “${labelName}” to ${what}`;
    case "removeLabel":
      return `remove “${labelName}” from ${what}`;
    case "reportSpam":
      return `report ${what} as spam`;
    case "notSpam":
      return `move ${what} out of Spam`;
  }
}
