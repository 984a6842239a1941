// How many bytes an instance relays for downloads at once, and how many downloads one user runs at once.
// Streaming keeps each download's memory small, but every download still holds a Gmail connection, a
// client connection and Gmail quota for as long as it runs: one user (or one sender's attachment opened by
// many) must not take all of them. A request over either bound is refused at once with a Retry-After,
// rather than queued where it would hold memory and a socket while it waits.
import { AppError } from "../errors";

export type DownloadLimits = {
  /** Bytes of downloads running at once on this instance (the sum of their sizes). */
  bytes: number;
  /** Downloads running at once for one user. */
  perUser: number;
};

/** Seconds a refused client is asked to wait: long enough for a typical download to finish. */
export const USER_RETRY_AFTER_SECONDS = 5;
export const INSTANCE_RETRY_AFTER_SECONDS = 10;

/** Gives a reservation back; calling it more than once changes nothing. */
export type Release = () => void;

export class DownloadBudget {
  private bytesInUse = 0;
  private readonly perUser = new Map<string, number>();

  constructor(private readonly limits: DownloadLimits) {}

  /** What is reserved now (for metrics and tests). */
  get inUse(): { bytes: number; downloads: number } {
    let downloads = 0;
    for (const count of this.perUser.values()) downloads += count;
    return { bytes: this.bytesInUse, downloads };
  }

  /**
   * Reserves `bytes` for one of `userId`'s downloads, or throws: 429 when the user already runs their share,
   * 503 when the instance's budget would be exceeded. A file larger than the whole budget still goes alone.
   */
  reserve(userId: string, bytes: number): Release {
    const running = this.perUser.get(userId) ?? 0;
    if (running >= this.limits.perUser) {
      throw new AppError("rate_limited", `You already have ${running} downloads running. Try again when one has finished.`, {
        retryAfterSeconds: USER_RETRY_AFTER_SECONDS,
      });
    }
    const size = Math.max(0, bytes);
    if (this.bytesInUse > 0 && this.bytesInUse + size > this.limits.bytes) {
      throw new AppError("server_busy", "Mailroom is handling as many downloads as it can right now. Try again in a few seconds.", {
        retryAfterSeconds: INSTANCE_RETRY_AFTER_SECONDS,
      });
    }
    this.bytesInUse += size;
    this.perUser.set(userId, running + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.bytesInUse -= size;
      const left = (this.perUser.get(userId) ?? 1) - 1;
      if (left > 0) this.perUser.set(userId, left);
      else this.perUser.delete(userId);
    };
  }
}
