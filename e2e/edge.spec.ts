// What every response carries at the edge, on the production server the suite runs (scripts/serve.ts): bad
// targets stopped before Next routes them, a server-made request id, and the pages' security headers.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SEED_FIXTURES } from "../emulator/seed";
import { productionEnv, startAppServer } from "../scripts/lib/app-server";
import { prepareDatabase } from "../scripts/lib/database";
import { findFreePort } from "../scripts/lib/free-port";
import { expect, signIn, test } from "./fixtures";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// Targets whose percent-escapes do not decode; Next itself answers them with a 500 (vercel/next.js#92527).
const malformedApi = ["/api/messages/%", "/api/messages/%E0%A4%A", "/api/auth/%ZZ"];
const malformedPages = ["/inbox/%ZZ", "/inbox/%E0%A4%A"];

for (const target of malformedApi) {
  test(`a malformed API path (${target}) is a 400 in the error envelope`, async ({ appUrl }) => {
    const response = await fetch(`${appUrl}${target}`);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("x-request-id")).toMatch(UUID);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body).toEqual({ error: { code: "bad_request", message: expect.stringMatching(/malformed/) as unknown } });
  });
}

for (const target of malformedPages) {
  test(`a malformed page path (${target}) is a readable 400 page`, async ({ page, appUrl }) => {
    const response = await page.goto(`${appUrl}${target}`);
    expect(response?.status()).toBe(400);
    await expect(page.getByRole("heading", { name: "This address is not valid" })).toBeVisible();
    await expect(page.getByRole("link", { name: "your inbox" })).toHaveAttribute("href", "/inbox");
  });
}

test("a malformed query value is not the edge's business: the route still answers", async ({ appUrl }) => {
  const response = await fetch(`${appUrl}/api/messages?q=%ZZ`);
  expect(response.status).toBe(401);
  expect(((await response.json()) as { error: { code: string } }).error.code).toBe("unauthenticated");
});

test("every response carries a fresh request id made by the server, not the one the client sent", async ({ appUrl }) => {
  const sent = "00000000-0000-4000-8000-000000000000";
  const ids = await Promise.all(
    ["/api/health", "/api/health", "/", "/api/messages"].map(async (target) => {
      const response = await fetch(`${appUrl}${target}`, { headers: { "x-request-id": sent }, redirect: "manual" });
      await response.arrayBuffer();
      return response.headers.get("x-request-id");
    }),
  );
  for (const id of ids) expect(id).toMatch(UUID);
  expect(ids).not.toContain(sent);
  expect(new Set(ids).size).toBe(ids.length);
});

const directives = (policy: string) =>
  new Map(policy.split(/;\s*/).map((part) => [part.split(" ")[0]!, part.split(" ").slice(1)] as const));

test("pages carry a strict Content-Security-Policy with a fresh nonce that the page's scripts use", async ({ appUrl }) => {
  const nonces: string[] = [];
  for (const target of ["/", "/", "/no-such-page"]) {
    const response = await fetch(`${appUrl}${target}`);
    const policy = response.headers.get("content-security-policy") ?? "";
    const csp = directives(policy);
    const scriptSrc = csp.get("script-src") ?? [];
    const nonce = /^'nonce-([^']+)'$/.exec(scriptSrc.find((source) => source.startsWith("'nonce-")) ?? "")?.[1];
    expect(nonce, `a nonce in ${policy}`).toBeTruthy();
    nonces.push(nonce!);
    expect(scriptSrc).toContain("'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'none'"]);
    // Over http, no HSTS: it would pin a browser to an https that is not there.
    expect(response.headers.get("strict-transport-security")).toBeNull();

    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  }
  expect(new Set(nonces).size).toBe(nonces.length);
});

test("signing in, reading the inbox and an HTML message with its images shown violates no CSP rule", async ({ page, emulator: _ }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await signIn(page);
  await expect(page.getByTestId("message-row").first()).toBeVisible();
  await page.getByTestId("message-row").first().click();
  // A conversation: every message has a body; the latest is open.
  await expect(page.getByTestId("message-body").last()).toBeVisible();

  const { id, remoteImageUrl } = SEED_FIXTURES.ada.special.htmlWithScript;
  // The image's host does not answer (it is the seed's stand-in for a tracker); that the browser asks for it
  // at all shows the page's policy let the frame load it.
  const imageRequested = page.waitForRequest(remoteImageUrl);
  await page.goto(`/inbox/${id}`);
  await page.getByRole("link", { name: "Show images" }).click();
  await imageRequested;
  await expect(page.frameLocator('[data-testid="message-body"]').locator("body")).toContainText(/\w+/);
  expect(violations).toEqual([]);
});

test("HSTS is sent when the app's public URL is https", async ({ emulator }) => {
  test.setTimeout(90_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "mailroom-edge-"));
  const env = {
    ...productionEnv({ databaseUrl: `file:${path.join(dataDir, "mailroom.db")}`, dataDir, emulatorUrl: emulator.url }),
    NEXTAUTH_URL: "https://mail.example.test",
  };
  try {
    await prepareDatabase(env);
    const app = await startAppServer({ port: await findFreePort(), mode: "start", env });
    try {
      const response = await fetch(`${app.url}/`);
      expect(response.headers.get("strict-transport-security")).toMatch(/^max-age=\d{8,}/);
      expect(response.headers.get("content-security-policy")).toContain("'strict-dynamic'");
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
