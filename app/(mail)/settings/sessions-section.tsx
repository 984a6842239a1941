import { getTranslations } from "next-intl/server";
import { DeviceName } from "../../_components/device-name";
import { LocalTime } from "../../_components/local-time";
import { signOutOtherSessionsAction } from "./session-actions";
import { listSessions } from "@/lib/accounts/sessions";
import { currentSessionToken } from "@/lib/auth/session-binding";

/** Settings: every browser signed in as this user, and "Sign out everywhere else". */
export async function SessionsSection({ userId }: { userId: string }) {
  const sessions = await listSessions(userId, await currentSessionToken());
  const others = sessions.filter((session) => !session.current).length;
  const t = await getTranslations("settings.sessions");
  return (
    <section aria-labelledby="sessions-heading" className="card">
      <h2 id="sessions-heading">{t("heading")}</h2>
      <ul className="session-list">
        {sessions.map((session) => (
          <li key={session.id} data-testid="session-row" data-current={session.current ? "true" : "false"}>
            <strong data-testid="session-device">
              <DeviceName device={session.device} />
            </strong>
            {session.current && <span className="muted">{t("thisDevice")}</span>}
            {session.accountEmail && (
              <span className="muted">{t.rich("signedInWith", { account: () => <bdi>{session.accountEmail}</bdi> })}</span>
            )}
            <br />
            <span data-testid="session-last-seen">
              {t.rich("lastSeen", { when: () => <LocalTime iso={session.lastSeenAt.toISOString()} style="full" /> })}
            </span>
          </li>
        ))}
      </ul>
      {others > 0 ? (
        <form action={signOutOtherSessionsAction}>
          <button type="submit" className="button" data-testid="sign-out-others">
            {t("signOutOthers")}
          </button>
        </form>
      ) : (
        <p className="muted">{t("onlyOne")}</p>
      )}
    </section>
  );
}
