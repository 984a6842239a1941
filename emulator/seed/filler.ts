import { seededRandom } from "../control/prng";
import { type Correspondent, PEOPLE } from "./accounts";
import { address, attachmentLeaf, composeMessage, htmlLeaf, type MimeNode, rfc2822Date, textLeaf } from "./compose";
import { tinyPdf } from "./files";

/** A kind of everyday mail: who sends it, which Gmail category and user labels it gets, what it says. */
interface Profile {
  from: Correspondent;
  category: string;
  labels: string[];
  subjects: string[];
  bodies: string[];
  weight: number;
  attachInvoice?: boolean;
  important?: boolean;
}

const PROFILES: Profile[] = [
  {
    from: PEOPLE.grace,
    category: "CATEGORY_PERSONAL",
    labels: ["Work"],
    weight: 14,
    important: true,
    subjects: ["Compiler notes #{n}", "Debugging session on {day}", "Nanoseconds demo for the team", "Re: COBOL committee agenda"],
    bodies: [
      "I found another moth in relay {n}. The logbook entry is attached to the shared drive; can you double-check the timings before {day}?",
      "Could we move our sync to {day}? I want to walk through the compiler notes and the quarterly numbers.",
    ],
  },
  {
    from: PEOPLE.charles,
    category: "CATEGORY_PERSONAL",
    labels: ["Work"],
    weight: 12,
    important: true,
    subjects: ["Difference engine parts list {n}", "Workshop visit on {day}", "Funding letter draft", "Gears, again"],
    bodies: [
      "The workshop delivered {n} new gears this week. I would value your notes on the operation cards before {day}.",
      "Attached are my thoughts on the funding letter. Please be ruthless with the second paragraph.",
    ],
  },
  {
    from: PEOPLE.mary,
    category: "CATEGORY_PERSONAL",
    labels: [],
    weight: 10,
    subjects: ["Tea on {day}?", "The mechanism of the heavens", "Book club pick #{n}", "Photos from the lecture"],
    bodies: [
      "Would you join me for tea on {day}? I have finished the chapter on planetary perturbations and long to discuss it.",
      "Our book club chose volume {n}. I am told it is delightfully dense.",
    ],
  },
  {
    from: PEOPLE.ida,
    category: "CATEGORY_PERSONAL",
    labels: ["Work", "Work/Clients"],
    weight: 7,
    important: true,
    subjects: ["Client review: tables {n}", "Contract renewal questions", "Numerical tables for {day}"],
    bodies: [
      "Our client needs the revised numerical tables by {day}. Version {n} had two rounding issues in column B.",
      "The contract renewal is on the agenda; could you confirm the scope of phase {n}?",
    ],
  },
  {
    from: { name: "Acme Billing", email: "billing@acme.example" },
    category: "CATEGORY_UPDATES",
    labels: ["Receipts"],
    weight: 6,
    attachInvoice: true,
    subjects: ["Your Acme invoice INV-{n}", "Payment received: INV-{n}"],
    bodies: [
      "Thank you for your payment. Invoice INV-{n} is attached as a PDF for your records.",
      "We received your payment for invoice INV-{n}. No further action is needed.",
    ],
  },
  {
    from: { name: "Northwind Travel", email: "trips@northwind.example" },
    category: "CATEGORY_UPDATES",
    labels: ["Travel"],
    weight: 5,
    subjects: ["Your itinerary for {day}", "Booking confirmation NW{n}", "Check in now for flight NW{n}"],
    bodies: [
      "Your itinerary is confirmed. Flight NW{n} departs on {day} at 09:40 from gate 12.",
      "Online check-in is open for flight NW{n}. Seats near the wing are still available.",
    ],
  },
  {
    from: { name: "Engines Weekly", email: "digest@news.example" },
    category: "CATEGORY_UPDATES",
    labels: [],
    weight: 8,
    subjects: ["Engines Weekly #{n}: steam vs. electricity", "This week in computing, issue {n}"],
    bodies: [
      "In issue {n}: the quiet rise of punched cards, a visit to the loom works, and letters from readers.",
      "Top story: analytical machines in insurance. Plus a puzzle for {day}.",
    ],
  },
  {
    from: { name: "Photon Social", email: "notifications@photon-social.example" },
    category: "CATEGORY_SOCIAL",
    labels: [],
    weight: 8,
    subjects: ["Mary Somerville mentioned you in a comment", "You have {n} new followers", "Grace Hopper shared a photo"],
    bodies: [
      "See what your friends have been sharing this week. You have {n} notifications waiting.",
      "Someone commented on your post about Bernoulli numbers.",
    ],
  },
  {
    from: { name: "Bazaar Deals", email: "offers@bazaar.example" },
    category: "CATEGORY_PROMOTIONS",
    labels: [],
    weight: 9,
    subjects: ["{n}% off brass fittings this weekend", "Last chance: free shipping ends {day}", "New arrivals in precision instruments"],
    bodies: [
      "Save {n}% on brass fittings, cogs and levers until {day}. Use code GEARS at checkout.",
      "Our spring catalogue of precision instruments is here.",
    ],
  },
  {
    from: { name: "TypeScript Users", email: "list@ts-users.example" },
    category: "CATEGORY_FORUMS",
    labels: [],
    weight: 6,
    subjects: ["[ts-users] Strict mode question #{n}", "[ts-users] noUncheckedIndexedAccess in practice"],
    bodies: [
      "Has anyone migrated a large codebase to noUncheckedIndexedAccess? We have {n} errors left.",
      "Summary of thread {n}: prefer narrowing over non-null assertions.",
    ],
  },
];

const DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

export interface FillerMessage {
  raw: Buffer;
  labelIds: string[];
}

/** Deterministic everyday mail for a recipient: the same inputs give byte-identical messages. */
export function fillerMessage(
  to: Correspondent,
  seed: number,
  slot: number,
  internalDate: number,
  inInbox: boolean,
  unreadChance: number,
): FillerMessage {
  const random = seededRandom(seed * 100_003 + slot);
  const profile = pickWeighted(random);
  const n = 10 + Math.floor(random() * 890);
  const day = DAY_NAMES[Math.floor(random() * DAY_NAMES.length)] ?? "Monday";
  const fill = (template: string) => template.replace(/\{n\}/g, String(n)).replace(/\{day\}/g, day);
  const subject = fill(pick(profile.subjects, random));
  const text = `Hi ${to.name.split(" ")[0] ?? to.name},\n\n${fill(pick(profile.bodies, random))}\n\nBest,\n${profile.from.name}\n`;
  let root: MimeNode =
    random() < 0.35
      ? { kind: "multipart", subtype: "alternative", boundary: `alt-${seed}-${slot}`, parts: [textLeaf(text), htmlLeaf(asHtml(text))] }
      : textLeaf(text);
  if (profile.attachInvoice) {
    root = {
      kind: "multipart",
      subtype: "mixed",
      boundary: `mix-${seed}-${slot}`,
      parts: [root, attachmentLeaf(`invoice-INV-${n}.pdf`, "application/pdf", tinyPdf(`Invoice INV-${n}`))],
    };
  }
  const raw = composeMessage(
    [
      ["From", address(profile.from.name, profile.from.email)],
      ["To", address(to.name, to.email)],
      ["Subject", subject],
      ["Date", rfc2822Date(internalDate - 4000)],
      ["Message-ID", `<seed-${seed}-${slot}@${profile.from.email.split("@")[1] ?? "example"}>`],
    ],
    root,
  );
  const labelIds: string[] = [];
  if (inInbox && random() < unreadChance) labelIds.push("UNREAD");
  if (inInbox && random() < 0.06) labelIds.push("STARRED");
  if (profile.important === true && random() < 0.4) labelIds.push("IMPORTANT");
  labelIds.push(profile.category, ...profile.labels);
  if (inInbox) labelIds.push("INBOX");
  return { raw, labelIds };
}

function pickWeighted(random: () => number): Profile {
  const total = PROFILES.reduce((sum, p) => sum + p.weight, 0);
  let roll = random() * total;
  for (const profile of PROFILES) {
    roll -= profile.weight;
    if (roll < 0) return profile;
  }
  return PROFILES[0] as Profile;
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

function asHtml(text: string): string {
  const paragraphs = text
    .trim()
    .split(/\n\n+/)
    .map((p) => `<p>${p.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/\n/g, "<br>")}</p>`);
  return `<!doctype html><html><body style="font-family:Georgia,serif">${paragraphs.join("")}</body></html>`;
}
