import "server-only";
// In emulator mode the app points the emulator's Cross-Account Protection stream at its own receiver, as it
// does for the Gmail push subscription: nobody has to configure anything by hand. It runs on every Google
// sign-in (lib/auth/session-binding.ts), because an emulator reset forgets the stream; one local POST, and a
// failure only costs the events (logged), never the sign-in. Against Google the stream is configured once,
// by the operator, with a service account (README, "Cross-Account Protection").
import { getConfig } from "../../config";
import { logWarn } from "../../log";

export const RISC_RECEIVER_PATH = "/api/google/risc";

export async function ensureEmulatorRiscStream(): Promise<void> {
  const config = getConfig();
  if (config.google.mode !== "emulator") return;
  const control = new URL("/__emulator/risc/stream", config.google.endpoints.riscConfiguration);
  try {
    const response = await fetch(control, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ url: `${config.auth.url}${RISC_RECEIVER_PATH}` }),
      signal: AbortSignal.timeout(2_000),
    });
    if (!response.ok) logWarn("risc.emulator_stream_failed", { status: response.status });
  } catch (error) {
    logWarn("risc.emulator_stream_failed", { error: error instanceof Error ? error.name : "unknown" });
  }
}
