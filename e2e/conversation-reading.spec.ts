// Reading a conversation: HTML mail as tall as its content and as wide as the page (scrolling sideways
// inside its frame when wider), a long conversation folded in the middle with the newest in view, files named
// by kind and size. With screenshots of each state at both sizes in both schemes, and axe in both schemes.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { SEED_FIXTURES } from "../emulator/seed";
import { type Emulator, expect, signIn, test } from "./fixtures";

const ada = SEED_FIXTURES.ada;
const ADA = SEED_FIXTURES.accounts.ada.email;
const SIZES = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 360, height: 740 },
] as const;
const SCHEMES = ["light", "dark"] as const;

test.beforeEach(async ({ page, emulator: _ }) => {
  await signIn(page);
});

function insertMessage(emulator: Emulator, raw: string[], labelIds: string[], internalDate: number) {
  return emulator.control("POST", "messages", { email: ADA, raw: raw.join("\r\n"), labelIds, internalDate }) as Promise<{
    id: string;
    threadId: string;
  }>;
}

function htmlMail(id: string, subject: string, html: string): string[] {
  return [
    "From: Lin <lin@example.org>",
    `To: ${ADA}`,
    `Subject: ${subject}`,
    `Message-ID: <${id}@example.org>`,
    "Content-Type: text/html; charset=utf-8",
    "",
    html,
  ];
}

/** A tall newsletter 600 px wide, a short note, and one that sets its own height to the viewport's. */
async function seedHtmlMail(emulator: Emulator) {
  const at = ada.newestInternalDate + 60_000;
  const rows = Array.from({ length: 40 }, (_, index) => `<tr><td style="padding:8px">Story ${index + 1}: the engine news.</td></tr>`);
  const newsletter = await insertMessage(
    emulator,
    htmlMail("news", "Weekly engine news", `<table width="600" style="width:600px;min-width:600px">${rows.join("")}</table>`),
    ["INBOX"],
    at,
  );
  const note = await insertMessage(emulator, htmlMail("note", "Short note", "<p>See you at noon.</p>"), ["INBOX"], at + 1_000);
  const viewportTall = await insertMessage(
    emulator,
    htmlMail("tall", "Full height", '<div style="height:100vh;min-height:100%">A mail that fills the window.</div>'),
    ["INBOX"],
    at + 2_000,
  );
  return { newsletter, note, viewportTall };
}

/** The frame's box and its document's sizes: what a person sees of the mail and what the mail holds. */
async function frameSizes(page: Page) {
  const frame = page.locator('iframe[data-testid="message-body"]').last();
  await expect(frame).toHaveAttribute("data-fitted", "true");
  return frame.evaluate((element) => {
    const iframe = element as HTMLIFrameElement;
    const root = iframe.contentDocument!.documentElement;
    return {
      frameHeight: iframe.getBoundingClientRect().height,
      frameWidth: iframe.getBoundingClientRect().width,
      contentHeight: root.scrollHeight,
      viewportHeight: root.clientHeight,
      contentWidth: root.scrollWidth,
      viewportWidth: root.clientWidth,
      sandbox: iframe.getAttribute("sandbox"),
    };
  });
}

async function screenshot(page: Page, name: string): Promise<void> {
  const path = test.info().outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await test.info().attach(name, { path, contentType: "image/png" });
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).setLegacyMode(true).options({ iframes: false }).analyze();
  return results.violations.map(
    (violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
  );
}

test("an HTML mail's frame is as tall as the mail, fits the page, and a wide one scrolls inside its frame on a phone", async ({
  page,
  emulator,
}) => {
  const { newsletter, note, viewportTall } = await seedHtmlMail(emulator);

  await page.goto(`/inbox/${note.threadId}`);
  const short = await frameSizes(page);
  // No white gap under a short mail, no scrollbar inside a long one.
  expect(short.frameHeight).toBeLessThan(120);
  expect(short.contentHeight).toBeLessThanOrEqual(short.viewportHeight + 1);
  expect(short.sandbox).not.toContain("allow-scripts");

  await page.goto(`/inbox/${newsletter.threadId}`);
  const tall = await frameSizes(page);
  expect(tall.frameHeight).toBeGreaterThan(1000);
  expect(tall.contentHeight).toBeLessThanOrEqual(tall.viewportHeight + 1);

  await page.goto(`/inbox/${viewportTall.threadId}`);
  const filling = await frameSizes(page);
  // Sized once, not growing with every measure.
  expect(filling.frameHeight).toBeLessThan(1200);

  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`/inbox/${newsletter.threadId}`);
  const phone = await frameSizes(page);
  expect(phone.frameWidth).toBeLessThanOrEqual(360);
  // The 600 px table is all there, reachable by scrolling the frame sideways; the page itself does not scroll sideways.
  expect(phone.contentWidth).toBeGreaterThanOrEqual(600);
  expect(phone.viewportWidth).toBeLessThan(phone.contentWidth);
  expect(phone.contentHeight).toBeLessThanOrEqual(phone.viewportHeight + 1);
  const page360 = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(page360.scroll).toBeLessThanOrEqual(page360.client);
});

