// What a person is told after a snooze or an unsnooze, in the list's status line.
import { describeWakeTime } from "./snooze-presets";

const conversations = (count: number) => (count === 1 ? "Conversation" : `${count} conversations`);

export function snoozedNotice(count: number, until: string): string {
  return `${conversations(count)} snoozed until ${describeWakeTime(new Date(until))}.`;
}

export function unsnoozedNotice(count: number): string {
  return `${conversations(count)} back in the inbox.`;
}
