import "server-only";
// The page token of the "All accounts" view: where each linked account's listing stands (its Gmail page
// token, how many messages of that Gmail page were already shown, whether it is used up). The browser
// carries it in the URL, so it is signed: a token edited by hand, made for another user, or for another
// label or search is refused instead of reading a position we never handed out.
//
// Format: base64url(JSON) "." base64url(HMAC-SHA256). Only URL-safe characters, like Gmail's own tokens.
import { z } from "zod";
import { getConfig } from "../config";
import { signPayload, verifyPayload } from "../signed-payload";
import { AppError } from "../errors";
import { allAccountsPageToken } from "../http/mail-query";

/** Where one account's listing stands. */
export type AccountCursor = {
  accountId: string;
  /** The Gmail page token of the list page being consumed; absent for the account's first page. */
  pageToken?: string;
  /** How many messages of that Gmail list page were already shown (or found deleted). */
  offset: number;
  /** Nothing more to show from this account. */
  exhausted: boolean;
};

/** What the token is valid for: one user, one label, one search, one kind of listing. */
export type PageTokenScope = { userId: string; label: string; q?: string; kind?: "messages" | "threads" };

/** Gmail answers at most this many ids per list call, so an offset within a list page stays below it. */
export const MAX_GMAIL_LIST_PAGE = 500;
const MAX_ACCOUNTS = 50;

const payloadSchema = z.object({
  v: z.literal(1),
  // [accountId, Gmail pageToken ("" on the first page), offset, exhausted (1) or not (0)]
  a: z
    .array(
      z.tuple([
        z.string().min(1).max(64),
        z.string().regex(/^[\w.~-]{0,256}$/),
        z.number().int().min(0).max(MAX_GMAIL_LIST_PAGE),
        z.union([z.literal(0), z.literal(1)]),
      ]),
    )
    .max(MAX_ACCOUNTS),
});

const INVALID_TOKEN = "That page of results is not valid here. Start again from the first page of All accounts.";

/**
 * The signing purpose names the scope, so a token made for one user, label or search fails for any other,
 * and a conversations token (positions in threads.list) is refused by the messages view and back.
 */
function purpose(scope: PageTokenScope): string {
  const kind = scope.kind === "threads" ? "threads:" : "";
  return `all-accounts-page-token/v1:${kind}${JSON.stringify([scope.userId, scope.label, scope.q ?? ""])}`;
}

export function encodeAllAccountsPageToken(scope: PageTokenScope, cursors: readonly AccountCursor[]): string {
  const payload: z.infer<typeof payloadSchema> = {
    v: 1,
    a: cursors.map((cursor) => [cursor.accountId, cursor.pageToken ?? "", cursor.offset, cursor.exhausted ? 1 : 0]),
  };
  return signPayload(getConfig().auth.secret, purpose(scope), payload);
}

/** The cursors a token carries; throws a 400 AppError for anything we did not sign for this scope. */
export function decodeAllAccountsPageToken(scope: PageTokenScope, token: string): AccountCursor[] {
  const json = allAccountsPageToken.safeParse(token).success ? verifyPayload(getConfig().auth.secret, purpose(scope), token) : null;
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) throw new AppError("bad_request", INVALID_TOKEN);
  return parsed.data.a.map(([accountId, pageToken, offset, exhausted]) => ({
    accountId,
    ...(pageToken ? { pageToken } : {}),
    offset,
    exhausted: exhausted === 1,
  }));
}
