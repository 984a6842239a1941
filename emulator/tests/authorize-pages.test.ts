import { describe, expect, it } from "vitest";
import { SEED_FIXTURES } from "../seed";
import { authorizeUrl, control, DEV_CLIENT, exchangeCode, GMAIL_READONLY } from "../testing/control-client";
import { fetchManual, useEmulator } from "./harness";

const emulator = useEmulator();
const ada = SEED_FIXTURES.accounts.ada;

/** Text content of an HTML fragment, whitespace collapsed: roughly what a screen reader announces. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function hiddenFlow(html: string): string {
  return /name="flow" value="([^"]+)"/.exec(html)?.[1] ?? "";
}

async function postForm(path: string, fields: [string, string][]) {
  return fetchManual(`${emulator.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
}

/** Chooser → pick Ada → consent page HTML. */
async function reachConsent(options: Parameters<typeof authorizeUrl>[1] = {}): Promise<string> {
  const chooser = await fetchManual(authorizeUrl(emulator.url, options));
  const picked = await postForm("/o/oauth2/v2/auth/chooser", [
    ["flow", hiddenFlow(chooser.text)],
    ["account", ada.email],
  ]);
  expect(picked.status).toBe(303);
  return (await fetchManual(`${emulator.url}${picked.location ?? ""}`)).text;
}

