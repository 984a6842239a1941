"use client";
// To, Cc or Bcc: the addresses as removable chips and a text field that suggests people this account writes
// to. The field and its suggestions follow the ARIA combobox pattern (arrow keys move through the listbox,
// Enter picks, Escape closes it), so the keyboard reaches everything a mouse does.
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { type Contact, searchContacts } from "./compose-api";
import { formatAddress } from "./quote";

/** Enough to catch a typo before Gmail does; the server names any address it refuses. */
const LOOKS_LIKE_ADDRESS = /^(?:[^<>]*<\s*[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+\s*>|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/;

/** Splits typed or pasted text into addresses at commas, semicolons and line breaks (not inside quotes). */
export function splitAddresses(text: string): string[] {
  return (text.match(/(?:"[^"]*"|[^,;\n])+/g) ?? []).map((part) => part.trim()).filter(Boolean);
}

type Props = {
  label: string;
  testId: string;
  account: string;
  value: string[];
  onChange: (addresses: string[]) => void;
  autoFocus?: boolean;
};

export function RecipientInput({ label, testId, account, value, onChange, autoFocus }: Props) {
  const t = useTranslations("compose.recipients");
  const id = useId();
  const listId = `${id}-suggestions`;
  const [text, setText] = useState("");
  const [suggestions, setSuggestions] = useState<Contact[]>([]);
  const [active, setActive] = useState(-1);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const query = text.trim();
    if (query.length === 0) return;
    const controller = new AbortController();
    // Asked once the person pauses, not at every key.
    const timer = setTimeout(() => {
      void searchContacts(account, query, controller.signal).then((found) => {
        if (controller.signal.aborted) return;
        const taken = new Set(value.map((address) => address.toLowerCase()));
        setSuggestions(found.filter((contact) => !taken.has(formatAddress(contact).toLowerCase())).slice(0, 8));
        setActive(-1);
      });
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, account, value]);

  function commit(extra: string[]) {
    setText("");
    setSuggestions([]);
    setActive(-1);
    if (extra.length > 0) onChange([...value, ...extra]);
  }

  const open = suggestions.length > 0 && text.trim().length > 0;
  return (
    <div className="compose-field recipient-field">
      <label htmlFor={id} className="compose-label">
        {label}
      </label>
      <ul className="recipient-chips" aria-label={t("chips", { label })}>
        {value.map((address, index) => (
          <li key={`${address}-${index}`} className={`recipient-chip ${LOOKS_LIKE_ADDRESS.test(address) ? "" : "recipient-invalid"}`}>
            <bdi>{address}</bdi>
            {!LOOKS_LIKE_ADDRESS.test(address) && <span className="visually-hidden">{t("invalid")}</span>}
            <button
              type="button"
              className="recipient-remove"
              onClick={() => {
                onChange(value.filter((_, other) => other !== index));
                inputRef.current?.focus();
              }}
            >
              <span aria-hidden="true">×</span>
              <span className="visually-hidden">{t("remove", { address })}</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="recipient-combo">
        <input
          ref={inputRef}
          id={id}
          data-testid={testId}
          type="text"
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
          autoComplete="off"
          dir="auto"
          autoFocus={autoFocus}
          value={text}
          onChange={(event) => {
            const typed = event.target.value;
            if (/[,;\n]/.test(typed)) {
              const parts = splitAddresses(typed);
              const last = /[,;\n]\s*$/.test(typed) ? "" : (parts.pop() ?? "");
              if (parts.length > 0) onChange([...value, ...parts]);
              setText(last);
              return;
            }
            setText(typed);
            if (!typed.trim()) setSuggestions([]);
          }}
          onPaste={(event) => {
            const pasted = event.clipboardData.getData("text");
            if (!/[,;\n]/.test(pasted)) return;
            event.preventDefault();
            commit(splitAddresses(text + pasted));
          }}
          onKeyDown={(event) => {
            if (open && event.key === "ArrowDown") {
              event.preventDefault();
              setActive((current) => (current + 1) % suggestions.length);
            } else if (open && event.key === "ArrowUp") {
              event.preventDefault();
              setActive((current) => (current <= 0 ? suggestions.length - 1 : current - 1));
            } else if (open && event.key === "Escape") {
              // Closes the list only, not the composer.
              event.preventDefault();
              event.stopPropagation();
              setSuggestions([]);
            } else if (event.key === "Enter" && !event.ctrlKey && !event.metaKey) {
              const picked = open && active >= 0 ? suggestions[active] : undefined;
              if (picked || text.trim()) event.preventDefault();
              commit(picked ? [formatAddress(picked)] : splitAddresses(text));
            } else if (event.key === "Enter" || event.key === "Tab") {
              commit(splitAddresses(text));
            } else if (event.key === "Backspace" && text === "" && value.length > 0) {
              onChange(value.slice(0, -1));
            }
          }}
          onBlur={() => commit(splitAddresses(text))}
        />
        <ul id={listId} role="listbox" aria-label={t("suggestions", { label })} className="recipient-suggestions" hidden={!open}>
          {open &&
            suggestions.map((contact, index) => (
              <li
                key={contact.email}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                className="recipient-suggestion"
                data-testid="compose-suggestion"
                // Before the field's blur, so the pick is not lost to the blur's commit.
                onMouseDown={(event) => {
                  event.preventDefault();
                  commit([formatAddress(contact)]);
                }}
              >
                <bdi>{contact.name ?? contact.email}</bdi> {contact.name && <bdi className="muted">{contact.email}</bdi>}
              </li>
            ))}
        </ul>
      </div>
    </div>
  );
}
