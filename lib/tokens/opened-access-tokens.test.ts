import { describe, expect, it } from "vitest";
import { sealToken } from "./token-store";
import { openAccessToken } from "./opened-access-tokens";
import { VaultError } from "./vault";
import { useIntegrationEnvironment } from "@/scripts/testing/integration-env";

useIntegrationEnvironment();

describe("openAccessToken", () => {
  it("opens the stored token, and a refreshed (newly stored) token to the new value", () => {
    const account = { providerAccountId: "1001" };
    expect(openAccessToken(account, sealToken("1001", "access_token", "ya29.first"))).toBe("ya29.first");
    expect(openAccessToken(account, sealToken("1001", "access_token", "ya29.second"))).toBe("ya29.second");
  });

  it("refuses a stored token copied into another account's row, even after opening it for its own", () => {
    const stored = sealToken("1001", "access_token", "ya29.ada");
    expect(openAccessToken({ providerAccountId: "1001" }, stored)).toBe("ya29.ada");
    expect(() => openAccessToken({ providerAccountId: "2002" }, stored)).toThrow(VaultError);
  });

  it("refuses a refresh token stored where an access token belongs", () => {
    const stored = sealToken("1001", "refresh_token", "1//refresh");
    expect(() => openAccessToken({ providerAccountId: "1001" }, stored)).toThrow(VaultError);
  });
});
