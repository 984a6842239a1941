// `account=` is resolved to one of the user's linked accounts once, at the edge (the page or the route
// handler), and the resolved account is handed down: an inbox render or an API request looks it up once,
// however many parts of it (label tabs, the list, the label check, "Label as") need the account.
// Counted by the production server itself (mailroom_account_lookups_total on /api/metrics).
import { GMAIL_MODIFY_SCOPE } from "../lib/google-scopes";
import { signInOverHttp } from "../scripts/lib/http-session";
import { expect, test } from "./fixtures";
import { startInstance } from "./live-helpers";

const TOKEN = "metrics-token-for-the-account-lookups-spec";
const ADA = "ada@example.com";

test("one inbox render, and each API request, look the account up once", async ({ emulator }) => {
  test.setTimeout(120_000);
  const instance = await startInstance(emulator, { env: { METRICS_TOKEN: TOKEN } });
  try {
    const { url } = instance.app;
    const cookie = await signInOverHttp(url, emulator.url, ADA, { scope: `openid email profile ${GMAIL_MODIFY_SCOPE}` });
    const lookups = async (): Promise<number> => {
      const text = await (await fetch(`${url}/api/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
      const line = text.split("\n").find((candidate) => candidate.startsWith("mailroom_account_lookups_total "));
      return Number(line?.split(" ")[1] ?? "0");
    };
    /** How many lookups one request caused, once its whole answer (every streamed part of a page) is read. */
    const lookupsFor = async (path: string, init: RequestInit = {}): Promise<{ status: number; body: string; count: number }> => {
      const before = await lookups();
      const response = await fetch(`${url}${path}`, { ...init, headers: { cookie, ...init.headers } });
      const body = await response.text();
      return { status: response.status, body, count: (await lookups()) - before };
    };
    const account = `account=${encodeURIComponent(ADA)}`;

    // A user label: the page checks it is one of ada's, shows it among the tabs and offers it in "Label as".
    const inbox = await lookupsFor(`/inbox?${account}&label=Label_1`);
    expect(inbox.status).toBe(200);
    expect(inbox.body).toContain('data-testid="message-row"');
    expect(inbox.count).toBe(1);

    const threads = await lookupsFor(`/api/threads?${account}&label=Label_1&pageSize=5`);
    expect(threads.status).toBe(200);
    expect(threads.count).toBe(1);
    const firstId = (JSON.parse(threads.body) as { threads: { id: string }[] }).threads[0]!.id;

    const thread = await lookupsFor(`/api/threads/${firstId}?${account}`);
    expect(thread.status).toBe(200);
    expect(thread.count).toBe(1);

    // An action naming a user label is checked against the account's labels (refused here: no such label).
    const action = await lookupsFor("/api/actions", {
      method: "POST",
      headers: { "content-type": "application/json", origin: url },
      body: JSON.stringify({ account: ADA, action: "addLabel", threadIds: [firstId], labelId: "Label_99" }),
    });
    expect(action.status).toBe(400);
    expect(action.count).toBe(1);
  } finally {
    await instance.dispose();
  }
});
