import Link from "next/link";

export default function NotFound() {
  return (
    <main className="sign-in">
      <div className="sign-in-card">
        <h1>Page not found</h1>
        <p>There is nothing at this address.</p>
        <Link href="/inbox" className="button">
          Go to the inbox
        </Link>
      </div>
    </main>
  );
}
