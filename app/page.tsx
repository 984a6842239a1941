import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { LanguagePicker } from "./_components/language-picker";
import { SignInButton } from "./_components/sign-in-button";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { pageBeforeGoogle } from "@/lib/auth/callback-url-cookie";
import { getSignedInUser } from "@/lib/auth/session";
import { signInErrorCodeOf } from "@/lib/auth/sign-in-errors";

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
  const t = await getTranslations("auth");
  const message = error === undefined ? null : t(`signInErrors.${signInErrorCodeOf(error)}`);
  return (
    <main className="sign-in">
      <div className="sign-in-card">
        <h1>Mailroom</h1>
        <p>{t("signIn.tagline")}</p>
        {message && (
          <p className="sign-in-error" role="alert">
            {message}
          </p>
        )}
        <SignInButton label={t("signIn.button")} callbackUrl={afterSignIn} />
        <LanguagePicker />
      </div>
    </main>
  );
}
