import type { EventName } from "./event-types";
import type { SetBody } from "./forgeries";
import { ServiceAccounts } from "./service-accounts";

/** Where and how security events are pushed: the emulator's version of Google's RISC stream configuration. */
export interface StreamConfig {
  url: string;
  /** Short names; an event of another type is not sent at all. */
  eventsRequested: EventName[];
  /** A disabled stream drops events; they are not buffered for later (as Google documents). */
  status: "enabled" | "disabled";
  /** Redeliveries after the first attempt when the receiver does not answer 2xx. */
  retries: number;
  /** Delay before the first redelivery; it doubles for each further one. */
  retryDelayMs: number;
  /** Per attempt. */
  timeoutMs: number;
}

export interface DeliveryRecord {
  /** When the event was raised (epoch ms). */
  t: number;
  /** null when the body carries none (`not-a-jwt`). */
  jti: string | null;
  /** The event type URI, null for `not-a-jwt`. */
  type: string | null;
  email?: string;
  forge?: string;
  /** The receiver's last HTTP status; null when none answered (no attempt, connection error, timeout). */
  status: number | null;
  attempts: number;
  delivered: boolean;
  dropped?: "stream-disabled" | "not-requested" | "retries-exhausted";
  /** Why the last attempt got no HTTP answer (e.g. `ECONNREFUSED`, `timeout`). */
  error?: string;
}

/** The last genuine SET as delivered, kept for the `replay` forgery. */
export interface SentSet extends SetBody {
  jti: string;
  type: string;
  email?: string;
}

const MAX_RECORDS = 1000;

/** Redelivery policy of a stream unless its configuration says otherwise. */
export const DELIVERY_DEFAULTS = { retries: 3, retryDelayMs: 100, timeoutMs: 5000 } as const;

/** RISC stream config, service accounts and delivery log of one emulator; `reset` clears them but keeps the issuer. */
export class RiscState {
  /** The SET `iss` and the discovered `issuer`; the server sets it to its own URL once it listens. */
  issuer = "https://accounts.google.com/";
  stream: StreamConfig | undefined;
  lastSet: SentSet | undefined;
  /** Callers of the stream management API (`/v1beta/stream…`). */
  serviceAccounts = new ServiceAccounts();
  private records: DeliveryRecord[] = [];
  /** Bumped by reset so a delivery still retrying from before the reset does not write into the new log. */
  private generation = 0;

  deliveries(): readonly DeliveryRecord[] {
    return this.records;
  }

  /** Returns a function that records the outcome, unless a reset happened in between. */
  recorder(): (record: DeliveryRecord) => void {
    const generation = this.generation;
    return (record) => {
      if (generation !== this.generation) return;
      this.records.push(record);
      if (this.records.length > MAX_RECORDS) this.records.shift();
    };
  }

  clearDeliveries(): void {
    this.records = [];
  }

  reset(): void {
    this.generation++;
    this.stream = undefined;
    this.lastSet = undefined;
    this.serviceAccounts = new ServiceAccounts();
    this.records = [];
  }
}
