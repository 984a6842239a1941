import { seededRandom } from "../control/prng";
import { messageIdFor } from "../gmail/ids";
import { ADA, EMPTY, GRACE, PEOPLE, SEED_ANCHOR } from "./accounts";
import { type SpecialKey, specialMessage, THREAD_LENGTH, threadMessage } from "./ada-specials";
import { address, composeMessage, rfc2822Date, textLeaf } from "./compose";
import { fillerMessage } from "./filler";
import type { SeedMailbox, SeedMessage } from "./types";

const ADA_TOTAL = 240;
const GRACE_TOTAL = 30;

/** Slot 0 is the newest message. Special messages sit near the top so the first inbox page shows them. */
const SPECIAL_SLOTS: Record<number, SpecialKey> = {
  1: "htmlWithScript",
  2: "attachments",
  4: "hebrew",
  6: "emoji",
  8: "emptySubject",
  10: "latin1",
};
/** The long thread, newest reply first (slot 0 = the newest message in the mailbox). */
const THREAD_SLOTS = [0, 5, 13, 21, 30, 44, 58, 73, 90, 110, 135, 160];
const SPAM_SLOTS = new Set([15, 37, 62, 99, 128, 171, 199, 226]);
const TRASH_SLOTS = new Set([25, 49, 81, 117, 149, 183, 210, 233]);
const SENT_SLOTS = new Set([18, 52, 95, 140, 175, 205, 230]);
const ARCHIVED_SLOTS = new Set([67, 102, 155, 190, 215, 238]);

const USER_LABELS = [
  { name: "Work", color: { textColor: "#ffffff", backgroundColor: "#4a86e8" } },
  { name: "Work/Clients" },
  { name: "Receipts", color: { textColor: "#094228", backgroundColor: "#b9e4d0" } },
  { name: "Travel" },
];

export interface AdaSlotInfo {
  slot: number;
  id: string;
  special?: SpecialKey;
  threadIndex?: number;
  subject?: string;
}

/** Receive times: gaps of 2–11 hours (seeded), newest at SEED_ANCHOR, all distinct. */
function timeline(count: number, seed: number): number[] {
  const random = seededRandom(seed);
  const times: number[] = [];
  let t = SEED_ANCHOR;
  for (let slot = 0; slot < count; slot++) {
    times.push(t);
    t -= 2 * 3_600_000 + Math.floor(random() * 9 * 3_600_000) + Math.floor(random() * 59_000) + 1000;
  }
  return times;
}

function resolveLabels(labels: string[]): string[] {
  return labels.map((l) => {
    const index = USER_LABELS.findIndex((u) => u.name === l);
    return index === -1 ? l : `Label_${index + 1}`;
  });
}

export function buildAdaMailbox(): { mailbox: SeedMailbox; slots: AdaSlotInfo[] } {
  const times = timeline(ADA_TOTAL, 1815);
  const messages: SeedMessage[] = [];
  const slots: AdaSlotInfo[] = [];
  const to = { name: ADA.name, email: ADA.email };
  for (let slot = ADA_TOTAL - 1; slot >= 0; slot--) {
    const internalDate = times[slot] ?? SEED_ANCHOR;
    const id = messageIdFor(internalDate, `${ADA.email}:${slot}`);
    const info: AdaSlotInfo = { slot, id };
    let raw: Buffer;
    let labelIds: string[];
    const special = SPECIAL_SLOTS[slot];
    const threadPosition = THREAD_SLOTS.indexOf(slot);
    if (special) {
      const built = specialMessage(special, internalDate);
      ({ raw, labelIds } = built);
      Object.assign(info, { special, subject: built.subject });
    } else if (threadPosition !== -1) {
      const threadIndex = THREAD_LENGTH - 1 - threadPosition;
      const built = threadMessage(threadIndex, internalDate);
      ({ raw, labelIds } = built);
      Object.assign(info, { threadIndex, subject: built.subject });
    } else if (SENT_SLOTS.has(slot)) {
      ({ raw, labelIds } = sentByAda(slot, internalDate));
    } else {
      const spamOrTrash = SPAM_SLOTS.has(slot) || TRASH_SLOTS.has(slot);
      const archived = ARCHIVED_SLOTS.has(slot);
      const unreadChance = slot < 30 ? 0.5 : slot < 100 ? 0.15 : 0.05;
      const filler = fillerMessage(to, 1815, slot, internalDate, !spamOrTrash && !archived, unreadChance);
      raw = filler.raw;
      labelIds = filler.labelIds;
      if (SPAM_SLOTS.has(slot)) labelIds = ["SPAM"];
      if (TRASH_SLOTS.has(slot)) labelIds = ["TRASH", ...labelIds.filter((l) => l.startsWith("CATEGORY_"))];
      if (archived) labelIds = [...labelIds.filter((l) => l !== "Receipts"), "Receipts"];
    }
    messages.push({ id, raw, labelIds: resolveLabels(labelIds), internalDate });
    slots.push(info);
  }
  return { mailbox: { account: ADA, userLabels: USER_LABELS, messages, historyStart: 1000 }, slots };
}

const SENT_TO = [PEOPLE.grace, PEOPLE.charles, PEOPLE.mary, PEOPLE.ida];
const SENT_SUBJECTS = [
  "Notes on the Bernoulli program",
  "Re: Tea on Friday?",
  "Operation cards, revised",
  "Invoice question",
  "Dinner plans",
  "Draft for the translation",
  "Thanks for yesterday",
];

function sentByAda(slot: number, internalDate: number): { raw: Buffer; labelIds: string[] } {
  const recipient = SENT_TO[slot % SENT_TO.length] ?? PEOPLE.grace;
  const subject = SENT_SUBJECTS[slot % SENT_SUBJECTS.length] ?? "Hello";
  const raw = composeMessage(
    [
      ["From", address(ADA.name, ADA.email)],
      ["To", address(recipient.name, recipient.email)],
      ["Subject", subject],
      ["Date", rfc2822Date(internalDate - 1000)],
      ["Message-ID", `<ada-sent-${slot}@example.com>`],
    ],
    textLeaf(`Dear ${recipient.name.split(" ")[0] ?? ""},\n\nPlease find my notes below; I look forward to your thoughts.\n\nAda\n`),
  );
  return { raw, labelIds: ["SENT"] };
}

export function buildGraceMailbox(): SeedMailbox {
  const times = timeline(GRACE_TOTAL, 1906);
  const messages: SeedMessage[] = [];
  const to = { name: GRACE.name, email: GRACE.email };
  for (let slot = GRACE_TOTAL - 1; slot >= 0; slot--) {
    const internalDate = (times[slot] ?? SEED_ANCHOR) - 3 * 3_600_000;
    const filler = fillerMessage(to, 1906, slot, internalDate, true, slot < 10 ? 0.5 : 0.1);
    const labelIds = filler.labelIds.filter((l) => !["Work", "Work/Clients", "Receipts", "Travel"].includes(l));
    messages.push({ id: messageIdFor(internalDate, `${GRACE.email}:${slot}`), raw: filler.raw, labelIds, internalDate });
  }
  return { account: GRACE, userLabels: [], messages, historyStart: 5000 };
}

export function buildEmptyMailbox(): SeedMailbox {
  return { account: EMPTY, userLabels: [], messages: [], historyStart: 9000 };
}
