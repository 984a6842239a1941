"use client";
// Who the message is from: the account (or the address a reopened draft chose), shown; "Change" asks for the
// account's send-as addresses (its own and its accepted aliases) and offers them, the default first. Nothing
// is asked before the person wants to change it, so opening a composer (a reply above all) costs no request.
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { type SendAsAddress, listSendAs } from "./compose-api";

type Props = {
  id: string;
  account: string;
  /** The address chosen so far (a reopened draft's), or undefined for the account's default. */
  value: string | undefined;
  onChange: (email: string) => void;
};

type Choices = { state: "closed" } | { state: "loading" } | { state: "ready"; sendAs: SendAsAddress[] };

function labelOf(entry: SendAsAddress): string {
  return entry.name ? `${entry.name} <${entry.email}>` : entry.email;
}

export function FromPicker({ id, account, value, onChange }: Props) {
  const t = useTranslations("compose.from");
  const [choices, setChoices] = useState<Choices>({ state: "closed" });
  const select = useRef<HTMLSelectElement>(null);

  // The list replaces the button once it is there: keyboard focus follows it.
  useEffect(() => {
    if (choices.state === "ready") select.current?.focus();
  }, [choices]);

  async function offerChoices() {
    setChoices({ state: "loading" });
    setChoices({ state: "ready", sendAs: await listSendAs(account) });
  }

  if (choices.state === "ready" && choices.sendAs.length > 1) {
    const { sendAs } = choices;
    const chosen =
      sendAs.find((entry) => entry.email.toLowerCase() === value?.toLowerCase()) ?? sendAs.find((entry) => entry.isDefault) ?? sendAs[0]!;
    return (
      <select ref={select} id={id} data-testid="compose-from" value={chosen.email} onChange={(event) => onChange(event.target.value)}>
        {sendAs.map((entry) => (
          <option key={entry.email} value={entry.email}>
            {labelOf(entry)}
          </option>
        ))}
      </select>
    );
  }
  return (
    <span className="compose-from">
      <output id={id} data-testid="compose-from">
        {value ?? account}
      </output>
      {choices.state === "ready" ? (
        <span className="compose-hint">{t("noOther")}</span>
      ) : (
        <button
          type="button"
          className="button button-small"
          data-testid="compose-from-change"
          aria-busy={choices.state === "loading"}
          disabled={choices.state === "loading"}
          onClick={() => void offerChoices()}
        >
          {choices.state === "loading" ? t("loading") : t("change")}
          <span className="visually-hidden">{t("changeHint")}</span>
        </button>
      )}
    </span>
  );
}
