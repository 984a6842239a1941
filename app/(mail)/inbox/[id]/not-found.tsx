import Link from "next/link";

export default function MessageNotFound() {
  return (
    <main className="page">
      <section className="state" role="alert">
        <h2>Message not found</h2>
        <p>This message is not in your mailbox. It may have been deleted, or the link is wrong.</p>
        <Link href="/inbox" className="button">
          Go to the inbox
        </Link>
      </section>
    </main>
  );
}
