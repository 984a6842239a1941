"use client";
// Saving or sending met an account that may only read mail: why, and the way to Google's consent screen.
// The text stays in this browser whatever Google answers.
import { useState } from "react";

type Props = { account: string; declined: boolean; onGrant: () => Promise<void>; onDismiss: () => void };

export function PermissionNotice({ account, declined, onGrant, onDismiss }: Props) {
  const [leaving, setLeaving] = useState(false);
  return (
    <div className="compose-alert" role="alert" data-testid="compose-scope">
      <p>
        {declined ? (
          <>
            Permission to write mail was not granted, so <strong>nothing was sent</strong>. Your text is kept in this browser.
          </>
        ) : (
          <>
            To save and send mail from <strong>{account}</strong>, Mailroom needs Google&apos;s permission to change mail there; until now
            it could only read it. Your text is kept in this browser meanwhile.
          </>
        )}
      </p>
      <div className="compose-alert-actions">
        <button type="button" className="button" onClick={onDismiss}>
          Not now
        </button>
        <button
          type="button"
          className="button button-primary"
          data-testid="compose-grant"
          disabled={leaving}
          aria-busy={leaving}
          onClick={() => {
            setLeaving(true);
            void onGrant().finally(() => setLeaving(false));
          }}
        >
          {leaving ? "Opening Google…" : "Continue to Google"}
        </button>
      </div>
    </div>
  );
}
