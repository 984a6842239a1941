import { describe, expect, it } from "vitest";
import { DEV_PUBSUB_TOPIC } from "../dev-client";
import { REJECTED_PUSH_FORGE_KINDS } from "../pubsub/forgeries";
import { SEED_FIXTURES } from "../seed";
import { control } from "../testing/control-client";
import { gmailClient } from "./gmail-helpers";
import { useEmulator } from "./harness";
import { envelopeOf, notificationOf, usePushReceiver, verifyPush, waitFor } from "./push-receiver";

const emulator = useEmulator();
const receiver = usePushReceiver();
const PUSH = { audience: "mailroom-push", serviceAccount: "push@mailroom-dev.iam.gserviceaccount.com" };

/** Each forgery and why a receiver that verifies as Google documents (jose here) refuses it. */
const REJECTED: [string, string][] = [
  ["wrong-audience", "ERR_JWT_CLAIM_VALIDATION_FAILED (aud)"],
  ["wrong-signer", "ERR_JWS_SIGNATURE_VERIFICATION_FAILED"],
  ["unknown-kid", "ERR_JWKS_NO_MATCHING_KEY"],
  ["unsigned", "ERR_JOSE_ALG_NOT_ALLOWED"],
  ["hs256", "ERR_JOSE_ALG_NOT_ALLOWED"],
  ["wrong-issuer", "ERR_JWT_CLAIM_VALIDATION_FAILED (iss)"],
  ["wrong-service-account", "email"],
  ["expired", "ERR_JWT_EXPIRED (exp)"],
  ["unverified-email", "email_verified"],
  ["no-authorization", "no-authorization"],
  ["not-a-jwt", "ERR_JWS_INVALID"],
];

interface ForgeAnswer {
  ok: true;
  kind: string;
  status: number | null;
  messageId: string | null;
}

function forge(body: Record<string, unknown>): Promise<ForgeAnswer> {
  return control<ForgeAnswer>(emulator.url, "POST", "pubsub/forge", body);
}

describe("forged pushes for receiver tests", () => {
  it("covers every kind the emulator offers", () => {
    expect(REJECTED.map(([kind]) => kind)).toEqual([...REJECTED_PUSH_FORGE_KINDS]);
  });

  it.each(REJECTED)("%s looks like a push and fails verification with %s", async (kind, reason) => {
    await control(emulator.url, "POST", "pubsub", { pushEndpoint: receiver.url(), ...PUSH });
    receiver.answerWith(401);
    const answer = await forge({ kind, email: SEED_FIXTURES.accounts.grace.email });
    expect(answer).toMatchObject({ ok: true, kind, status: 401 });
    expect(receiver.received).toHaveLength(1);
    const [push] = receiver.received;
    expect(notificationOf(push).emailAddress).toBe(SEED_FIXTURES.accounts.grace.email);
    expect(envelopeOf(push).message.messageId).toBe(answer.messageId);
    expect(await verifyPush(emulator.url, push, PUSH)).toBe(reason);
    const { deliveries } = await control<{ deliveries: Record<string, unknown>[] }>(emulator.url, "GET", "pubsub/deliveries");
    expect(deliveries).toEqual([expect.objectContaining({ forge: kind, status: 401, attempts: 1, delivered: false })]);
  });

  it("sends to any endpoint with the audience given, without a subscription", async () => {
    const answer = await forge({ kind: "expired", pushEndpoint: receiver.url("/elsewhere"), audience: "other-aud", historyId: "123" });
    expect(answer.status).toBe(204);
    expect(receiver.received[0]?.path).toBe("/elsewhere");
    expect(notificationOf(receiver.received[0])).toEqual({ emailAddress: SEED_FIXTURES.accounts.ada.email, historyId: "123" });
    expect(
      await verifyPush(emulator.url, receiver.received[0], {
        audience: "other-aud",
        serviceAccount: "gmail-push@mailroom-dev.iam.gserviceaccount.com",
      }),
    ).toBe("ERR_JWT_EXPIRED (exp)");
    const failure = await fetch(`${emulator.url}/__emulator/pubsub/forge`, { method: "POST", body: JSON.stringify({ kind: "unsigned" }) });
    expect(failure.status).toBe(409);
  });

  it("replay re-sends the last acknowledged push byte for byte, token included: it verifies, and its messageId repeats", async () => {
    await control(emulator.url, "POST", "watches/rate", { intervalMs: 0 });
    await control(emulator.url, "POST", "pubsub", { pushEndpoint: receiver.url(), ...PUSH });
    const gmail = await gmailClient(emulator.url);
    await gmail.users.watch({ userId: "me", requestBody: { topicName: DEV_PUBSUB_TOPIC } });
    await waitFor(() => receiver.received.length === 1);
    const answer = await forge({ kind: "replay" });
    const [original, replayed] = receiver.received;
    expect(replayed?.body).toBe(original?.body);
    expect(replayed?.authorization).toBe(original?.authorization);
    expect(answer.messageId).toBe(envelopeOf(original).message.messageId);
    expect(await verifyPush(emulator.url, replayed, PUSH)).toMatchObject({ aud: PUSH.audience });
  });
});
