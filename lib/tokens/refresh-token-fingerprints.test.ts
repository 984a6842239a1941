import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { tokenIdentifier } from "@/emulator/risc/set-claims";
import { doubleSha512, prefixFingerprint, refreshTokenFingerprints } from "./refresh-token-fingerprints";

const token = "1//0gExampleRefreshTokenValue-with_more_characters";

describe("refresh token fingerprints", () => {
  it("match the identifiers Google's security events carry, in both forms", () => {
    const fingerprints = refreshTokenFingerprints(token);
    expect(fingerprints.refreshTokenHash).toBe(tokenIdentifier(token, "hash_base64_sha512_sha512"));
    expect(fingerprints.refreshTokenPrefixHash).toBe(prefixFingerprint(tokenIdentifier(token, "prefix")));
  });

  it("never contain the token or its prefix", () => {
    const { refreshTokenHash, refreshTokenPrefixHash } = refreshTokenFingerprints(token);
    for (const value of [refreshTokenHash, refreshTokenPrefixHash]) expect(value).not.toContain(token.slice(0, 8));
  });

  it("compute Google's double SHA-512 over the raw inner digest", () => {
    const hexInner = createHash("sha512").update(token).digest("hex");
    expect(doubleSha512(token)).not.toBe(createHash("sha512").update(hexInner).digest("base64"));
    expect(doubleSha512(token)).toHaveLength(88);
  });
});
