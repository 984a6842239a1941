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
  await expect(page.getByTestId("message-body")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
