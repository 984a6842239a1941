import { expect, test } from "./fixtures";

test("health reports a working database on a fresh install", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ ok: true, database: "ok", google: "emulator" });
});

test("the sign-in page offers Google sign-in", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle(/Mailroom/);
  await expect(page.getByRole("heading", { name: "Mailroom" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in with Google" })).toBeVisible();
});

test("the app has an SVG icon, linked from every page", async ({ page, request }) => {
  await page.goto("/");
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(href).toMatch(/^\/icon\.svg/);
  const icon = await request.get(href!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  expect(await icon.text()).toContain("<svg");
});
