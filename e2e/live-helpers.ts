// What the live-inbox specs share: extra app instances with their own settings, mail arriving and changing at
// "Google" (the emulator), and reading a mailbox's event stream over HTTP as a signed-in browser would.
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { GMAIL_MODIFY } from "../emulator/testing/control-client";
import { type AppServer, productionEnv, startAppServer } from "../scripts/lib/app-server";
import { prepareDatabase } from "../scripts/lib/database";
import { findFreePort } from "../scripts/lib/free-port";
import { type EventStreamReader, type StreamEvent, readEventStream } from "../scripts/testing/sse-reader";
import type { Emulator } from "./fixtures";

export type { EventStreamReader, StreamEvent };
export { temporaryPostgresDatabase } from "../scripts/testing/temporary-postgres";

type ThreadRow = { id: string; subject: string; unread: boolean; starred: boolean; labelIds: string[]; latestMessageId: string };
export type ChangeData = { account: string; historyId: string; upserts: ThreadRow[]; removals: string[] };

/** One more production instance of the app against the suite's emulator, on its own database unless given one. */
export async function startInstance(
  emulator: Emulator,
  options: { env?: Record<string, string>; databaseUrl?: string; dataDir?: string; port?: number } = {},
): Promise<{ app: AppServer; env: NodeJS.ProcessEnv; restart: () => Promise<AppServer>; dispose: () => Promise<void> }> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), "mailroom-live-"));
  const env = {
    ...productionEnv({
      databaseUrl: options.databaseUrl ?? `file:${path.join(dataDir, "mailroom.db")}`,
      dataDir,
      emulatorUrl: emulator.url,
    }),
    ...options.env,
  };
  await prepareDatabase(env);
  const port = options.port ?? (await findFreePort());
  let app = await startAppServer({ port, mode: "start", env });
  return {
    get app() {
      return app;
    },
    env,
    // The same port, database and secrets: the browser's session and its stream's position stay valid.
    restart: async () => {
      await app.close();
      app = await startAppServer({ port, mode: "start", env });
      return app;
    },
    dispose: async () => {
      await app.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** New mail arriving in a mailbox at Google. */
export function deliverMail(emulator: Emulator, subject: string, email = "ada@example.com") {
  const id = randomBytes(6).toString("hex");
  return emulator.control("POST", "messages", {
    email,
    raw: `From: Bob Example <bob@example.com>\r\nTo: ${email}\r\nSubject: ${subject}\r\nMessage-ID: <${id}@example.com>\r\n\r\nHello ${id}`,
  }) as Promise<{ id: string; threadId: string }>;
}

/**
 * Another Gmail client of the same user (a phone app: another OAuth client, with gmail.modify), for changes
 * made "elsewhere" that Mailroom must notice.
 */
export async function anotherGmailClient(emulator: Emulator, email = "ada@example.com") {
  const client = {
    client_id: "phone-app.apps.googleusercontent.com",
    client_secret: "phone-secret",
    redirect_uri: "http://localhost:5999/cb",
  };
  await emulator.control("POST", "clients", { ...client, redirect_uris: [client.redirect_uri] });
  await emulator.control("POST", "consent", { email, autoApprove: true });
  let accessToken: string;
  try {
    const authorize = new URL("/o/oauth2/v2/auth", emulator.url);
    authorize.search = new URLSearchParams({
      client_id: client.client_id,
      redirect_uri: client.redirect_uri,
      response_type: "code",
      scope: GMAIL_MODIFY,
      login_hint: email,
    }).toString();
    const consent = await fetch(authorize, { redirect: "manual" });
    const code = new URL(consent.headers.get("location") ?? "").searchParams.get("code");
    if (!code) throw new Error(`no code from the emulator (${consent.status})`);
    const token = await fetch(new URL("/token", emulator.url), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "authorization_code", code, ...client }),
    });
    accessToken = ((await token.json()) as { access_token: string }).access_token;
  } finally {
    await emulator.control("POST", "consent", { autoApprove: false });
  }
  const modify = async (messageId: string, body: { addLabelIds?: string[]; removeLabelIds?: string[] }) => {
    const response = await fetch(new URL(`/gmail/v1/users/me/messages/${messageId}/modify`, emulator.url), {
      method: "POST",
      headers: { authorization: `Bearer ${accessToken}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`modify answered ${response.status}`);
  };
  const trash = async (messageId: string) => {
    const response = await fetch(new URL(`/gmail/v1/users/me/messages/${messageId}/trash`, emulator.url), {
      method: "POST",
      headers: { authorization: `Bearer ${accessToken}` },
    });
    if (!response.ok) throw new Error(`trash answered ${response.status}`);
  };
  return {
    markRead: (messageId: string) => modify(messageId, { removeLabelIds: ["UNREAD"] }),
    star: (messageId: string) => modify(messageId, { addLabelIds: ["STARRED"] }),
    archive: (messageId: string) => modify(messageId, { removeLabelIds: ["INBOX"] }),
    trash,
  };
}

export function openMailboxStream(appUrl: string, cookie: string, options: { lastEventId?: string | null; query?: string } = {}) {
  return readEventStream(`${appUrl}/api/events${options.query ?? ""}`, { cookie, lastEventId: options.lastEventId ?? null });
}

/** The next change event that shows conversation `threadId` as `matches` wants it. */
export async function changeFor(
  stream: EventStreamReader,
  threadId: string,
  matches: (row: ThreadRow) => boolean = () => true,
  timeoutMs = 10_000,
): Promise<ThreadRow> {
  const event = await stream.next(
    (candidate) => candidate.type === "change" && (candidate.data as ChangeData).upserts.some((row) => row.id === threadId && matches(row)),
    timeoutMs,
  );
  return (event.data as ChangeData).upserts.find((row) => row.id === threadId)!;
}

type Delivery = { pushEndpoint: string; historyId: string; status: number | null; delivered: boolean; forge?: string };

/** Pushes the emulator's Pub/Sub delivered to an endpoint (forgeries left out). */
export async function pushesTo(emulator: Emulator, endpoint: string): Promise<Delivery[]> {
  const { deliveries } = (await emulator.control("GET", "pubsub/deliveries")) as { deliveries: Delivery[] };
  return deliveries.filter((delivery) => delivery.pushEndpoint === endpoint && !delivery.forge);
}

type LoggedRequest = { method: string; path: string };

/** Gmail API requests (not OAuth, not the key set) in the emulator's log since it was last cleared. */
export async function gmailRequests(emulator: Emulator): Promise<string[]> {
  const { requests } = (await emulator.control("GET", "requests")) as { requests: LoggedRequest[] };
  return requests
    .filter((request) => request.path.startsWith("/gmail/") || request.path.startsWith("/batch/"))
    .map((request) => `${request.method} ${request.path.split("?")[0]}`);
}

/**
 * When the page asks for its event stream, runs `meanwhile` before letting the request through: whatever it
 * does happens after the page rendered and before its stream is open, the window a live list must not lose.
 * Resolves once `meanwhile` has run and the request went on.
 */
export async function beforeTheStreamOpens(page: Page, meanwhile: () => Promise<void>): Promise<{ finished: Promise<void> }> {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const finished = new Promise<void>((ok, fail) => ((resolve = ok), (reject = fail)));
  let held = false;
  await page.route("**/api/events?**", async (route) => {
    // Only the first stream is held; any later one (a reconnect) goes straight through.
    if (held) return route.continue();
    held = true;
    try {
      await meanwhile();
      resolve();
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    } finally {
      await route.continue();
    }
  });
  return { finished };
}

/** How many of the emulator's Pub/Sub pushes to `appUrl` have been answered. */
export async function pushesAnswered(emulator: Emulator, appUrl: string): Promise<number> {
  return (await pushesTo(emulator, `${appUrl}/api/google/push`)).filter((push) => push.status !== null).length;
}
