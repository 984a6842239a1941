import AxeBuilder from "@axe-core/playwright";
import { type Page } from "@playwright/test";
import { SEED_FIXTURES } from "../emulator/seed";
import { expect, signIn, test } from "./fixtures";

async function seriousViolations(page: Page): Promise<string[]> {
  // The mail itself is the sender's markup in a sandboxed frame where no script (axe included) may run; the
  // frame element, its title and everything around it are ours and are checked.
  const results = await new AxeBuilder({ page }).setLegacyMode(true).options({ iframes: false }).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`);
}

test("the sign-in page, the inbox and a message have no serious accessibility violations", async ({ page, emulator: _ }) => {
  await page.goto("/");
  await expect(page.getByRole("button", { name: "Sign in with Google" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await signIn(page);
  await expect(page.getByTestId("message-row").first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto(`/inbox/${SEED_FIXTURES.ada.special.attachments.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto(`/inbox/${SEED_FIXTURES.ada.special.htmlWithScript.id}`);
  await expect(page.getByTestId("message-body").filter({ visible: true }).first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("the inbox with a selection, the consent dialog and the failure alert, in the light and the dark scheme", async ({
  page,
  emulator: _,
}) => {
  await signIn(page);
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto("/inbox");
    await expect(page.locator('[data-actions="ready"]')).toBeVisible();
    // A selected row, an unread one and a starred one, each in its own colours.
    await page.getByTestId("row-select").nth(1).check();
    expect(await seriousViolations(page), `inbox, ${colorScheme}`).toEqual([]);

    // Read-only so far: the first action opens the permission dialog.
    await page.getByTestId("action-archive").click();
    await expect(page.getByTestId("scope-dialog")).toBeVisible();
    expect(await seriousViolations(page), `dialog, ${colorScheme}`).toEqual([]);
    await page.getByTestId("scope-dialog").getByRole("button", { name: "Cancel" }).click();

    // The connection drops: the alert that says the rows are back.
    await page.route("**/api/actions", (route) => route.abort());
    await page.getByTestId("action-archive").click();
    await expect(page.getByTestId("action-error")).toContainText("Could not archive");
    expect(await seriousViolations(page), `alert, ${colorScheme}`).toEqual([]);
    await page.unroute("**/api/actions");

    await page.goto(`/inbox/${SEED_FIXTURES.ada.thread.id}`);
    await expect(page.getByTestId("message-body").filter({ visible: true }).first()).toBeVisible();
    expect(await seriousViolations(page), `conversation, ${colorScheme}`).toEqual([]);
  }
});

test("the composer, its suggestions list and the send later picker have no serious accessibility violations", async ({
  page,
  emulator: _,
}) => {
  await signIn(page);
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto("/inbox");
    await page.getByTestId("compose").click();
    const composer = page.getByTestId("composer");
    await expect(composer.getByTestId("compose-body")).toBeVisible();
    await composer.getByRole("button", { name: "Cc / Bcc" }).click();
    await composer.getByTestId("compose-to").fill("not-an-address");
    await composer.getByTestId("compose-to").press("Enter");
    await composer.getByTestId("compose-send-later").click();
    await expect(composer.getByTestId("send-later-at")).toBeVisible();
    expect(await seriousViolations(page), `composer, ${colorScheme}`).toEqual([]);
    await composer.getByTestId("compose-to").press("Escape");
    await expect(composer).toBeHidden();
  }
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`every mail page, and the shortcut sheet, has no accessibility findings at all, in the ${colorScheme} scheme`, async ({
    page,
    emulator: _,
  }) => {
    test.setTimeout(300_000);
    await signIn(page);
    await page.emulateMedia({ colorScheme });
    const everyFinding = async () => {
      const results = await new AxeBuilder({ page }).setLegacyMode(true).options({ iframes: false }).analyze();
      return results.violations.map(
        (violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
      );
    };
    const pages = [
      "/inbox",
      "/inbox?label=SPAM",
      `/inbox?q=${encodeURIComponent("in:sent")}`,
      `/inbox?q=${encodeURIComponent("nothing-matches-this-zq")}`,
      "/inbox?account=all",
      `/inbox/${SEED_FIXTURES.ada.thread.id}`,
      "/drafts",
      "/scheduled",
      "/settings",
    ];
    for (const path of pages) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
      // Streamed content (the list, the conversation) is in before the check.
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      expect(await everyFinding(), `${path}, ${colorScheme}`).toEqual([]);
    }
    await page.goto("/inbox");
    await expect(page.locator('[data-actions="ready"]')).toBeVisible();
    await page.keyboard.press("Shift+Slash");
    await expect(page.getByTestId("shortcuts")).toBeVisible();
    expect(await everyFinding(), `shortcut sheet, ${colorScheme}`).toEqual([]);
  });
}
