import { bytesOf } from "./charset";

/**
 * A raw message split into its header fields (each with its folded continuation lines, as sent) and its body,
 * so Gmail's rewrites (Message-ID, Received, From, Bcc) change those fields and leave every other byte alone.
 * Line ends become CRLF, as Gmail stores mail; clients may send bare LF.
 */
export interface RawHeaders {
  fields: string[];
  body: string;
}

export function splitRawMessage(raw: Buffer): RawHeaders {
  const binary = raw.toString("latin1").replace(/\r?\n/g, "\r\n");
  const end = binary.startsWith("\r\n") ? 0 : binary.indexOf("\r\n\r\n");
  const block = end === -1 ? binary : binary.slice(0, end);
  const body = end === -1 ? "" : binary.slice(end + (end === 0 ? 2 : 4));
  const fields: string[] = [];
  for (const line of block.split("\r\n")) {
    const last = fields.length - 1;
    if ((line.startsWith(" ") || line.startsWith("\t")) && last >= 0) fields[last] += `\r\n${line}`;
    else if (line !== "") fields.push(line);
  }
  return { fields, body };
}

export function joinRawMessage(message: RawHeaders): Buffer {
  return bytesOf(`${message.fields.join("\r\n")}\r\n\r\n${message.body}`);
}

export function fieldName(field: string): string {
  const colon = field.indexOf(":");
  return colon <= 0 ? "" : field.slice(0, colon).trim().toLowerCase();
}

/** The raw (still encoded, unfolded) values of every field with this name. */
export function rawValues(message: RawHeaders, name: string): string[] {
  const lower = name.toLowerCase();
  return message.fields
    .filter((f) => fieldName(f) === lower)
    .map((f) =>
      f
        .slice(f.indexOf(":") + 1)
        .replace(/\r\n/g, "")
        .trim(),
    );
}

export function withoutFields(message: RawHeaders, name: string): RawHeaders {
  const lower = name.toLowerCase();
  return { fields: message.fields.filter((f) => fieldName(f) !== lower), body: message.body };
}

/** Replaces the first field with this name (dropping any others) or appends it. */
export function withField(message: RawHeaders, name: string, value: string): RawHeaders {
  const lower = name.toLowerCase();
  const at = message.fields.findIndex((f) => fieldName(f) === lower);
  const field = `${name}: ${value}`;
  if (at === -1) return { fields: [...message.fields, field], body: message.body };
  const fields = message.fields.filter((f, i) => i === at || fieldName(f) !== lower);
  fields[fields.indexOf(message.fields[at] ?? "")] = field;
  return { fields, body: message.body };
}

export function withFieldFirst(message: RawHeaders, name: string, value: string): RawHeaders {
  return { fields: [`${name}: ${value}`, ...message.fields], body: message.body };
}
