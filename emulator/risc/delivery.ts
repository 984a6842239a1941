import { setTimeout as sleep } from "node:timers/promises";
import type { SetBody } from "./forgeries";
import type { StreamConfig } from "./risc-state";

export interface DeliveryOutcome {
  status: number | null;
  attempts: number;
  delivered: boolean;
  error?: string;
}

/**
 * POSTs the body to the stream URL as Google pushes a SET: the raw compact JWT, nothing around it. Any 2xx
 * counts as delivered (Google asks for 202); anything else is redelivered up to `retries` times with a doubling
 * delay, then dropped. Google spreads its retries over a longer time; the emulator compresses them for tests.
 */
export async function deliverSet(stream: StreamConfig, set: SetBody, retries = stream.retries): Promise<DeliveryOutcome> {
  let outcome: DeliveryOutcome = { status: null, attempts: 0, delivered: false };
  for (let attempt = 1; attempt <= retries + 1; attempt++) {
    if (attempt > 1) await sleep(stream.retryDelayMs * 2 ** (attempt - 2));
    outcome = { ...(await attemptOnce(stream, set)), attempts: attempt };
    if (outcome.delivered) break;
  }
  return outcome;
}

async function attemptOnce(stream: StreamConfig, set: SetBody): Promise<Omit<DeliveryOutcome, "attempts">> {
  try {
    const response = await fetch(stream.url, {
      method: "POST",
      headers: { "content-type": set.contentType },
      body: set.body,
      redirect: "manual",
      signal: AbortSignal.timeout(stream.timeoutMs),
    });
    // Drained so the connection is released; the receiver's body means nothing to Google.
    await response.arrayBuffer();
    return { status: response.status, delivered: response.status >= 200 && response.status < 300 };
  } catch (error) {
    return { status: null, delivered: false, error: describe(error) };
  }
}

/** A short, token-free reason for a failed attempt. */
function describe(error: unknown): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return "timeout";
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === "string" ? cause.code : "network error";
}
