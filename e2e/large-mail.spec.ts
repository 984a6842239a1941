import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SEED_FIXTURES } from "../emulator/seed";
import { type AppServer, productionEnv, startAppServer } from "../scripts/lib/app-server";
import { prepareDatabase } from "../scripts/lib/database";
import { findFreePort } from "../scripts/lib/free-port";
import { signInOverHttp } from "../scripts/lib/http-session";
import { htmlMessage, messageWithAttachment } from "../scripts/testing/raw-messages";
import { type Emulator, expect, signIn, test } from "./fixtures";

const ADA = SEED_FIXTURES.accounts.ada.email;
const MB = 1024 * 1024;

/** Inserts a message the way Gmail receives mail; answers its ids. */
function insert(emulator: Emulator, email: string, raw: string): Promise<{ id: string; threadId: string }> {
  return emulator.control("POST", "messages", { email, raw, labelIds: ["INBOX"] }) as Promise<{
    id: string;
    threadId: string;
  }>;
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Reads a download to its end, hashing as it goes (ten 20 MB files are not kept in the test's memory). */
async function hashOf(response: Response): Promise<{ hash: string; bytes: number }> {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { hash: hash.digest("hex"), bytes };
}

test("a 20 MB HTML message opens as a plain-text excerpt, and the whole message downloads", async ({ page, emulator }) => {
  test.setTimeout(120_000);
  const raw = htmlMessage({
    to: ADA,
    subject: "The whole archive",
    html: `<script>alert(1)</script>${"<p>Figures for the quarter.</p>".repeat(Math.ceil((20 * MB) / 31))}`,
  });
  const { threadId, id } = await insert(emulator, ADA, raw);
  await signIn(page);
  await page.goto(`/inbox/${threadId}`);
  await expect(page.getByTestId("message-truncated")).toContainText("too large to show here (20.0 MB)");
  await expect(page.getByTestId("message-body")).toContainText("Figures for the quarter.");
  await expect(page.locator('iframe[data-testid="message-body"]')).toHaveCount(0);

  const link = page.getByTestId("download-message");
  await expect(link).toHaveAttribute("href", `/api/messages/${id}/raw?account=${encodeURIComponent(ADA)}`);
  const response = await page.request.get((await link.getAttribute("href"))!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("message/rfc822");
  expect(response.headers()["content-disposition"]).toContain('attachment; filename="The whole archive.eml"');
  expect(sha256(await response.body())).toBe(sha256(Buffer.from(raw, "utf8")));
});

test("an instance relays ten 20 MB downloads at once under its heap ceiling, refuses the eleventh, and keeps answering others", async ({
  emulator,
}) => {
  test.setTimeout(240_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "mailroom-large-"));
  const env = {
    ...productionEnv({ databaseUrl: `file:${path.join(dataDir, "mailroom.db")}`, dataDir, emulatorUrl: emulator.url }),
    // Room for exactly ten 20 MB files, and for ten at once from one person.
    DOWNLOAD_BUDGET_MB: "200",
    DOWNLOADS_PER_USER: "10",
  };
  let app: AppServer | undefined;
  try {
    await prepareDatabase(env);
    app = await startAppServer({ port: await findFreePort(), mode: "start", env });
    expect(app.heap.flags.join(" ")).toMatch(/--max-old-space-size=\d+/);
    const file = randomBytes(20 * MB);
    const { id } = await insert(
      emulator,
      ADA,
      messageWithAttachment({
        to: ADA,
        subject: "The scans",
        attachment: { filename: "scans.bin", mimeType: "application/octet-stream", bytes: file },
      }),
    );
    const ada = await signInOverHttp(app.url, emulator.url, ADA);
    const grace = await signInOverHttp(app.url, emulator.url, "grace@example.com");
    const message = (await (await fetch(`${app.url}/api/messages/${id}`, { headers: { cookie: ada } })).json()) as {
      attachments: { attachmentId: string; size: number }[];
    };
    const url = `${app.url}/api/messages/${id}/attachments/${message.attachments[0]!.attachmentId}`;

    // Ten downloads start together; their bodies are read only later, so all ten are open at once.
    const downloads = await Promise.all(Array.from({ length: 10 }, () => fetch(url, { headers: { cookie: ada } })));
    expect(downloads.map((response) => response.status)).toEqual(Array.from({ length: 10 }, () => 200));
    expect(downloads[0]!.headers.get("content-disposition")).toContain('filename="scans.bin"');

    // The eleventh: over Ada's share (429), or for someone else, over the instance's budget (503).
    const mine = await fetch(url, { headers: { cookie: ada } });
    expect(mine.status).toBe(429);
    expect(mine.headers.get("retry-after")).toBe("5");
    expect(await mine.json()).toMatchObject({ error: { code: "rate_limited", retryAfter: 5 } });
    const [graceMessage] = (
      (await (await fetch(`${app.url}/api/messages?pageSize=1`, { headers: { cookie: grace } })).json()) as {
        messages: { id: string }[];
      }
    ).messages;
    const busy = await fetch(`${app.url}/api/messages/${graceMessage!.id}/raw`, { headers: { cookie: grace } });
    expect(busy.status).toBe(503);
    expect(busy.headers.get("retry-after")).toBe("10");
    expect(await busy.json()).toMatchObject({ error: { code: "server_busy", retryAfter: 10 } });

    // Everyone else's mail keeps coming while the ten are relayed, every byte intact.
    const relayed = Promise.all(downloads.map(hashOf));
    const inbox = await fetch(`${app.url}/api/threads?pageSize=10`, { headers: { cookie: grace } });
    expect(inbox.status).toBe(200);
    const expected = { hash: sha256(file), bytes: file.length };
    expect(await relayed).toEqual(Array.from({ length: 10 }, () => expected));

    // Still up, and the budget is free again.
    expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
    const again = await fetch(`${app.url}/api/messages/${graceMessage!.id}/raw`, { headers: { cookie: grace } });
    expect(again.status).toBe(200);
    await again.arrayBuffer();
  } finally {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
