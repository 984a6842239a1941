// Every limit that keeps one sender or one session from taking Mailroom down, in one place. Plain numbers
// (no server-only): the server's edge (scripts/lib/body-limit.ts) reads the body caps before Next starts.
// README "Limits" lists them for operators.

const KiB = 1024;

/**
 * Request bodies, counted at the edge before Next reads a byte (Content-Length, and the bytes actually
 * received when it is absent or lies). Bodies are held at the edge until complete, so every cap stays small.
 */
export const BODY_LIMITS = {
  /** Google's security event tokens: a few hundred bytes each. */
  securityEventReceiver: 64 * KiB,
  /** Cloud Pub/Sub push: a JSON envelope around `{emailAddress, historyId}`. */
  pushReceiver: 64 * KiB,
  /** next-auth's forms (sign-in, sign-out, CSRF token, callback URL). */
  authRoutes: 64 * KiB,
  /** POST /api/actions: 1000 ids of 16 hex digits are ~19 KB of JSON. */
  actions: 64 * KiB,
  /**
   * POST /api/uploads: a file of up to 25 MiB (Gmail's attachment limit), streamed to disk by the route, which
   * counts the bytes itself and answers attachment_too_large; this edge cap only refuses a body announced far past it.
   */
  uploads: 26 * 1024 * KiB,
  /** Anything else, server actions included (Next's own default for them is 1 MB). */
  default: 1024 * KiB,
} as const;

/** Open live event streams (GET /api/events). Each holds a connection and a share of its account's feed. */
export const STREAM_LIMITS = {
  /** Per Mailroom user, across all their accounts and tabs, on one instance. */
  perUser: 20,
  /** Per instance, all users together. */
  perInstance: 2000,
} as const;

/**
 * Token buckets for work a client can ask for again and again: `burst` requests at once, then `perSecond`.
 * Beyond that the answer is 429 `rate_limited` with Retry-After.
 */
export const RATE_LIMITS = {
  /** POST /api/actions per user: a person pressing `e` as fast as they can stays well inside. */
  actionsPerUser: { burst: 20, perSecond: 2 },
  /**
   * Streams that open with an old position (a resume after sleep, a reconnect) per account: each catch-up is
   * a history.list and a batch of conversations at Gmail; opening from now costs nothing extra.
   */
  catchUpsPerAccount: { burst: 10, perSecond: 0.2 },
} as const;

/**
 * Gmail's per-user quota: 15,000 units a minute (formerly "250 units per user per second, moving average";
 * 6,000 for Cloud projects created since May 2026: set GMAIL_USER_QUOTA_PER_MINUTE). Every Gmail call of this
 * instance for an account draws its cost from that account's bucket: a burst of `burstShare` of the minute's
 * units at once, the rest refilled evenly, so that no minute can go over (15,000: 600 at once, then 240/s).
 */
export const GMAIL_QUOTA = {
  defaultUnitsPerMinute: 15_000,
  burstShare: 0.04,
  /** A read that would wait longer than this for quota is refused with 429 (the page retries later). */
  maxReadWaitMs: 3_000,
  /** An action waits as long as its own cost needs (it is bounded by the ids cap); never longer than this. */
  maxActionWaitMs: 60_000,
} as const;

/** The bucket that keeps one account's Gmail calls within `unitsPerMinute`. */
export function gmailQuotaRate(unitsPerMinute: number): { burst: number; perSecond: number } {
  const burst = Math.round(unitsPerMinute * GMAIL_QUOTA.burstShare);
  return { burst, perSecond: (unitsPerMinute - burst) / 60 };
}
