import type { Account } from "../users";

export interface SeedMessage {
  id: string;
  raw: Buffer;
  labelIds: string[];
  internalDate: number;
}

export interface SeedMailbox {
  account: Account;
  /** User labels, created in this order as Label_1, Label_2, … */
  userLabels: { name: string; color?: { textColor: string; backgroundColor: string } }[];
  /** Oldest first, so replies are inserted after the messages they thread onto. */
  messages: SeedMessage[];
  historyStart: number;
}
