/** A custom "send mail as" address of a Gmail user (users.settings.sendAs), besides the primary one. */
export interface SendAsAlias {
  sendAsEmail: string;
  displayName: string;
  replyToAddress: string;
  signature: string;
  isDefault: boolean;
  verificationStatus: "accepted" | "pending";
}

/** The aliases of one mailbox; the primary address is the account's own and is not stored here. */
export class SendAsList {
  private readonly aliases: SendAsAlias[] = [];

  list(): readonly SendAsAlias[] {
    return this.aliases;
  }

  find(email: string): SendAsAlias | undefined {
    const key = email.trim().toLowerCase();
    return this.aliases.find((a) => a.sendAsEmail.toLowerCase() === key);
  }

  /** Adds or replaces an alias; making one the default takes the default from every other address. */
  put(alias: SendAsAlias): void {
    const existing = this.aliases.findIndex((a) => a.sendAsEmail.toLowerCase() === alias.sendAsEmail.toLowerCase());
    if (alias.isDefault) for (const other of this.aliases) other.isDefault = false;
    if (existing === -1) this.aliases.push(alias);
    else this.aliases[existing] = alias;
  }

  /** The alias that is the default From, if the default is not the primary address. */
  defaultAlias(): SendAsAlias | undefined {
    return this.aliases.find((a) => a.isDefault && a.verificationStatus === "accepted");
  }
}