describe("authorization pages (what a browser user sees)", () => {
  it("shows an account chooser with one accessible button per seeded account", async () => {
    const page = await fetchManual(authorizeUrl(emulator.url));
    expect(page.status).toBe(200);
    expect(page.text).toContain("<title>Choose an account</title>");
    expect(page.text).toContain('<html lang="en">');
    const buttons = [...page.text.matchAll(/<button type="submit" class="account" name="account" value="([^"]+)">([\s\S]*?)<\/button>/g)];
    expect(buttons.map((b) => b[1])).toEqual([ada.email, SEED_FIXTURES.accounts.grace.email, SEED_FIXTURES.accounts.empty.email]);
    expect(textOf(buttons[0]?.[2] ?? "")).toBe("Ada Lovelace ada@example.com");
  });

  it("shows a consent screen with one ticked checkbox per scope, labelled, plus Allow and Cancel", async () => {
    const html = await reachConsent();
    expect(textOf(/<h1>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? "")).toBe("Mailroom wants access to your Google Account");
    const boxes = [
      ...html.matchAll(
        /<input type="checkbox" id="([^"]+)" name="scope" value="([^"]+)" checked>\s*<label for="([^"]+)">([^<]+)<\/label>/g,
      ),
    ];
    expect(boxes.map((b) => b[2])).toEqual([
      "openid",
      "https://www.googleapis.com/auth/userinfo.email",
      "https://www.googleapis.com/auth/userinfo.profile",
      GMAIL_READONLY,
    ]);
    for (const box of boxes) expect(box[1]).toBe(box[3]);
    expect(boxes.find((b) => b[2] === GMAIL_READONLY)?.[4]).toBe("Read your email messages and settings");
    expect(html).toMatch(/<button type="submit"[^>]*value="allow">Allow<\/button>/);
    expect(html).toMatch(/<button type="submit"[^>]*value="cancel">Cancel<\/button>/);
    expect(html).not.toContain("<script");
  });

  it("grants only the ticked scopes when the user unticks Gmail and presses Allow", async () => {
    const html = await reachConsent({ accessType: "offline" });
    const done = await postForm("/o/oauth2/v2/auth/consent", [
      ["flow", hiddenFlow(html)],
      ["scope", "openid"],
      ["scope", "https://www.googleapis.com/auth/userinfo.email"],
      ["scope", "https://www.googleapis.com/auth/userinfo.profile"],
      ["action", "allow"],
    ]);
    expect(done.status).toBe(302);
    const redirect = new URL(done.location ?? "");
    expect(`${redirect.origin}${redirect.pathname}`).toBe(DEV_CLIENT.redirectUri);
    expect(redirect.searchParams.get("state")).toBe("test-state");
    expect(redirect.searchParams.get("prompt")).toBe("consent");
    expect(redirect.searchParams.get("scope")?.split(" ")).not.toContain(GMAIL_READONLY);
    expect(redirect.searchParams.get("scope")?.split(" ")).toEqual(expect.arrayContaining(["email", "profile", "openid"]));
    const tokens = await exchangeCode(emulator.url, redirect.searchParams.get("code") ?? "");
    expect(tokens.scope.split(" ")).not.toContain(GMAIL_READONLY);
    expect(tokens.refresh_token).toBeDefined();
    // The finished flow cannot be replayed.
    expect(
      (
        await postForm("/o/oauth2/v2/auth/consent", [
          ["flow", hiddenFlow(html)],
          ["action", "allow"],
        ])
      ).status,
    ).toBe(400);
  });

  it("redirects with access_denied and the state when the user cancels", async () => {
    const html = await reachConsent();
    const cancelled = await postForm("/o/oauth2/v2/auth/consent", [
      ["flow", hiddenFlow(html)],
      ["scope", "openid"],
      ["action", "cancel"],
    ]);
    expect(cancelled.status).toBe(302);
    expect(cancelled.location).toBe(`${DEV_CLIENT.redirectUri}?error=access_denied&state=test-state`);
  });

  it("skips the chooser for login_hint, shows it for prompt=select_account, and skips consent once granted", async () => {
    const hinted = await fetchManual(authorizeUrl(emulator.url, { email: ada.email }));
    expect(hinted.status).toBe(303);
    expect(hinted.location).toMatch(/^\/o\/oauth2\/v2\/auth\/consent\?flow=/);
    const consent = await fetchManual(`${emulator.url}${hinted.location ?? ""}`);
    const allowed = await postForm("/o/oauth2/v2/auth/consent", [
      ["flow", hiddenFlow(consent.text)],
      ...["openid", "email", "profile", GMAIL_READONLY].map((s): [string, string] => ["scope", s]),
      ["action", "allow"],
    ]);
    expect(new URL(allowed.location ?? "").searchParams.get("prompt")).toBe("consent");

    const selectAccount = await fetchManual(authorizeUrl(emulator.url, { email: ada.email, prompt: "select_account" }));
    expect(selectAccount.status).toBe(200);
    expect(selectAccount.text).toContain("Choose an account");

    const silent = await fetchManual(authorizeUrl(emulator.url, { email: ada.email, accessType: "offline" }));
    expect(silent.status).toBe(302);
    const params = new URL(silent.location ?? "").searchParams;
    expect(params.get("prompt")).toBe("none");
    expect((await exchangeCode(emulator.url, params.get("code") ?? "")).refresh_token).toBeUndefined();
  });

  it("handles prompt=none without UI", async () => {
    expect((await fetchManual(authorizeUrl(emulator.url, { prompt: "none" }))).location).toBe(
      `${DEV_CLIENT.redirectUri}?error=account_selection_required&state=test-state`,
    );
    expect((await fetchManual(authorizeUrl(emulator.url, { prompt: "none", email: ada.email }))).location).toBe(
      `${DEV_CLIENT.redirectUri}?error=consent_required&state=test-state`,
    );
  });

  it("refuses unregistered redirect URIs and unknown clients with an error page and no redirect", async () => {
    for (const redirect of [
      "http://localhost:3000/api/auth/callback/github",
      "http://localhost:3000/api/auth/callback/google/",
      "http://evil.example/api/auth/callback/google",
      "http://localhost:3000/api/auth/callback/google?x=1",
    ]) {
      const page = await fetchManual(authorizeUrl(emulator.url, { extra: { redirect_uri: redirect } }));
      expect(page.status).toBe(400);
      expect(page.location).toBeNull();
      expect(page.text).toContain("Error 400: redirect_uri_mismatch");
    }
    for (const redirect of ["http://127.0.0.1:51234/api/auth/callback/google", "https://localhost/api/auth/callback/google"]) {
      expect((await fetchManual(authorizeUrl(emulator.url, { extra: { redirect_uri: redirect } }))).status).toBe(200);
    }
    const unknown = await fetchManual(authorizeUrl(emulator.url, { extra: { client_id: "nobody.apps.googleusercontent.com" } }));
    expect(unknown.status).toBe(401);
    expect(unknown.location).toBeNull();
    expect(unknown.text).toContain("Error 401: invalid_client");
    const badScope = await fetchManual(authorizeUrl(emulator.url, { scope: "openid https://www.googleapis.com/auth/drive.nonsense" }));
    expect(badScope.text).toContain("Error 400: invalid_scope");
  });

  it("escapes what it echoes into HTML", async () => {
    await control(emulator.url, "POST", "clients", {
      client_id: "xss.apps.googleusercontent.com",
      client_secret: "s",
      redirect_uris: ["http://localhost:7000/cb"],
      name: '<script>alert("x")</script>',
    });
    const chooser = await fetchManual(
      authorizeUrl(emulator.url, { extra: { client_id: "xss.apps.googleusercontent.com", redirect_uri: "http://localhost:7000/cb" } }),
    );
    expect(chooser.text).not.toContain('<script>alert("x")</script>');
    expect(chooser.text).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    const bad = await fetchManual(
      authorizeUrl(emulator.url, { extra: { redirect_uri: 'http://localhost:1/"><img src=x onerror=alert(1)>' } }),
    );
    expect(bad.text).not.toContain("<img src=x");
  });
});
