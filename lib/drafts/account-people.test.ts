// The composer's suggestions come from the account's own Sent mail, through the emulator over HTTP.
import { describe, expect, it } from "vitest";
import { GMAIL_MODIFY, obtainTokens } from "@/emulator/testing/control-client";
import { signInTokensFrom } from "@/scripts/testing/accounts";
import { control } from "@/scripts/testing/emulator-client";
import { useIntegrationEnvironment } from "@/scripts/testing/integration-env";
import { getDb } from "../db";
import { saveSignInTokens } from "../tokens/token-store";
import { suggestAccountContacts } from "./account-people";

const environment = useIntegrationEnvironment();

describe("suggestAccountContacts", () => {
  it("suggests the people the account wrote to, most written to first, never the account itself", async () => {
    const email = "ada@example.com";
    const tokens = await obtainTokens(environment.emulatorUrl, { email, scope: `openid email profile ${GMAIL_MODIFY}` });
    await control(environment.emulatorUrl, "POST", "consent", { autoApprove: false });
    const user = await getDb().user.upsert({ where: { email }, create: { email }, update: {} });
    const account = await saveSignInTokens({ ...signInTokensFrom(user.id, tokens), email });
    const sent = (to: string, cc = "") =>
      control(environment.emulatorUrl, "POST", "messages", {
        email,
        labelIds: ["SENT"],
        raw: `From: Ada <ada@example.com>\r\nTo: ${to}\r\n${cc ? `Cc: ${cc}\r\n` : ""}Subject: Hi\r\n\r\nHello`,
      });
    await sent("Grace Hopper <grace@example.com>");
    await sent("grace@example.com", "Charles Babbage <charles@example.com>, ada@example.com");
    await sent("=?UTF-8?B?15PXoNeUINeb15TXnw==?= <dana@example.co.il>");

    // The emulator's mailbox holds sent mail of its own too: ours must be among it, the account never.
    const all = (await suggestAccountContacts(account, "")).map((contact) => contact.email);
    expect(all).toEqual(expect.arrayContaining(["grace@example.com", "charles@example.com", "dana@example.co.il"]));
    expect(all).not.toContain("ada@example.com");
    expect(all.indexOf("grace@example.com")).toBeLessThan(all.indexOf("charles@example.com"));
    expect(await suggestAccountContacts(account, "grace")).toEqual([{ name: "Grace Hopper", email: "grace@example.com" }]);
    expect(await suggestAccountContacts(account, "דנה")).toEqual([{ name: "דנה כהן", email: "dana@example.co.il" }]);
    expect(await suggestAccountContacts(account, "CHARLES@EXAMPLE.COM")).toEqual([
      { name: "Charles Babbage", email: "charles@example.com" },
    ]);
  });
});
