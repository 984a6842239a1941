// A recipient as Mailroom handles one (a display name and an address), and the two rules every part agrees
// on: how one is written back as text, and that addresses compare case-insensitively. Pure and dependency-free,
// so the browser's composer uses the same rules as the server.

export type Recipient = { name: string; address: string };

/** `Name <address>` (name quoted when it needs to be), or the bare address: how the API hands a recipient back. */
export function formatRecipient({ name, address }: Recipient): string {
  if (name === "") return address;
  const needsQuotes = /[",;:<>@()[\]\\]/.test(name);
  return needsQuotes ? `"${name.replace(/["\\]/g, "\\$&")}" <${address}>` : `${name} <${address}>`;
}

/** Addresses compare case-insensitively (the local part of Gmail addresses is not case-sensitive either). */
export const addressKey = (address: string) => address.trim().toLowerCase();
