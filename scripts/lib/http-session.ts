// Signs in to a running Mailroom over plain HTTP, the way a browser would (next-auth's CSRF token, the
// redirect to Google, the emulator's consent automation, the callback), and returns the session cookie.
// Used by the benchmark and multi-instance tests, where a real browser would only add noise.

class CookieJar {
  readonly #cookies = new Map<string, string>();

  store(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const separator = pair!.indexOf("=");
      this.#cookies.set(pair!.slice(0, separator).trim(), pair!.slice(separator + 1).trim());
    }
  }

  header(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  get(suffix: string): string | undefined {
    return [...this.#cookies].find(([name]) => name.endsWith(suffix))?.[1];
  }
}

async function emulatorControl(emulatorUrl: string, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${emulatorUrl}/__emulator/${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`emulator ${path}: ${response.status}`);
}

/**
 * The `Cookie` header value of a fresh signed-in session for `email`. `authorizationParams` go to Google's
 * authorization request as next-auth passes them (the bench asks for gmail.modify at sign-in this way).
 */
export async function signInOverHttp(
  appUrl: string,
  emulatorUrl: string,
  email: string,
  authorizationParams: Record<string, string> = {},
): Promise<string> {
  const jar = new CookieJar();
  const csrfResponse = await fetch(`${appUrl}/api/auth/csrf`);
  jar.store(csrfResponse);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };

  const query = new URLSearchParams(authorizationParams).toString();
  const signIn = await fetch(`${appUrl}/api/auth/signin/google${query ? `?${query}` : ""}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, callbackUrl: `${appUrl}/inbox`, json: "true" }),
    redirect: "manual",
  });
  jar.store(signIn);
  const { url: authorizationUrl } = (await signIn.json()) as { url: string };

  await emulatorControl(emulatorUrl, "consent", { email, autoApprove: true });
  try {
    const consent = await fetch(authorizationUrl, { redirect: "manual" });
    const callbackUrl = consent.headers.get("location");
    if (!callbackUrl) throw new Error(`the emulator did not redirect back (${consent.status})`);
    const callback = await fetch(callbackUrl, { headers: { Cookie: jar.header() }, redirect: "manual" });
    jar.store(callback);
  } finally {
    await emulatorControl(emulatorUrl, "consent", { autoApprove: false });
  }
  if (!jar.get("next-auth.session-token")) throw new Error("signing in over HTTP produced no session cookie");
  return jar.header();
}
