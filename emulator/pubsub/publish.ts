import type { HistoryRecord } from "../gmail/history-log";
import type { PubsubState, Watch } from "./pubsub-state";
import { gmailNotificationData, type PubsubMessage } from "./push-message";
import type { PushQueues } from "./push-queue";

/**
 * Gmail's side of push: a change to a watched mailbox publishes `{emailAddress, historyId}` to the watch's
 * topic, and every push subscription of that topic gets it. Expired watches stay silent; a watch with
 * `labelIds` only reacts to changes that involve those labels (include) or anything else (exclude); and a
 * user gets at most one notification per `notifyIntervalMs` (1 s, Gmail's documented rate), the rest dropped.
 */
export class GmailPublisher {
  constructor(
    private readonly state: PubsubState,
    private readonly queues: PushQueues,
  ) {}

  /** Called for every history record of every mailbox. */
  mailboxChanged(email: string, record: HistoryRecord): void {
    for (const watch of this.state.watchesOf(email)) {
      if (watch.expiration <= Date.now() || !concerns(watch, record)) continue;
      this.notify(watch, String(record.id));
    }
  }

  /** Publishes one notification for the watch (also sent once when the watch starts), unless rate-limited. */
  notify(watch: Watch, historyId: string): void {
    const state = this.state;
    const now = Date.now();
    const key = watch.email.toLowerCase();
    const last = state.lastNotified.get(key);
    if (last !== undefined && now - last < state.notifyIntervalMs) {
      state.logNotification({ t: now, email: watch.email, topic: watch.topicName, historyId, messageId: null, dropped: "rate-limit" });
      return;
    }
    state.lastNotified.set(key, now);
    const message: PubsubMessage = {
      messageId: state.newMessageId(),
      data: gmailNotificationData(watch.email, historyId),
      publishTime: new Date(now).toISOString(),
      email: watch.email,
      historyId,
    };
    state.logNotification({ t: now, email: watch.email, topic: watch.topicName, historyId, messageId: message.messageId });
    for (const subscription of state.subscriptions) if (subscription.topic === watch.topicName) this.queues.enqueue(subscription, message);
  }
}

/** Whether a change matters to a watch's label filter (no labelIds: every change does). */
function concerns(watch: Watch, record: HistoryRecord): boolean {
  if (watch.labelIds.length === 0) return true;
  const involved = record.entries.map((entry) => {
    const labels = [...entry.message.labelIds, ...(entry.labelIds ?? [])];
    return watch.labelIds.some((l) => labels.includes(l));
  });
  return watch.labelFilterBehavior === "include" ? involved.some(Boolean) : involved.some((hit) => !hit);
}
