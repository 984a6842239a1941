import { SEED_FIXTURES } from "../emulator/seed";
import { expect, signIn, test } from "./fixtures";

// The pages a person lives in, photographed at a desktop and a phone size in both colour schemes, for people
// to compare releases by eye (under test-results/ and in the report). What each page must show is asserted
// by its own spec; this one only checks that the page finished loading before the picture is taken.
const ada = SEED_FIXTURES.ada;
const sizes = [
  { name: "1280", viewport: { width: 1280, height: 800 } },
  { name: "360", viewport: { width: 360, height: 740 } },
] as const;
const schemes = ["light", "dark"] as const;

for (const size of sizes) {
  for (const colorScheme of schemes) {
    test.describe(`${size.name} px, ${colorScheme}`, () => {
      test.use({ viewport: size.viewport, colorScheme });

      test("inbox, a long conversation and an HTML mail", async ({ page, emulator: _ }) => {
        await signIn(page);
        const shoot = async (name: string) => {
          const path = test.info().outputPath(`${name}-${size.name}-${colorScheme}.png`);
          await page.screenshot({ path });
          await test.info().attach(name, { path, contentType: "image/png" });
        };

        await page.goto("/inbox");
        await expect(page.getByTestId("message-row").first()).toBeVisible();
        await shoot("inbox");

        await page.goto(`/inbox/${ada.thread.id}`);
        await expect(page.getByTestId("message-body").filter({ visible: true }).first()).toBeVisible();
        await shoot("long-conversation");

        await page.goto(`/inbox/${ada.special.htmlWithScript.id}`);
        await expect(page.getByTestId("message-body").filter({ visible: true }).first()).toBeVisible();
        await shoot("html-mail");
      });
    });
  }
}
