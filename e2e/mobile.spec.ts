import { type Locator, type Page } from "@playwright/test";
import { SEED_FIXTURES } from "../emulator/seed";
import { expect, signIn, test } from "./fixtures";
import { grantModify } from "./grant-helpers";

const ada = SEED_FIXTURES.ada;
/** WCAG 2.5.5's target size, which Apple's and Google's guidelines also ask for. */
const MIN_TARGET = 44;

// A small phone held upright.
test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number }> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
  });
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await horizontalOverflow(page);
  expect(clientWidth).toBe(360);
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

/**
 * Every element's box is at least 44 × 44 CSS pixels and (unless it sits in a strip that scrolls on its own)
 * lies inside the viewport's width.
 */
async function expectTouchTargets(targets: Locator, what: string, { onScreen = true } = {}): Promise<void> {
  const boxes = await targets.evaluateAll((elements) =>
    elements.map((element) => {
      const rect = element.getBoundingClientRect();
      return { name: element.textContent?.trim() || element.getAttribute("data-testid") || element.tagName, ...rect.toJSON() } as {
        name: string;
        width: number;
        height: number;
        left: number;
        right: number;
      };
    }),
  );
  expect(boxes.length, `${what}: none found`).toBeGreaterThan(0);
  for (const box of boxes) {
    expect.soft(box.width, `${what} "${box.name}" width`).toBeGreaterThanOrEqual(MIN_TARGET);
    expect.soft(box.height, `${what} "${box.name}" height`).toBeGreaterThanOrEqual(MIN_TARGET);
    if (!onScreen) continue;
    expect.soft(box.left, `${what} "${box.name}" left edge`).toBeGreaterThanOrEqual(0);
    expect.soft(box.right, `${what} "${box.name}" right edge`).toBeLessThanOrEqual(360);
  }
}

/** Kept under test-results/ (and in the report) for a person to look at. */
async function attachScreenshot(page: Page, name: string): Promise<void> {
  const path = test.info().outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await test.info().attach(name, { path, contentType: "image/png" });
}

test.beforeEach(async ({ page, emulator: _ }) => {
  await signIn(page);
});

test("the inbox fits a 360 px phone: no sideways scrolling, every control a 44 px target", async ({ page }) => {
  await page.goto("/inbox");
  await expect(page.locator('[data-actions="ready"]')).toBeVisible();
  await expectNoSidewaysScroll(page);

  const rows = page.getByTestId("message-row");
  await expect(rows).toHaveCount(25);
  // The checkbox's label is its target: tapping anywhere in it selects the row.
  await expectTouchTargets(page.locator("label.row-check"), "checkbox");
  const firstCheck = page.locator("label.row-check").nth(1);
  const box = (await firstCheck.boundingBox())!;
  await page.touchscreen.tap(box.x + 3, box.y + 3);
  await expect(rows.first().getByTestId("row-select")).toBeChecked();

  await expectTouchTargets(
    page.getByRole("toolbar", { name: "Conversation actions" }).locator("button:visible, select:visible"),
    "toolbar control",
  );
  await expectTouchTargets(rows.getByRole("link"), "row link");
  await expectTouchTargets(page.locator('[data-testid="next-page"], [data-testid="prev-page"]'), "pagination");
  // The label tabs are one strip that scrolls sideways by itself; the last tab can be scrolled to.
  const tabs = page.getByRole("navigation", { name: "Labels" });
  await expectTouchTargets(tabs.getByRole("link"), "label tab", { onScreen: false });
  await expectTouchTargets(tabs, "label strip");
  await tabs.getByRole("link").last().scrollIntoViewIfNeeded();
  const lastTab = (await tabs.getByRole("link").last().boundingBox())!;
  expect(lastTab.x + lastTab.width).toBeLessThanOrEqual(360);
  await expectNoSidewaysScroll(page);
  await expectTouchTargets(page.locator('[data-testid="search"], .search-form button, [data-testid="sign-out"]'), "header control");

  // Rows keep their sender, summary (subject and snippet, clipped as one) and date on screen: nothing is pushed
  // past the edge.
  for (const part of [".from", ".summary", ".date"]) {
    const right = await rows
      .first()
      .locator(part)
      .evaluate((element) => element.getBoundingClientRect().right);
    expect(right, `${part} stays inside the screen`).toBeLessThanOrEqual(360);
  }

  // Asked for the first time, the permission dialog fits the screen too.
  await page.getByTestId("action-star").click();
  const dialog = page.getByTestId("scope-dialog");
  await expect(dialog).toBeVisible();
  const dialogBox = (await dialog.boundingBox())!;
  expect(dialogBox.x).toBeGreaterThanOrEqual(0);
  expect(dialogBox.x + dialogBox.width).toBeLessThanOrEqual(360);
  await expectTouchTargets(dialog.getByRole("button"), "dialog button");
  await attachScreenshot(page, "scope-dialog-360");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expectNoSidewaysScroll(page);

  // Granted, the action goes through and the undo toast sits over the bottom of the screen, in reach.
  await grantModify(page);
  await expect(page.locator('[data-actions="ready"]')).toBeVisible();
  await rows.first().getByTestId("row-select").check();
  await page.getByTestId("action-star").click();
  const toast = page.getByTestId("undo");
  await expect(toast).toContainText("Starred 1 conversation");
  await expectTouchTargets(toast.getByRole("button"), "toast button");
  await expectNoSidewaysScroll(page);
  await attachScreenshot(page, "inbox-360");
  await toast.getByRole("button", { name: "Undo" }).click();
  await expect(toast).toContainText("Unstarred 1 conversation");
});

