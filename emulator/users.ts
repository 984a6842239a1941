import type { HistoryRecord } from "./gmail/history-log";
import type { Mailbox } from "./gmail/mailbox";

/** A Google account: the identity the OAuth side signs in and the owner of one mailbox. */
export interface Account {
  email: string;
  name: string;
  givenName: string;
  familyName?: string;
  /** Google's stable numeric user id (21 digits). */
  sub: string;
}

export class UserDirectory {
  private readonly accounts: Account[] = [];
  private readonly mailboxes = new Map<string, Mailbox>();
  /** Told about every change recorded in any mailbox of the directory (Gmail push listens here). */
  onChange: ((email: string, record: HistoryRecord) => void) | undefined;

  add(account: Account, mailbox: Mailbox): void {
    this.accounts.push(account);
    this.mailboxes.set(account.email.toLowerCase(), mailbox);
    mailbox.history.onRecord = (record) => this.onChange?.(account.email, record);
  }

  list(): readonly Account[] {
    return this.accounts;
  }

  /** Finds an account by email (case-insensitive) or by `sub`, as `login_hint` allows both. */
  find(emailOrSub: string): Account | undefined {
    const key = emailOrSub.trim().toLowerCase();
    return this.accounts.find((a) => a.email.toLowerCase() === key || a.sub === key);
  }

  indexOf(account: Account): number {
    return this.accounts.indexOf(account);
  }

  mailbox(email: string): Mailbox | undefined {
    return this.mailboxes.get(email.toLowerCase());
  }
}

export function splitName(name: string): { givenName: string; familyName?: string } {
  const [givenName = name, ...rest] = name.trim().split(/\s+/);
  return rest.length > 0 ? { givenName, familyName: rest.join(" ") } : { givenName };
}
