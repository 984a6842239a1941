// The instance keeps each account within Gmail's per-user quota: a 1000-item action, through the real action
// code against the emulator over HTTP, goes out paced, as the emulator's request log shows.
import { describe, expect, it } from "vitest";
import { GMAIL_MODIFY, obtainTokens } from "@/emulator/testing/control-client";
import { signInTokensFrom } from "@/scripts/testing/accounts";
import { control } from "@/scripts/testing/emulator-client";
import { useIntegrationEnvironment } from "@/scripts/testing/integration-env";
import { getDb } from "../db";
import { resolveAccount } from "../accounts/linked-accounts";
import { applyMailAction } from "../mail/apply-mail-action";
import { saveSignInTokens } from "../tokens/token-store";
import { RateLimitedError } from "../errors";
import { spendGmailQuota, withGmailQuotaOf } from "./gmail-quota";
import { gmailBatchUnits } from "./gmail-quota-cost";
import { GMAIL_QUOTA, gmailQuotaRate } from "./limits";

type LoggedRequest = { t: number; method: string; path: string; parts?: { method: string; path: string; status: number }[] };

const environment = useIntegrationEnvironment();

describe("Gmail quota", () => {
  it("paces a 1000-message action within the per-user quota: the burst at once, then no faster than the refill", async () => {
    const email = "ada@example.com";
    const tokens = await obtainTokens(environment.emulatorUrl, { email, scope: `openid email profile ${GMAIL_MODIFY}` });
    const user = await getDb().user.create({ data: { email, name: "Ada" } });
    await saveSignInTokens({ ...signInTokensFrom(user.id, tokens), email });
    const list = await fetch(`${environment.emulatorUrl}/gmail/v1/users/me/messages?maxResults=500`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    const real = ((await list.json()) as { messages: { id: string }[] }).messages.map((message) => message.id);
    expect(real.length).toBeGreaterThan(200);
    // The rest are ids Gmail does not know: each still costs its call.
    const ids = [...real, ...Array.from({ length: 1000 - real.length }, (_, i) => (0xf000000000000000n + BigInt(i)).toString(16))];
    await control(environment.emulatorUrl, "DELETE", "requests");

    const result = await applyMailAction({ account: await resolveAccount({ userId: user.id }), action: "markRead", messageIds: ids });
    expect(result.applied).toBe(real.length);
    expect(result.failed).toHaveLength(1000 - real.length);

    const { requests } = await control<{ requests: LoggedRequest[] }>(environment.emulatorUrl, "GET", "requests");
    const batches = requests.filter((request) => request.path.startsWith("/batch/")).sort((a, b) => a.t - b.t);
    const units = batches.map((batch) => gmailBatchUnits(batch.parts ?? []));
    expect(units.reduce((sum, n) => sum + n, 0)).toBe(5000);

    const { burst, perSecond } = gmailQuotaRate(GMAIL_QUOTA.defaultUnitsPerMinute);
    // Whatever span of the run one looks at, it carried no more than the burst plus that span's refill (one
    // batch of slack for the time each takes to travel to the emulator).
    const slack = Math.max(...units);
    for (let first = 0; first < batches.length; first += 1) {
      let sent = 0;
      for (let last = first; last < batches.length; last += 1) {
        sent += units[last]!;
        const seconds = (batches[last]!.t - batches[first]!.t) / 1000;
        expect(sent, `batches ${first}..${last}`).toBeLessThanOrEqual(burst + perSecond * seconds + slack);
      }
    }
    // After the burst, the rate stays under 250 units a second.
    const seconds = (batches.at(-1)!.t - batches[0]!.t) / 1000;
    expect((5000 - burst) / seconds).toBeLessThan(250);
  }, 60_000);

  it("refuses a read that would wait too long with 429 and Retry-After, and takes nothing for it", async () => {
    const { burst, perSecond } = gmailQuotaRate(GMAIL_QUOTA.defaultUnitsPerMinute);
    await withGmailQuotaOf("account-in-a-hurry", async () => {
      await spendGmailQuota(burst);
      const tooMuch = (GMAIL_QUOTA.maxReadWaitMs / 1000) * perSecond + 100;
      const refusal = await spendGmailQuota(tooMuch).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(RateLimitedError);
      expect(refusal).toMatchObject({ status: 429, code: "rate_limited", retryAfterSeconds: Math.ceil(tooMuch / perSecond) });
      // Nothing was taken for the refused read: a small one right after needs only its own units' refill (had
      // the refused units been taken, it would have to wait seconds, and be refused here).
      await expect(spendGmailQuota(5, 500)).resolves.toBeUndefined();
    });
    // Another account's quota is its own.
    await withGmailQuotaOf("another-account", () => spendGmailQuota(burst, 0));
  });
});