test("a conversation fits a 360 px phone, long thread and HTML mail alike", async ({ page }) => {
  for (const id of [ada.thread.id, ada.special.htmlWithScript.id, ada.special.attachments.id]) {
    await page.goto(`/inbox/${id}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByTestId("message-body").filter({ visible: true }).first()).toBeVisible();
    await expectNoSidewaysScroll(page);
  }
  await page.goto(`/inbox/${ada.thread.id}`);
  await expect(page.getByTestId("message-body").filter({ visible: true }).first()).toBeVisible();
  await attachScreenshot(page, "conversation-360");
});

test.describe("dark mode", () => {
  test.use({ colorScheme: "dark" });

  test("follows the system: dark backgrounds, light text, a dark browser bar", async ({ page }) => {
    await page.goto("/inbox");
    await expect(page.getByTestId("message-row").first()).toBeVisible();
    const colours = await page.evaluate(() => {
      const luminance = (colour: string) => {
        const [r, g, b] = (colour.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
        return (0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0)) / 255;
      };
      const list = document.querySelector(".message-list")!;
      return {
        page: luminance(getComputedStyle(document.body).backgroundColor || getComputedStyle(document.documentElement).backgroundColor),
        root: luminance(getComputedStyle(document.documentElement).backgroundColor),
        list: luminance(getComputedStyle(list).backgroundColor),
        text: luminance(getComputedStyle(list.querySelector(".subject")!).color),
        scheme: getComputedStyle(document.documentElement).colorScheme,
        themeColor: [...document.querySelectorAll('meta[name="theme-color"]')].map((meta) => ({
          media: meta.getAttribute("media"),
          content: meta.getAttribute("content"),
        })),
      };
    });
    expect(Math.max(colours.page, colours.root)).toBeLessThan(0.2);
    expect(colours.list).toBeLessThan(0.2);
    expect(colours.text).toBeGreaterThan(0.7);
    expect(colours.scheme).toContain("dark");
    const darkBar = colours.themeColor.find((meta) => meta.media?.includes("dark"))?.content ?? "";
    expect(darkBar).toMatch(/^#[0-9a-f]{6}$/i);
    expect(parseInt(darkBar.slice(1, 3), 16)).toBeLessThan(64);
    await attachScreenshot(page, "inbox-360-dark");

    await page.goto(`/inbox/${ada.thread.id}`);
    await expect(page.getByTestId("message-body").filter({ visible: true }).first()).toBeVisible();
    await expectNoSidewaysScroll(page);
    await attachScreenshot(page, "conversation-360-dark");
  });
});
