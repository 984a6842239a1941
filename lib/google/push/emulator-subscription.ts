import "server-only";
// In emulator mode the app points the emulator's Pub/Sub push subscription at its own push endpoint, with its
// own audience and the emulator's push signer, as it does for the Cross-Account Protection stream: dev, the
// production build under test and e2e all use push with nothing configured by hand. Done before each
// users.watch, because an emulator reset forgets the subscription; against Google the operator creates the
// subscription once (README). A failure is logged and costs only pushes: the safety poll still runs.
import { getConfig } from "../../config";
import { PUSH_PATH } from "../../config-sync";
import { logWarn } from "../../log";

export async function ensureEmulatorPushSubscription(): Promise<void> {
  const config = getConfig();
  const push = config.sync.push;
  if (!push?.emulatorSubscriptionUrl) return;
  try {
    const response = await fetch(push.emulatorSubscriptionUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        pushEndpoint: `${config.auth.url}${PUSH_PATH}`,
        audience: push.audience,
        serviceAccount: push.serviceAccount,
      }),
      signal: AbortSignal.timeout(2_000),
    });
    if (!response.ok) logWarn("push.emulator_subscription_failed", { status: response.status });
  } catch (error) {
    logWarn("push.emulator_subscription_failed", { error: error instanceof Error ? error.name : "unknown" });
  }
}
