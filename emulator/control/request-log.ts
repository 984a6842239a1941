import { quotaUnitsOf } from "../gmail/quota-costs";
import type { BatchPartLog } from "../http/types";

export interface LogEntry {
  /** Start time, epoch milliseconds. */
  t: number;
  method: string;
  /** Path with its query string. */
  path: string;
  status: number;
  /** Time to produce the response, milliseconds. */
  ms: number;
  parts?: BatchPartLog[];
}

const MAX_ENTRIES = 10_000;

/** The request log and counters behind `GET /__emulator/requests` and `GET /__emulator/stats`. */
export class RequestLog {
  private entries: LogEntry[] = [];
  private endpoints = new Map<string, number>();
  private grants = { authorization_code: 0, refresh_token: 0 };
  private inFlight = 0;
  private peak = 0;

  started(): void {
    this.inFlight += 1;
    if (this.inFlight > this.peak) this.peak = this.inFlight;
  }

  finished(entry: LogEntry): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    this.entries.push(entry);
    // Bounded so a long load test cannot exhaust memory; the oldest entries go first.
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
  }

  countEndpoint(key: string): void {
    this.endpoints.set(key, (this.endpoints.get(key) ?? 0) + 1);
  }

  countGrant(type: "authorization_code" | "refresh_token"): void {
    this.grants[type] += 1;
  }

  requests(): LogEntry[] {
    return this.entries;
  }

  clearRequests(): void {
    this.entries = [];
  }

  stats(): {
    endpoints: Record<string, number>;
    grants: { authorization_code: number; refresh_token: number };
    peakConcurrent: number;
    quotaUnits: number;
  } {
    let quotaUnits = 0;
    for (const [key, count] of this.endpoints) quotaUnits += quotaUnitsOf(key) * count;
    return { endpoints: Object.fromEntries(this.endpoints), grants: { ...this.grants }, peakConcurrent: this.peak, quotaUnits };
  }

  /** Clears counters (requests still in flight stay counted as in flight). */
  clearStats(): void {
    this.endpoints = new Map();
    this.grants = { authorization_code: 0, refresh_token: 0 };
    this.peak = this.inFlight;
  }

  clearAll(): void {
    this.clearRequests();
    this.clearStats();
  }
}
