import "server-only";
// The one door from a signed-in user to their own mailbox: finds the user's Google account and runs the
// Gmail work with a valid access token (one refresh-and-retry on a rejected token), turning failures into
// AppErrors. Every read goes through here, so only the signed-in user's own mailbox is ever read.
import { AppError } from "../errors";
import { withGoogleAccess } from "../tokens/google-access";
import { findGoogleAccount } from "../tokens/token-store";
import { isUnauthorized, toAppError } from "./gmail-errors";

export async function withMailbox<T>(userId: string, what: Parameters<typeof toAppError>[1], work: (accessToken: string) => Promise<T>): Promise<T> {
  const account = await findGoogleAccount(userId);
  if (!account) throw new AppError("unauthenticated", "Your Google account is no longer linked. Please sign in again.");
  try {
    return await withGoogleAccess(account, work, isUnauthorized);
  } catch (error) {
    throw toAppError(error, what);
  }
}
