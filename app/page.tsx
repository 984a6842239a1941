import { redirect } from "next/navigation";
import { SignInButton } from "./_components/sign-in-button";
import { getSignedInUser } from "@/lib/auth/session";

// Reads the session cookie: never prerendered at build time.
export const dynamic = "force-dynamic";

// next-auth sends errors here as ?error=<code>; show a sentence, never the raw code or a stack.
const SIGN_IN_ERRORS: Record<string, string> = {
  AccessDenied: "You cancelled the sign-in at Google. Mailroom needs your permission to show your mail.",
  OAuthCallback: "Google's answer could not be verified. Please try again.",
  OAuthSignin: "Mailroom could not reach Google to start the sign-in. Please try again.",
  Callback: "The sign-in could not be completed. Please try again.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await getSignedInUser()) redirect("/inbox");
  const { error } = await searchParams;
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
        <SignInButton label="Sign in with Google" />
      </div>
    </main>
  );
}
