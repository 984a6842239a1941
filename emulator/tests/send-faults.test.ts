import { describe, expect, it } from "vitest";
import { SEED_FIXTURES } from "../seed";
import { control } from "../testing/control-client";
import { useEmulator } from "./harness";
import { b64url, clientFor, rawMessage } from "./write-helpers";

const emulator = useEmulator();
const ada = SEED_FIXTURES.accounts.ada.email;

interface GaxiosLike {
  response?: {
    status: number;
    headers: Record<string, string> & { get?: (name: string) => string | null };
    data: { error: { message: string; errors: { reason: string; domain: string }[] } };
  };
}

describe("Gmail's sending limit, injected through the faults control API", () => {
  it("answers sends with 429 '(Mail sending)' and Retry-After after the allowed ones, and leaves other methods alone", async () => {
    await control(emulator.url, "POST", "faults", { kind: "mailSending", skip: 1, retryAfter: 120 });
    const gmail = await clientFor(emulator.url, ada);
    const send = () =>
      gmail.users.messages.send(
        { userId: "me", requestBody: { raw: b64url(rawMessage({ to: "x@elsewhere.example" })) } },
        { retry: false },
      );
    expect((await send()).status).toBe(200);
    const before = (await gmail.users.getProfile({ userId: "me" })).data.historyId;
    const started = Date.now();
    const failure = (await send().catch((error: unknown) => error)) as GaxiosLike;
    expect(failure.response?.status).toBe(429);
    const message = failure.response?.data.error.message ?? "";
    expect(message).toMatch(/^User-rate limit exceeded\. {2}Retry after \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z \(Mail sending\)$/);
    const retryAt = Date.parse(/Retry after (\S+)/.exec(message)?.[1] ?? "");
    expect(retryAt - started).toBeGreaterThanOrEqual(119_000);
    expect(failure.response?.data.error.errors[0]).toMatchObject({ reason: "rateLimitExceeded", domain: "usageLimits" });
    const headers = failure.response?.headers;
    const retryAfter = headers?.get ? headers.get("retry-after") : headers?.["retry-after"];
    expect(retryAfter).toBe("120");
    expect((await gmail.users.getProfile({ userId: "me" })).data.historyId).toBe(before);
    const draft = await gmail.users.drafts.create({
      userId: "me",
      requestBody: { message: { raw: b64url(rawMessage({ to: "x@elsewhere.example" })) } },
    });
    expect(draft.status).toBe(200);
    const draftSend = (await gmail.users.drafts
      .send({ userId: "me", requestBody: { id: draft.data.id ?? "" } }, { retry: false })
      .catch((e: unknown) => e)) as GaxiosLike;
    expect(draftSend.response?.status).toBe(429);
  });

  it("counts Gmail's quota units in the stats: 100 per send, 10 per draft created, 15 per update", async () => {
    const gmail = await clientFor(emulator.url, ada);
    await control(emulator.url, "DELETE", "stats");
    const raw = b64url(rawMessage({ to: "x@elsewhere.example" }));
    const draft = await gmail.users.drafts.create({ userId: "me", requestBody: { message: { raw } } });
    await gmail.users.drafts.update({ userId: "me", id: draft.data.id ?? "", requestBody: { message: { raw } } });
    await gmail.users.drafts.send({ userId: "me", requestBody: { id: draft.data.id ?? "" } });
    await gmail.users.messages.send({ userId: "me", requestBody: { raw } });
    expect((await control<{ quotaUnits: number }>(emulator.url, "GET", "stats")).quotaUnits).toBe(10 + 15 + 100 + 100);
  });
});
