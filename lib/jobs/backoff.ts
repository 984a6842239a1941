// How long a job that asked to retry waits. The handler's own word (Gmail's Retry-After) wins; otherwise the
// wait doubles with each attempt, from 30 s up to an hour, so a mailbox over its sending limit for hours is
// not hammered and a passing 503 costs half a minute.
const BASE_SECONDS = 30;
const MAX_SECONDS = 3_600;

/** Seconds before the next attempt, after `attempts` attempts (1 after the first) have failed. */
export function retryDelaySeconds(attempts: number, afterSeconds?: number): number {
  if (afterSeconds !== undefined && Number.isFinite(afterSeconds) && afterSeconds >= 0) return Math.min(afterSeconds, MAX_SECONDS * 24);
  const exponent = Math.max(0, Math.min(attempts - 1, 20));
  return Math.min(MAX_SECONDS, BASE_SECONDS * 2 ** exponent);
}

export const DEFAULT_MAX_ATTEMPTS = 8;
