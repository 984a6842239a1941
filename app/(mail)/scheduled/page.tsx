import type { Metadata } from "next";
import { ScheduledList } from "./scheduled-list";

export const metadata: Metadata = { title: "Scheduled" };

export default function ScheduledPage() {
  return (
    <main className="page">
      <h1>Scheduled</h1>
      <ScheduledList />
    </main>
  );
}
