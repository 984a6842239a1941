import type { Metadata } from "next";
import { DraftsList } from "./drafts-list";

export const metadata: Metadata = { title: "Drafts" };

export default function DraftsPage() {
  return (
    <main className="page">
      <h1>Drafts</h1>
      <DraftsList />
    </main>
  );
}
