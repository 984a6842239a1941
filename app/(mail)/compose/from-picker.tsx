"use client";
// Who the message is from: one of the account's send-as addresses (its own and its accepted aliases), the
// default chosen. With one address there is nothing to choose, so it is only shown.
import { useEffect, useState } from "react";
import { type SendAsAddress, listSendAs } from "./compose-api";

type Props = {
  id: string;
  account: string;
  /** The address chosen so far (a reopened draft's), or undefined for the account's default. */
  value: string | undefined;
  onChange: (email: string) => void;
};

function labelOf(entry: SendAsAddress): string {
  return entry.name ? `${entry.name} <${entry.email}>` : entry.email;
}

export function FromPicker({ id, account, value, onChange }: Props) {
  const [loaded, setLoaded] = useState<{ account: string; sendAs: SendAsAddress[] } | null>(null);
  useEffect(() => {
    let live = true;
    void listSendAs(account).then((sendAs) => live && setLoaded({ account, sendAs }));
    return () => {
      live = false;
    };
  }, [account]);

  const sendAs = loaded?.account === account ? loaded.sendAs : [];
  if (sendAs.length < 2) {
    return (
      <output id={id} data-testid="compose-from">
        {sendAs[0]?.email ?? account}
      </output>
    );
  }
  const chosen =
    sendAs.find((entry) => entry.email.toLowerCase() === value?.toLowerCase()) ?? sendAs.find((entry) => entry.isDefault) ?? sendAs[0]!;
  return (
    <select id={id} data-testid="compose-from" value={chosen.email} onChange={(event) => onChange(event.target.value)}>
      {sendAs.map((entry) => (
        <option key={entry.email} value={entry.email}>
          {labelOf(entry)}
        </option>
      ))}
    </select>
  );
}
