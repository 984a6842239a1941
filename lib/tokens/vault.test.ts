import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { VaultError, decryptSecret, encryptSecret, keyIdOf } from "./vault";

const oldKey = { id: "old", key: randomBytes(32) };
const newKey = { id: "new", key: randomBytes(32) };
const context = "google:1234:refresh_token";

describe("vault", () => {
  it("round-trips a token and never stores it in plaintext", () => {
    const stored = encryptSecret("1//refresh-token-value", [newKey, oldKey], context);
    expect(stored).not.toContain("refresh-token-value");
    expect(keyIdOf(stored)).toBe("new");
    expect(decryptSecret(stored, [newKey, oldKey], context)).toBe("1//refresh-token-value");
  });

  it("uses a fresh IV each time", () => {
    expect(encryptSecret("same", [newKey], context)).not.toBe(encryptSecret("same", [newKey], context));
  });

  it("decrypts values written under an older key after rotation", () => {
    const stored = encryptSecret("ya29.token", [oldKey], context);
    expect(decryptSecret(stored, [newKey, oldKey], context)).toBe("ya29.token");
  });

  it("refuses a value whose key is no longer in the ring", () => {
    const stored = encryptSecret("ya29.token", [oldKey], context);
    expect(() => decryptSecret(stored, [newKey], context)).toThrowError(/key "old"/);
  });

  it("detects tampering with any byte", () => {
    const stored = encryptSecret("ya29.token", [newKey], context);
    const parts = stored.split(".");
    const sealed = Buffer.from(parts[3]!, "base64url");
    for (const index of [0, sealed.length - 1]) {
      const copy = Buffer.from(sealed);
      copy[index] = copy[index]! ^ 1;
      const forged = [...parts.slice(0, 3), copy.toString("base64url")].join(".");
      expect(() => decryptSecret(forged, [newKey], context)).toThrowError(VaultError);
    }
  });

  it("will not decrypt a value moved to another account or column", () => {
    const stored = encryptSecret("1//refresh", [newKey], context);
    expect(() => decryptSecret(stored, [newKey], "google:9999:refresh_token")).toThrowError(VaultError);
    expect(() => decryptSecret(stored, [newKey], "google:1234:access_token")).toThrowError(VaultError);
  });

  it.each(["", "plaintext-token", "v1.new", "v2.new.aaaa.bbbb", "v1.new.AA.AA", "v1.new.a.b.c"])("rejects malformed value %j", (value) => {
    expect(() => decryptSecret(value, [newKey], context)).toThrowError(VaultError);
  });
});
