import { MessageListSkeleton } from "./message-list";

export default function Loading() {
  return (
    <main className="page inbox">
      <MessageListSkeleton />
    </main>
  );
}
