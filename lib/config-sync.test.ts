import { describe, expect, it } from "vitest";
import { EMULATOR_PUSH, GOOGLE_PUSH_ISSUERS, SyncConfigError, syncSettings } from "./config-sync";

const google = { emulatorUrl: undefined, appUrl: "https://mail.example.com" };
const emulator = { emulatorUrl: "http://127.0.0.1:4010", appUrl: "http://localhost:3000" };
const pushEnv = {
  GOOGLE_PUBSUB_TOPIC: "projects/my-project/topics/gmail",
  GOOGLE_PUSH_AUDIENCE: "https://mail.example.com/api/google/push",
  GOOGLE_PUSH_SERVICE_ACCOUNT: "Push@My-Project.iam.gserviceaccount.com",
};

describe("syncSettings", () => {
  it("polls against Google when no Pub/Sub is configured, every 15 s unless told otherwise", () => {
    expect(syncSettings({}, google).sync).toEqual({ push: null, pollIntervalMs: 15_000, safetyPollMs: 300_000 });
    expect(syncSettings({ MAILBOX_POLL_SECONDS: 3 }, google).sync.pollIntervalMs).toBe(3_000);
  });

  it("uses push against Google with the topic, audience and signer given, verified against Google's keys", () => {
    expect(syncSettings(pushEnv, google).sync.push).toEqual({
      topic: "projects/my-project/topics/gmail",
      audience: "https://mail.example.com/api/google/push",
      serviceAccount: "push@my-project.iam.gserviceaccount.com",
      issuers: [...GOOGLE_PUSH_ISSUERS],
      jwksUrl: "https://www.googleapis.com/oauth2/v3/certs",
      emulatorSubscriptionUrl: null,
    });
  });

  it("refuses half a push configuration, and push asked for without one", () => {
    expect(() => syncSettings({ GOOGLE_PUBSUB_TOPIC: pushEnv.GOOGLE_PUBSUB_TOPIC }, google)).toThrow(SyncConfigError);
    expect(() => syncSettings({ ...pushEnv, GOOGLE_PUSH_SERVICE_ACCOUNT: undefined }, google)).toThrow(/set together/);
    expect(() => syncSettings({ MAILBOX_SYNC: "push" }, google)).toThrow(/MAILBOX_SYNC=push needs/);
  });

  it("pushes in emulator mode with nothing set: the emulator's topic and signer, the app's own push URL as audience", () => {
    expect(syncSettings({}, emulator).sync.push).toEqual({
      topic: EMULATOR_PUSH.topic,
      audience: "http://localhost:3000/api/google/push",
      serviceAccount: EMULATOR_PUSH.serviceAccount,
      issuers: [...GOOGLE_PUSH_ISSUERS],
      jwksUrl: "http://127.0.0.1:4010/oauth2/v3/certs",
      emulatorSubscriptionUrl: "http://127.0.0.1:4010/__emulator/pubsub",
    });
  });

  it("polls in emulator mode when MAILBOX_SYNC=poll, and with push keeps polling slowly", () => {
    expect(syncSettings({ MAILBOX_SYNC: "poll" }, emulator).sync.push).toBeNull();
    expect(syncSettings({ MAILBOX_SYNC: "poll" }, google).sync.push).toBeNull();
    expect(syncSettings({}, emulator).sync.safetyPollMs).toBe(300_000);
  });

  it("has no metrics token unless one is given", () => {
    expect(syncSettings({}, google).metricsToken).toBeNull();
    expect(syncSettings({ METRICS_TOKEN: "s3cret-metrics-token" }, google).metricsToken).toBe("s3cret-metrics-token");
  });
});
