import { headerValue } from "./mime-headers";
import type { ParsedMessage } from "./mime-parser";
import { type SearchDoc, wordsOf } from "./search-matcher";

/** Precomputes everything `q` matching reads, so a search scans strings instead of re-parsing messages. */
export function buildSearchDoc(parsed: ParsedMessage): SearchDoc {
  const header = (name: string) => headerValue(parsed.headers, name) ?? "";
  const subject = header("Subject");
  const addresses = ["From", "To", "Cc", "Bcc"].map(header).join(" ");
  const text = `${subject}\n${addresses}\n${parsed.bodyText}`;
  return {
    words: padWords(text),
    text: text.toLowerCase(),
    subjectWords: padWords(subject),
    subjectText: subject.toLowerCase(),
    from: header("From").toLowerCase(),
    to: header("To").toLowerCase(),
    cc: header("Cc").toLowerCase(),
    bcc: header("Bcc").toLowerCase(),
    deliveredTo: header("Delivered-To").toLowerCase(),
    filenames: parsed.attachments.map((a) => a.filename.toLowerCase()),
    messageId: header("Message-ID").trim().replace(/^<|>$/g, "").toLowerCase(),
  };
}

function padWords(text: string): string {
  return ` ${wordsOf(text).join(" ")} `;
}
