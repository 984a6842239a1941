// What a client may ask of the mailbox, validated before anything reaches Google. Shared by the API routes
// and the pages, so a URL typed into the address bar gets the same checks as an API call.
import { z } from "zod";
import { single } from "./query-params";
import { isLabelView } from "@/lib/gmail/labels";

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;
/** How many earlier pages the inbox URL remembers for "Newer" (Gmail's tokens only go forward). */
export const MAX_PAGE_HISTORY = 40;

/** Gmail message ids are 16 lowercase hex digits. */
export const messageId = z.string().regex(/^[0-9a-f]{16}$/, "must be a Gmail message id (16 hex digits)");

/** Gmail thread ids look like message ids (a conversation's id is its first message's). */
export const threadId = z.string().regex(/^[0-9a-f]{16}$/, "must be a Gmail thread id (16 hex digits)");

/**
 * Gmail's attachment ids are long opaque base64url strings (several hundred characters at Google, shorter in
 * the emulator); anything else, or anything absurdly long, is not one.
 */
export const attachmentId = z.string().regex(/^[\w-]{16,2048}$/, "must be a Gmail attachment id");

/** Opaque, but only ever letters, digits and a few URL-safe marks, and bounded. */
export const pageToken = z.string().regex(/^[\w.~-]{1,256}$/, "is not a valid page token");

/**
 * The All accounts view's own page token (lib/gmail/all-accounts-page-token.ts): signed, longer than a Gmail
 * token because it holds one position per account, but bounded.
 */
export const allAccountsPageToken = z.string().regex(/^[\w-]{1,4000}\.[\w-]{43}$/, "is not a valid page token");

/** Either kind; which one a request may use depends on its `account` (see listQuerySchema). */
export const anyPageToken = z.union([pageToken, allAccountsPageToken], { error: "is not a valid page token" });

export const labelId = z.string().refine(isLabelView, "is not a label id");

/** One of the user's linked Google accounts, by address (resolved against the user's own accounts later). */
export const accountEmail = z.email("must be an email address").max(320, "is longer than 320 characters");

/** `account=`: an address, or `all` for the merged All accounts view where a page offers it. */
export const accountParam = z.union([z.literal("all"), accountEmail], { error: "must be one of your accounts' addresses or all" });

export const searchQuery = z
  .string()
  .max(500, "is longer than 500 characters")
  .refine((value) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value), "contains control characters");

/** The fields of a list request; pages extend it, then apply `onlyAllAccountsTokensForAll`. */
export const listQueryFields = z
  .object({
    account: single(accountParam),
    label: single(labelId),
    q: single(searchQuery),
    pageToken: single(anyPageToken),
    pageSize: single(
      z
        .string()
        .regex(/^\d{1,3}$/, `must be a whole number from 1 to ${MAX_PAGE_SIZE}`)
        .transform(Number)
        .pipe(
          z
            .number()
            .int()
            .min(1, `must be a whole number from 1 to ${MAX_PAGE_SIZE}`)
            .max(MAX_PAGE_SIZE, `must be a whole number from 1 to ${MAX_PAGE_SIZE}`),
        ),
    ),
  })
  .strict();

/** A Gmail page token is for one account; the long signed kind only for `account=all`. */
export function onlyAllAccountsTokensForAll(query: { account?: string; pageToken?: string }): boolean {
  return query.account === "all" || !query.pageToken || pageToken.safeParse(query.pageToken).success;
}
export const pageTokenMismatch = { path: ["pageToken"], message: "is not a valid page token" };

export const listQuerySchema = listQueryFields.refine(onlyAllAccountsTokensForAll, pageTokenMismatch);

/** The query of an API that reads one message or conversation: at most the account it belongs to. */
export const oneAccountQuery = z.object({ account: single(accountEmail) }).strict();

/** The inbox page's query: a list request, plus the earlier pages' tokens that "Newer" goes back through. */
export const inboxPageQuerySchema = listQueryFields
  .extend({
    prev: z
      .string()
      .optional()
      .transform((value) => (value ? value.split(",") : []))
      .pipe(z.array(anyPageToken).max(MAX_PAGE_HISTORY)),
  })
  .refine(onlyAllAccountsTokensForAll, pageTokenMismatch);

export type ListQuery = { label: string; q?: string; pageToken?: string; pageSize: number };

/** What a validated list query asks for, defaults filled in; the messages and threads APIs share it. */
export function listRequestOf(userId: string, query: z.infer<typeof listQuerySchema>) {
  return {
    userId,
    label: query.label ?? "INBOX",
    q: query.q,
    pageToken: query.pageToken,
    pageSize: query.pageSize ?? DEFAULT_PAGE_SIZE,
  };
}
