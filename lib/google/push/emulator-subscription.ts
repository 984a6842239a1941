import "server-only";
// In emulator mode the app points the emulator's Pub/Sub push subscription at its own push endpoint, with its
// own audience and the emulator's push signer, as it does for the Cross-Account Protection stream: dev, the
// production build under test and e2e all use push with nothing configured by hand. Against Google the
// operator creates the subscription once (README).
//
// The emulator forgets watches and subscriptions when it is reset (tests do, between specs), which Google
// never does; so in emulator mode the watch keeper asks the emulator whether a mailbox is still watched
// before it trusts its own record. A failure is logged and costs only pushes: the safety poll still runs.
import { getConfig } from "../../config";
import { PUSH_PATH } from "../../config-sync";
import { logWarn } from "../../log";

function controlUrl(): string | null {
  return getConfig().sync.push?.emulatorSubscriptionUrl ?? null;
}

export async function ensureEmulatorPushSubscription(): Promise<void> {
  const config = getConfig();
  const url = controlUrl();
  if (!url || !config.sync.push) return;
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        topic: config.sync.push.topic,
        pushEndpoint: `${config.auth.url}${PUSH_PATH}`,
        audience: config.sync.push.audience,
        serviceAccount: config.sync.push.serviceAccount,
      }),
      signal: AbortSignal.timeout(2_000),
    });
    if (!response.ok) logWarn("push.emulator_subscription_failed", { status: response.status });
  } catch (error) {
    logWarn("push.emulator_subscription_failed", { error: error instanceof Error ? error.name : "unknown" });
  }
}

/** Emulator mode only: whether the emulator still has a watch on this mailbox (false when unsure). */
export async function emulatorWatches(email: string): Promise<boolean> {
  const url = controlUrl();
  if (!url) return false;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    if (!response.ok) return false;
    const body = (await response.json()) as { watches?: { email?: unknown }[] };
    return (body.watches ?? []).some((watch) => typeof watch.email === "string" && watch.email.toLowerCase() === email.toLowerCase());
  } catch {
    return false;
  }
}
