export default function SignInPage() {
  return (
    <main className="sign-in">
      <div className="sign-in-card">
        <h1>Mailroom</h1>
        <p>A fast, private web inbox for your Gmail. Mailroom only asks to read your mail.</p>
        <button type="button" className="button button-primary">
          Sign in with Google
        </button>
      </div>
    </main>
  );
}
