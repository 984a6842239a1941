// POST /api/google/push on the production server: the emulator's Pub/Sub sends genuine pushes (signed OIDC
// tokens from its Google key, for the audience and signer the app configured) and forged ones. A forged push
// is refused (401: not authenticated; 403: a Google token, but not for us) and does nothing: no Gmail call,
// no change for any open stream.
import { REJECTED_PUSH_FORGE_KINDS } from "../emulator/pubsub/forgeries";
import { signInOverHttp } from "../scripts/lib/http-session";
import { expect, test } from "./fixtures";
import { changeFor, deliverMail, gmailRequests, openMailboxStream, pushesTo } from "./live-helpers";

const EXPECTED_STATUS: Record<(typeof REJECTED_PUSH_FORGE_KINDS)[number], 401 | 403> = {
  "wrong-audience": 403,
  "wrong-service-account": 403,
  "wrong-issuer": 403,
  "unverified-email": 403,
  "wrong-signer": 401,
  "unknown-kid": 401,
  unsigned: 401,
  hs256: 401,
  expired: 401,
  "no-authorization": 401,
  "not-a-jwt": 401,
};

test.describe("Gmail push endpoint", () => {
  test("refuses every forged push with 401 or 403, and nothing happens: no Gmail call, no change on an open stream", async ({
    appUrl,
    emulator,
  }) => {
    const cookie = await signInOverHttp(appUrl, emulator.url, "ada@example.com");
    // An open stream: the app watches the mailbox and has pointed the emulator's subscription at itself.
    const stream = await openMailboxStream(appUrl, cookie);
    await stream.next((event) => event.type === "ready");
    await expect.poll(async () => (await pushesTo(emulator, `${appUrl}/api/google/push`)).filter((push) => push.delivered).length).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 2_000)); // the trailing sync after that genuine push
    await emulator.control("DELETE", "requests");

    for (const kind of REJECTED_PUSH_FORGE_KINDS) {
      // A position far ahead: a receiver that believed it would have to go and look.
      const answer = (await emulator.control("POST", "pubsub/forge", { kind, historyId: "999999999" })) as { status: number | null };
      expect(answer.status, kind).toBe(EXPECTED_STATUS[kind]);
    }
    // Give a wrongly accepted push the time to cause a history.list, then check that none came.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await gmailRequests(emulator)).toEqual([]);
    expect(stream.received.map((event) => event.type)).toEqual(["ready"]);

    // The genuine path still works afterwards.
    const arrived = await deliverMail(emulator, "Push: genuine");
    await changeFor(stream, arrived.threadId);
    stream.close();
  });

  test("answers forged requests sent straight at it, without any token or with a token of the wrong kind", async ({ appUrl }) => {
    const body = JSON.stringify({
      message: {
        data: Buffer.from(JSON.stringify({ emailAddress: "ada@example.com", historyId: "1" })).toString("base64"),
        messageId: "1",
      },
    });
    const post = (headers: Record<string, string>) =>
      fetch(`${appUrl}/api/google/push`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
    for (const authorization of [undefined, "Bearer", "Bearer garbage", "Basic YWRhOnNlY3JldA==", `Bearer ${"e".repeat(9_000)}`]) {
      const response = await post(authorization ? { authorization } : {});
      expect(response.status, authorization?.slice(0, 20) ?? "no header").toBe(401);
      const json = (await response.json()) as { error: { code: string; message: string } };
      expect(json.error.code).toBe("unauthenticated");
      expect(JSON.stringify(json)).not.toContain("eeee");
    }
  });

  test("acknowledges a replayed push once more without acting on it again", async ({ appUrl, emulator }) => {
    await emulator.control("POST", "watches/rate", { intervalMs: 0 });
    const cookie = await signInOverHttp(appUrl, emulator.url, "ada@example.com");
    const stream = await openMailboxStream(appUrl, cookie);
    await stream.next((event) => event.type === "ready");
    const arrived = await deliverMail(emulator, "Push: once");
    await changeFor(stream, arrived.threadId);
    await expect.poll(async () => (await pushesTo(emulator, `${appUrl}/api/google/push`)).every((push) => push.delivered)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 2_000)); // the trailing sync after the last push
    await emulator.control("DELETE", "requests");

    const replay = (await emulator.control("POST", "pubsub/forge", { kind: "replay" })) as { status: number | null };
    expect(replay.status).toBe(204);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await gmailRequests(emulator)).toEqual([]);
    stream.close();
  });
});
