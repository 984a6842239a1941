// Settings lists every browser signed in as the user, and "Sign out everywhere else" ends the others.
import { expect, test } from "./fixtures";
import { browserSignedInAs, closeBrowsers } from "./risc-helpers";

test.afterEach(closeBrowsers);

test("two browsers signed in: each is listed with its device and last seen; signing out the others ends the other one", async ({
  browser,
  appUrl,
  emulator: _,
}) => {
  const first = await browserSignedInAs(browser, appUrl, "grace@example.com");
  const second = await browserSignedInAs(browser, appUrl, "grace@example.com");

  await first.goto("/settings");
  const rows = first.getByTestId("session-row");
  // Sessions of earlier tests of this user may be listed too; the two browsers here are among them.
  await expect(rows.filter({ hasText: "this device" })).toHaveCount(1);
  const count = await rows.count();
  expect(count).toBeGreaterThanOrEqual(2);
  for (const row of await rows.all()) {
    // Playwright's Chromium on Linux, named the way a person would recognise it.
    await expect(row.getByTestId("session-device")).toHaveText("Chrome on Linux");
    await expect(row.getByTestId("session-last-seen").locator("time")).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT/);
  }
  await expect(rows.first()).toContainText("this device");

  await first.getByTestId("sign-out-others").click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("this device");
  await expect(first.getByTestId("sign-out-others")).toHaveCount(0);

  await second.reload();
  await expect(second.getByRole("button", { name: "Sign in with Google" })).toBeVisible();
  await first.goto("/inbox");
  await expect(first.getByTestId("message-row").first()).toBeVisible();
});
