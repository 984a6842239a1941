import "server-only";
// Whether a conversation's remote images are shown without asking: when every sender whose images were
// blocked is one this account trusts ("Always show images from …").
import type { MessageDetail } from "@/lib/gmail/message-detail";
import { trustedAmong } from "@/lib/images/trusted-senders";

/** The lower-case addresses of the senders whose remote images were blocked in these messages. */
export function blockedImageSenders(messages: readonly MessageDetail[]): string[] {
  const senders = messages.flatMap((message) =>
    message.blockedRemoteImages > 0 && message.from.email ? [message.from.email.toLowerCase()] : [],
  );
  return [...new Set(senders)];
}

/** The blocked senders this account does not trust yet, in the order their mail came (to offer trusting them). */
export async function untrustedImageSenders(accountId: string, messages: readonly MessageDetail[]): Promise<string[]> {
  const senders = blockedImageSenders(messages);
  const trusted = await trustedAmong(accountId, senders);
  return senders.filter((sender) => !trusted.has(sender));
}
