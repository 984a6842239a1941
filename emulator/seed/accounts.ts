import type { Account } from "../users";

/** Seeded Google accounts; the 21-digit subs are fixed so next-auth's providerAccountId never changes. */
export const ADA: Account = {
  email: "ada@example.com",
  name: "Ada Lovelace",
  givenName: "Ada",
  familyName: "Lovelace",
  sub: "117241893462930118245",
};
export const GRACE: Account = {
  email: "grace@example.com",
  name: "Grace Hopper",
  givenName: "Grace",
  familyName: "Hopper",
  sub: "104925301874661203377",
};
export const EMPTY: Account = {
  email: "empty@example.com",
  name: "Empty Mailbox",
  givenName: "Empty",
  familyName: "Mailbox",
  sub: "112083360559182744601",
};

/** The newest seeded message is received at this instant; older ones step back from it. */
export const SEED_ANCHOR = Date.UTC(2026, 10, 20, 16, 42, 7);

export interface Correspondent {
  name: string;
  email: string;
}

export const PEOPLE = {
  grace: { name: GRACE.name, email: GRACE.email },
  charles: { name: "Charles Babbage", email: "charles@analytical.example" },
  mary: { name: "Mary Somerville", email: "mary@somerville.example" },
  ida: { name: "Ida Rhodes", email: "ida@clientco.example" },
  dana: { name: "Dana Levi", email: "dana@levi.example" },
  claire: { name: "Claire Dubois", email: "claire@dubois.example" },
} satisfies Record<string, Correspondent>;
