import { redirect } from "next/navigation";
import { SignInButton } from "./_components/sign-in-button";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { pageBeforeGoogle } from "@/lib/auth/callback-url-cookie";
import { getSignedInUser } from "@/lib/auth/session";
import { SIGN_IN_ERRORS } from "@/lib/auth/sign-in-errors";

// Reads the session cookie: never prerendered at build time.
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { error, callbackUrl } = await searchParams;
  // A signed-out visit to a page (a conversation's link, a search) comes back to it once signed in.
  const afterSignIn = safeCallbackPath(callbackUrl);
  // Signed in, a trip to Google that came back with an error (a declined permission, a cancelled reconnect)
  // lands here as next-auth's error page: nothing changed, so back to the page it started from.
  if (await getSignedInUser()) redirect(error === undefined ? afterSignIn : await pageBeforeGoogle());
  // next-auth sends errors here as ?error=<code>; show a sentence, never the raw code or a stack.
  const message = typeof error === "string" ? (SIGN_IN_ERRORS[error] ?? "The sign-in did not work. Please try again.") : null;
  return (
    <main className="sign-in">
      <div className="sign-in-card">
        <h1>Mailroom</h1>
        <p>A fast, private web inbox for your Gmail. Mailroom only asks to read your mail.</p>
        {message && (
          <p className="sign-in-error" role="alert">
            {message}
          </p>
        )}
        <SignInButton label="Sign in with Google" callbackUrl={afterSignIn} />
      </div>
    </main>
  );
}
