import { DEV_PROJECT_ID, DEV_PUBSUB_TOPIC } from "../dev-client";

/** A Cloud Pub/Sub push subscription with OIDC push authentication. */
export interface PushSubscription {
  /** `projects/mailroom-dev/subscriptions/push-N`, the `subscription` field of every push body. */
  name: string;
  topic: string;
  pushEndpoint: string;
  /** The `aud` of the push token; Pub/Sub's default is the endpoint URL. */
  audience: string;
  /** The `email` of the push token. */
  serviceAccount: string;
  /** Subscription-wide pause after a negative acknowledgement: doubles from min to max (Google: 100 ms–60 s). */
  minBackoffMs: number;
  maxBackoffMs: number;
  /** An answer slower than this is a negative acknowledgement (Pub/Sub's push ack deadline). */
  ackDeadlineMs: number;
}

/** One Gmail watch: one per user per project; a new `users.watch` replaces it. */
export interface Watch {
  email: string;
  projectId: string;
  topicName: string;
  labelIds: string[];
  labelFilterBehavior: "include" | "exclude";
  /** The mailbox's history id when the watch started. */
  historyId: number;
  /** Epoch ms; after it the watch stops silently. */
  expiration: number;
}

/** What happened to a Gmail notification: published to the topic (with its message id) or dropped. */
export interface NotificationRecord {
  t: number;
  email: string;
  topic: string;
  historyId: string;
  messageId: string | null;
  dropped?: "rate-limit";
}

/** One message pushed to one subscription (or one forged push): every attempt's status, updated as it goes. */
export interface DeliveryRecord {
  t: number;
  messageId: string | null;
  subscription: string | null;
  pushEndpoint: string;
  email: string | null;
  historyId: string | null;
  attempts: number;
  /** Each attempt's HTTP status, null where none came (connection refused, timeout). */
  statuses: (number | null)[];
  /** The last attempt's status. */
  status: number | null;
  delivered: boolean;
  /** Still queued for (re)delivery. */
  pending: boolean;
  error?: string;
  forge?: string;
}

/** Gmail's per-user notification rate: "1 event/sec", the excess dropped. */
export const DEFAULT_NOTIFY_INTERVAL_MS = 1000;
/** Watches last seven days ("re-call watch at least every 7 days"). */
export const WATCH_LIFETIME_MS = 7 * 24 * 3_600_000;
export const SUBSCRIPTION_DEFAULTS = { minBackoffMs: 100, maxBackoffMs: 60_000, ackDeadlineMs: 10_000 } as const;

const MAX_RECORDS = 1000;

/** Topics, push subscriptions, Gmail watches and their logs for one emulator; `reset` clears them. */
export class PubsubState {
  /** Topic name → whether gmail-api-push@system.gserviceaccount.com may publish to it. */
  readonly topics = new Map<string, { publisherGranted: boolean }>([[DEV_PUBSUB_TOPIC, { publisherGranted: true }]]);
  readonly subscriptions: PushSubscription[] = [];
  /** Keyed by `email\nproject`. */
  readonly watches = new Map<string, Watch>();
  notifyIntervalMs = DEFAULT_NOTIFY_INTERVAL_MS;
  /** When each user last got a notification published (the rate limit). */
  readonly lastNotified = new Map<string, number>();
  /** The last genuine push, as sent, for the `replay` forgery. */
  lastPush: { pushEndpoint: string; body: string; authorization: string } | undefined;
  private notificationLog: NotificationRecord[] = [];
  private deliveryLog: DeliveryRecord[] = [];
  private nextMessageId = 2_070_443_601_311_540n;
  private nextSubscription = 1;
  /** Bumped by reset: queued deliveries of an earlier generation stop. */
  generation = 0;

  newMessageId(): string {
    // Unique per topic, increasing, not contiguous: what Pub/Sub's ids look like.
    this.nextMessageId += 17n;
    return this.nextMessageId.toString();
  }

  newSubscriptionName(): string {
    return `projects/${DEV_PROJECT_ID}/subscriptions/push-${this.nextSubscription++}`;
  }

  watchKey(email: string, projectId: string): string {
    return `${email.toLowerCase()}\n${projectId}`;
  }

  watchesOf(email: string): Watch[] {
    return [...this.watches.values()].filter((w) => w.email.toLowerCase() === email.toLowerCase());
  }

  logNotification(record: NotificationRecord): void {
    push(this.notificationLog, record);
  }

  /** Adds a delivery record and returns it; the caller updates it in place as attempts go on. */
  logDelivery(record: DeliveryRecord): DeliveryRecord {
    push(this.deliveryLog, record);
    return record;
  }

  notifications(): readonly NotificationRecord[] {
    return this.notificationLog;
  }

  deliveries(): readonly DeliveryRecord[] {
    return this.deliveryLog;
  }

  clearLogs(): void {
    this.notificationLog = [];
    this.deliveryLog = [];
  }

  reset(): void {
    this.generation++;
    this.topics.clear();
    this.topics.set(DEV_PUBSUB_TOPIC, { publisherGranted: true });
    this.subscriptions.length = 0;
    this.watches.clear();
    this.lastNotified.clear();
    this.notifyIntervalMs = DEFAULT_NOTIFY_INTERVAL_MS;
    this.lastPush = undefined;
    this.clearLogs();
  }
}

function push<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > MAX_RECORDS) list.shift();
}
