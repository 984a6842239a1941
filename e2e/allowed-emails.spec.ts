import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { type AppServer, productionEnv, startAppServer } from "../scripts/lib/app-server";
import { prepareDatabase } from "../scripts/lib/database";
import { findFreePort } from "../scripts/lib/free-port";
import { answerConsent, expect, test } from "./fixtures";

// Its own instance and database: ALLOWED_EMAILS is read at start-up, and the counts must be this test's alone.
test("ALLOWED_EMAILS refuses other Google accounts with a clear message and stores nothing about them", async ({ page, emulator }) => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "mailroom-allowed-"));
  const file = path.join(dataDir, "mailroom.db");
  const env = {
    ...productionEnv({ databaseUrl: `file:${file}`, dataDir, emulatorUrl: emulator.url }),
    ALLOWED_EMAILS: "Grace@Example.com, @example.org",
  };
  let server: AppServer | undefined;
  const counts = () => {
    const db = new Database(file, { readonly: true });
    try {
      const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
      return { users: count("User"), accounts: count("Account"), sessions: count("Session") };
    } finally {
      db.close();
    }
  };
  try {
    await prepareDatabase(env);
    server = await startAppServer({ port: await findFreePort(), mode: "start", env });

    // ada@example.com is not on the list: Google says yes, Mailroom says no, and why.
    await page.goto(server.url);
    await page.getByRole("button", { name: "Sign in with Google" }).click();
    await answerConsent(page, { email: "ada@example.com" });
    await expect(page).toHaveURL(/\/\?error=NotAllowed$/);
    const refusal = page.locator(".sign-in-error");
    await expect(refusal).toHaveAttribute("role", "alert");
    await expect(refusal).toContainText("open only to some Google accounts, and the one you chose is not one of them");
    expect(counts()).toEqual({ users: 0, accounts: 0, sessions: 0 });
    expect(await (await page.request.get(`${server.url}/api/auth/session`)).json()).toEqual({});

    // grace@example.com is listed (in another case): signed in as usual.
    await page.getByRole("button", { name: "Sign in with Google" }).click();
    await answerConsent(page, { email: "grace@example.com" });
    await expect(page).toHaveURL(/\/inbox/);
    await expect(page.getByTestId("message-row").first()).toBeVisible();
    expect(counts()).toEqual({ users: 1, accounts: 1, sessions: 1 });

    // The list holds for every account linked later too: adding ada@example.com is refused, and says why.
    await page.goto(`${server.url}/settings`);
    await page.getByTestId("add-account").click();
    await answerConsent(page, { email: "ada@example.com" });
    await expect(page.getByTestId("account-notice")).toHaveText(
      /ada@example\.com is not allowed on this Mailroom, so it was not added\. Nothing was changed\./,
    );
    await expect(page.getByTestId("account-card")).toHaveCount(1);
    expect(counts()).toEqual({ users: 1, accounts: 1, sessions: 1 });
  } finally {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
