// How a conversation row names who wrote in it, as Gmail does.
import type { ConversationRow } from "./rows";
import type { Translate } from "./translate";

export type ParticipantWords = Translate<"row.me" | "row.unknownSender" | "row.unknown">;
import type { Mailbox } from "@/lib/mime/mailbox-address";

function fullName(t: ParticipantWords, { name, email }: Mailbox): string {
  return name || email || t("row.unknownSender");
}

/** What a crowded row can afford: a first name, or the part of the address before the @. */
function shortName(t: ParticipantWords, { name, email }: Mailbox): string {
  if (name) return name.split(/\s+/)[0] ?? name;
  return email?.split("@")[0] || t("row.unknown");
}

/**
 * "Ada Lovelace" for one writer, "Ada, Grace" for several, "Ada .. Linus, Grace" past three; the account's
 * own messages are "me".
 */
export function participantsText(t: ParticipantWords, row: Pick<ConversationRow, "participants" | "from">, me: string | null): string {
  const writers = row.participants.length > 0 ? row.participants : [row.from];
  const isMe = (mailbox: Mailbox) => Boolean(me && mailbox.email?.toLowerCase() === me.toLowerCase());
  if (writers.length === 1) return isMe(writers[0]!) ? t("row.me") : fullName(t, writers[0]!);
  const names = writers.map((mailbox) => (isMe(mailbox) ? t("row.me") : shortName(t, mailbox)));
  if (names.length <= 3) return names.join(", ");
  return `${names[0]} .. ${names.slice(-2).join(", ")}`;
}
