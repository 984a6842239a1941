// A send that cannot go comes back to its user: on every mail page a notice says what was not sent and why,
// the draft stays in Gmail, and the Scheduled view lists it until it is dismissed.
import { expect, forgetEveryone, signIn, test } from "./fixtures";
import { grantModify } from "./grant-helpers";

test.beforeEach(forgetEveryone);
test.afterEach(forgetEveryone);

test("Gmail refusing a send for good shows a notice on every page, keeps the draft, and goes once dismissed", async ({
  page,
  appUrl,
  emulator,
}) => {
  await signIn(page);
  await grantModify(page, "ada@example.com", "/inbox");
  const json = { Origin: appUrl, "Content-Type": "application/json" };
  const created = await page.request.post("/api/drafts", {
    headers: json,
    data: JSON.stringify({ to: ["grace@example.com"], subject: "Quarterly figures", html: "<p>Attached soon.</p>" }),
  });
  expect(created.status()).toBe(200);
  const { id: draftId } = (await created.json()) as { id: string };
  // Gmail will refuse the send itself (an address it will not take): a failure no retry can heal.
  await emulator.control("POST", "faults", { match: { method: "POST", path: "/gmail/v1/users/me/drafts/send" }, status: 400, count: 1 });
  const sent = await page.request.post("/api/send", { headers: json, data: JSON.stringify({ draftId }) });
  expect(sent.status()).toBe(200);
  const { scheduled } = (await sent.json()) as { scheduled: { undoUntil: string } };
  await page.waitForTimeout(Math.max(0, Date.parse(scheduled.undoUntil) - Date.now()) + 1_000);

  const notice = page.getByTestId("send-failed-notice");
  await expect(async () => {
    await page.goto("/inbox");
    await expect(notice).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(notice).toContainText("A message could not be sent");
  await expect(notice).toContainText("Quarterly figures");
  await expect(notice).toContainText("Gmail refused it");
  // A page in Hebrew says the same by the failure's code.
  await page.context().addCookies([{ name: "mailroom_lang", value: "he", url: appUrl }]);
  await page.reload();
  await expect(notice).toContainText("לא נשלחה: \u200fGmail סירב לה");
  await page.context().addCookies([{ name: "mailroom_lang", value: "en", url: appUrl }]);
  await page.reload();

  // The draft is intact, and the Scheduled view says the same and lets it go.
  const draft = await page.request.get(`/api/drafts/${draftId}?account=ada@example.com`);
  expect(draft.status()).toBe(200);
  await notice.getByRole("link", { name: "review what was not sent" }).click();
  const row = page.getByTestId("scheduled-row").filter({ hasText: "Quarterly figures" });
  await expect(row).toContainText("Gmail refused it");
  await row.getByRole("button", { name: /dismiss/i }).click();
  await expect(row).toHaveCount(0);
  await page.goto("/inbox");
  await expect(page.getByTestId("conversation-row").or(page.getByTestId("message-row")).first()).toBeVisible();
  await expect(notice).toHaveCount(0);
});