test("a long conversation folds its read middle into “N more messages”, shows the newest, and unfolds from the keyboard", async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`/inbox/${ada.thread.id}`);
  const fold = page.getByTestId("conversation-fold");
  await expect(fold).toHaveText(`${ada.thread.length - 3} more messages`);
  const visible = page.getByTestId("conversation-message").filter({ visible: true });
  await expect(visible).toHaveCount(3);
  // The first message, then the newest two; the newest (unread) is brought into view.
  expect(await visible.evaluateAll((all) => all.map((element) => element.getAttribute("data-message-id")))).toEqual([
    ada.thread.messageIds[0],
    ...ada.thread.messageIds.slice(-2),
  ]);
  await expect(page.getByTestId("conversation-message").last().getByTestId("message-body")).toBeInViewport();

  await fold.focus();
  await page.keyboard.press("Enter");
  await expect(visible).toHaveCount(ada.thread.length);
  await expect(fold).toBeHidden();
});

test("attachments are named by kind and size under a heading no larger than the sender's name", async ({ page }) => {
  await page.goto(`/inbox/${ada.special.attachments.id}`);
  const files = page.getByTestId("attachment");
  await expect(files).toHaveCount(ada.special.attachments.files.length);
  await expect(files.nth(0).getByTestId("attachment-kind")).toHaveText(/^PDF · \d+(\.\d)? (B|KB)$/);
  await expect(files.nth(1).getByTestId("attachment-kind")).toHaveText(/^Text · \d+(\.\d)? (B|KB)$/);
  await expect(page.getByText("application/pdf")).toHaveCount(0);
  const sizes = await page.evaluate(() => {
    const size = (selector: string) => parseFloat(getComputedStyle(document.querySelector(selector)!).fontSize);
    return { heading: size(".attachments h2"), sender: size('[data-testid="conversation-message"] summary span') };
  });
  expect(sizes.heading).toBeLessThanOrEqual(sizes.sender);
});

test("screenshots and axe: the toolbar, the folded conversation and an auto-height frame, at both sizes in both schemes", async ({
  page,
  emulator,
}) => {
  const { newsletter } = await seedHtmlMail(emulator);
  // Opened from the list, so the toolbar shows Previous, Next and the place in the list.
  await page.goto("/inbox");
  await expect(page.locator('[data-actions="ready"]')).toBeVisible();
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const colorScheme of SCHEMES) {
      await page.emulateMedia({ colorScheme });
      await page.goto(`/inbox/${ada.thread.id}?${new URLSearchParams({ back: "/inbox" })}`);
      await expect(page.locator('[data-testid="conversation-toolbar"][data-keys="ready"]')).toBeVisible();
      await expect(page.getByTestId("conversation-fold")).toBeVisible();
      await screenshot(page, `conversation-folded-${size.name}-${colorScheme}`);
      expect(await seriousViolations(page), `folded conversation, ${size.name}, ${colorScheme}`).toEqual([]);

      await page.goto(`/inbox/${newsletter.threadId}?${new URLSearchParams({ back: "/inbox" })}`);
      await expect(page.locator('iframe[data-testid="message-body"]')).toHaveAttribute("data-fitted", "true");
      await expect(page.getByTestId("conversation-position")).toHaveText(/^\d+ of \d+$/);
      await screenshot(page, `conversation-toolbar-frame-${size.name}-${colorScheme}`);
      expect(await seriousViolations(page), `conversation with a frame, ${size.name}, ${colorScheme}`).toEqual([]);
    }
  }
});
