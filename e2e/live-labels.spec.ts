// Which list a conversation belongs in, as the live stream keeps an open list current: a change made in another
// Gmail client must take a conversation out of every view Gmail itself no longer shows it in.
import { expect, signIn, test } from "./fixtures";
import { anotherGmailClient, deliverMail } from "./live-helpers";

test.describe("live lists follow Gmail's label views", () => {
  test("a starred conversation open in the Starred view leaves it when another client trashes it", async ({ page, emulator }) => {
    // Every change notified (Gmail's one-a-second limit would drop some; the app covers for that, tested apart).
    await emulator.control("POST", "watches/rate", { intervalMs: 0 });
    const arrived = await deliverMail(emulator, "Live: starred, then trashed elsewhere");
    const phone = await anotherGmailClient(emulator);
    await phone.star(arrived.id);

    await signIn(page);
    await page.goto("/inbox?label=STARRED");
    const row = page.locator(`[data-testid="message-row"][data-thread-id="${arrived.threadId}"]`);
    await expect(row).toBeVisible();
    await expect(page.locator(".conversations")).toHaveAttribute("data-live", "live");
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

    // Trash keeps STARRED on the message, but Gmail shows a trashed conversation in Trash only.
    await phone.trash(arrived.id);
    await expect(row).toHaveCount(0);
    // Taken out by the stream, not by a reload.
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument === true)).toBe(true);

    // And the Trash view shows it.
    await page.goto("/inbox?label=TRASH");
    await expect(page.locator(`[data-testid="message-row"][data-thread-id="${arrived.threadId}"]`)).toBeVisible();
  });
});
