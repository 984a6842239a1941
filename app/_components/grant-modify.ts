// Incremental authorization from the browser: asks Google for gmail.modify alone for one of the user's
// accounts, then comes back. For client components (the authorize page's button, the inbox's pending action).
// Tokens never pass through the browser: next-auth exchanges Google's code on the server, and the sign-in
// callback accepts the answer only for the account named here (a signed "grant" intent bound to its `sub`).
import { signIn } from "next-auth/react";
import { safeReturnPath } from "@/lib/auth/return-path";
import { GMAIL_MODIFY_SCOPE } from "@/lib/google-scopes";
import { prepareSignInIntent } from "./sign-in-intent-action";

export type StartModifyGrantOptions = {
  /** The address of one of the signed-in user's linked accounts. */
  account: string;
  /** A path on this site to come back to (whether Google granted or not); default: the current page. */
  returnTo?: string;
};

function currentPage(): string {
  return `${window.location.pathname}${window.location.search}`;
}

/** Leaves for Google's consent screen; resolves only if the browser did not navigate (then throws on failure). */
export async function startModifyGrant({ account, returnTo }: StartModifyGrantOptions): Promise<void> {
  const callbackUrl = safeReturnPath(returnTo) ?? safeReturnPath(currentPage()) ?? "/inbox";
  await prepareSignInIntent({ kind: "grant", email: account });
  await signIn(
    "google",
    { callbackUrl },
    {
      // The new scope alone: Google's screen then asks for just this, and include_granted_scopes makes the
      // token cover it together with everything granted before.
      scope: GMAIL_MODIFY_SCOPE,
      include_granted_scopes: "true",
      login_hint: account,
      access_type: "offline",
      prompt: "consent",
    },
  );
}
