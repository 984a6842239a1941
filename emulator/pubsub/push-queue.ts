import { setTimeout as sleep } from "node:timers/promises";
import type { SigningKeys } from "../oauth/keys";
import type { DeliveryRecord, PubsubState, PushSubscription } from "./pubsub-state";
import { ACK_STATUSES, postPush, pushBody, signPushToken, type PubsubMessage } from "./push-message";

interface QueuedPush {
  message: PubsubMessage;
  body: string;
  record: DeliveryRecord;
}

interface Queue {
  subscription: PushSubscription;
  items: QueuedPush[];
  backoffMs: number;
  running: boolean;
  stopped: boolean;
}

/**
 * Delivers each subscription's messages (at least once). Only 102/200/201/202/204 acknowledge; any other
 * status, a connection error or no answer within the ack deadline is a negative acknowledgement: the message
 * stays queued and the whole subscription pauses, 100 ms at first and doubling up to 60 s (the subscription's
 * min/max backoff), before trying again. An acknowledgement ends the pause. One push in flight per
 * subscription keeps the order and the logs easy to follow.
 */
export class PushQueues {
  private readonly queues = new Map<string, Queue>();

  constructor(
    private readonly state: PubsubState,
    private readonly keys: () => Promise<SigningKeys>,
  ) {}

  enqueue(subscription: PushSubscription, message: PubsubMessage): void {
    let queue = this.queues.get(subscription.name);
    if (!queue || queue.stopped) {
      queue = { subscription, items: [], backoffMs: 0, running: false, stopped: false };
      this.queues.set(subscription.name, queue);
    }
    const record = this.state.logDelivery({
      t: Date.now(),
      messageId: message.messageId,
      subscription: subscription.name,
      pushEndpoint: subscription.pushEndpoint,
      email: message.email,
      historyId: message.historyId,
      attempts: 0,
      statuses: [],
      status: null,
      delivered: false,
      pending: true,
    });
    queue.items.push({ message, body: pushBody(subscription.name, message), record });
    if (!queue.running) void this.run(queue);
  }

  /** Stops one subscription's deliveries (its subscription was deleted); queued messages are dropped. */
  stop(name: string): void {
    const queue = this.queues.get(name);
    if (!queue) return;
    queue.stopped = true;
    for (const item of queue.items) item.record.pending = false;
    this.queues.delete(name);
  }

  stopAll(): void {
    for (const name of [...this.queues.keys()]) this.stop(name);
  }

  private async run(queue: Queue): Promise<void> {
    queue.running = true;
    try {
      while (!queue.stopped && queue.items.length > 0) {
        const item = queue.items[0];
        if (!item) break;
        const acknowledged = await this.attempt(queue, item);
        if (queue.stopped) return;
        if (acknowledged) {
          queue.items.shift();
          queue.backoffMs = 0;
          continue;
        }
        const { minBackoffMs, maxBackoffMs } = queue.subscription;
        queue.backoffMs = queue.backoffMs === 0 ? minBackoffMs : Math.min(queue.backoffMs * 2, maxBackoffMs);
        // Unreferenced: a pause must not keep a finished test process (or a closed emulator) alive.
        await sleep(queue.backoffMs, undefined, { ref: false });
      }
    } catch (error) {
      console.error("emulator: push delivery failed", error instanceof Error ? error.message : "unknown error");
    } finally {
      queue.running = false;
    }
  }

  private async attempt(queue: Queue, item: QueuedPush): Promise<boolean> {
    const { subscription } = queue;
    // Pub/Sub mints the token per push; the body stays byte for byte the same across redeliveries.
    const token = signPushToken(await this.keys(), { audience: subscription.audience, serviceAccount: subscription.serviceAccount });
    const authorization = `Bearer ${token}`;
    const outcome = await postPush(subscription.pushEndpoint, item.body, authorization, subscription.ackDeadlineMs);
    const acknowledged = outcome.status !== null && ACK_STATUSES.has(outcome.status);
    const { record } = item;
    record.attempts++;
    record.statuses.push(outcome.status);
    record.status = outcome.status;
    record.delivered = acknowledged;
    // A subscription deleted while this push was in flight will not try again.
    record.pending = !acknowledged && !queue.stopped;
    if (outcome.error !== undefined) record.error = outcome.error;
    else delete record.error;
    if (acknowledged) this.state.lastPush = { pushEndpoint: subscription.pushEndpoint, body: item.body, authorization };
    return acknowledged;
  }
}
