import { signIn, test } from "./fixtures";
test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
test("debug widths", async ({ page, emulator: _ }) => {
  await signIn(page);
  await page.goto(process.env.DEBUG_PATH ?? "/inbox");
  await page.waitForSelector('[data-testid="message-row"], h1');
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .map((e) => ({ tag: e.tagName + "." + (e.getAttribute("class") ?? ""), w: Math.round(e.getBoundingClientRect().width), r: Math.round(e.getBoundingClientRect().right) }))
      .filter((x) => x.r > 360)
      .slice(0, 30),
  );
  console.log(JSON.stringify(wide, null, 1));
  await page.screenshot({ path: "/tmp/debug.png", fullPage: false });
});
