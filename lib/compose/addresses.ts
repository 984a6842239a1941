// Recipients as a person types them (`Grace Hopper <grace@example.com>` or `grace@example.com`), checked before
// anything reaches Gmail: each item must be exactly one real address, and every wrong one is named back, so the
// person can fix it. Parsing uses nodemailer's addressparser (the same parser that writes the headers), and an
// address is accepted only if zod's e-mail rule agrees, so `human@f` or `a, b` never reach Gmail's
// "Invalid To header".
import addressparser from "nodemailer/lib/addressparser";
import { z } from "zod";
import { AppError } from "../errors";
import { isSafeHeaderText } from "./header-value";

import { type Recipient, addressKey, formatRecipient } from "./recipient";

export { type Recipient, addressKey, formatRecipient };

/** Gmail's limit of recipients per message sent through its API (To, Cc and Bcc together). */
export const MAX_RECIPIENTS = 100;

const emailAddress = z.email();

/** The one recipient `input` names, or null when it is not exactly one valid address. */
export function parseRecipient(input: string): Recipient | null {
  if (!isSafeHeaderText(input) || input.trim() === "") return null;
  const parsed = addressparser(input, { flatten: true });
  if (parsed.length !== 1) return null;
  const [only] = parsed;
  if (!only || !emailAddress.safeParse(only.address).success) return null;
  if (!isSafeHeaderText(only.name)) return null;
  return { name: only.name.trim(), address: only.address };
}

export type RecipientFields = { to: readonly string[]; cc?: readonly string[] | undefined; bcc?: readonly string[] | undefined };
export type ParsedRecipients = { to: Recipient[]; cc: Recipient[]; bcc: Recipient[] };

/** 400 `bad_request` naming every input that is not one valid address, in `invalidRecipients`. */
export class InvalidRecipientsError extends AppError {
  constructor(readonly invalidRecipients: readonly string[]) {
    super("bad_request", `These recipients are not valid e-mail addresses: ${invalidRecipients.join(", ")}`, {
      details: { invalidRecipients },
    });
    this.name = "InvalidRecipientsError";
  }
}

/** Every field parsed, or one error naming every invalid item; also refuses more than MAX_RECIPIENTS. */
export function parseRecipients(fields: RecipientFields): ParsedRecipients {
  const invalid: string[] = [];
  const parse = (inputs: readonly string[] | undefined) =>
    (inputs ?? []).flatMap((input) => {
      const recipient = parseRecipient(input);
      if (recipient === null) invalid.push(input);
      return recipient === null ? [] : [recipient];
    });
  const parsed = { to: parse(fields.to), cc: parse(fields.cc), bcc: parse(fields.bcc) };
  if (invalid.length > 0) throw new InvalidRecipientsError(invalid);
  const count = parsed.to.length + parsed.cc.length + parsed.bcc.length;
  if (count > MAX_RECIPIENTS) {
    throw new AppError(
      "bad_request",
      `A message may have at most ${MAX_RECIPIENTS} recipients (To, Cc and Bcc together); this one has ${count}.`,
    );
  }
  return parsed;
}
