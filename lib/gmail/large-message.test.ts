import { beforeEach, describe, expect, it } from "vitest";
import { createLinkedAccount, type LinkedAccount } from "@/scripts/testing/accounts";
import { control } from "@/scripts/testing/emulator-client";
import { useIntegrationEnvironment } from "@/scripts/testing/integration-env";
import { htmlMessage } from "@/scripts/testing/raw-messages";
import { instanceDownloadBudget } from "../downloads/instance-budget";
import { resolveAccount } from "../accounts/linked-accounts";
import { getMessage } from "../mail/get-message";
import { getRawMessage } from "./get-raw-message";
import { getThread } from "../mail/get-thread";

const environment = useIntegrationEnvironment();
let ada: LinkedAccount;

beforeEach(async () => {
  ada = await createLinkedAccount(environment.emulatorUrl, "ada@example.com");
});

async function insert(raw: string): Promise<{ id: string; threadId: string }> {
  return control(environment.emulatorUrl, "POST", "messages", { email: "ada@example.com", raw, labelIds: ["INBOX"] });
}

const paragraphs = (bytes: number) => "<p>Figures for the quarter.</p>".repeat(Math.ceil(bytes / 31));

describe("a large message", () => {
  it("opens a 20 MB HTML message as a plain-text excerpt, and downloads it whole, byte for byte", { timeout: 120_000 }, async () => {
    const raw = htmlMessage({
      to: "ada@example.com",
      subject: "The whole archive",
      html: `<script>alert(1)</script>${paragraphs(20 * 1024 * 1024)}`,
    });
    const { id, threadId } = await insert(raw);

    const message = await getMessage({ account: await resolveAccount({ userId: ada.userId }), id });
    expect(message.html).toBeNull();
    expect(message.truncated?.bodyBytes).toBeGreaterThan(20 * 1024 * 1024);
    expect(message.text).toMatch(/^Figures for the quarter\.\nFigures for the quarter\.\n/);
    expect(message.text).not.toContain("alert");
    expect(message.text!.length).toBeLessThan(100_000);

    const thread = await getThread({ account: await resolveAccount({ userId: ada.userId }), id: threadId });
    expect(thread.messages.map((m) => m.truncated !== null)).toEqual([true]);

    const file = await getRawMessage({ account: await resolveAccount({ userId: ada.userId }), id });
    expect(file.filename).toBe("The whole archive.eml");
    const bytes = Buffer.from(await new Response(file.body).arrayBuffer());
    expect(bytes.equals(Buffer.from(raw, "utf8"))).toBe(true);
    expect(instanceDownloadBudget().inUse).toEqual({ bytes: 0, downloads: 0 });
  });

  it("renders an HTML body Gmail sent by attachmentId when it is small enough to show", async () => {
    // Over the size at which Gmail (and the emulator) stop sending a part inline, under Mailroom's own limit.
    const html = `<div>${paragraphs(600 * 1024)}<script>alert(1)</script></div>`;
    const { id } = await insert(htmlMessage({ to: "ada@example.com", subject: "Big but fine", html }));
    const message = await getMessage({ account: await resolveAccount({ userId: ada.userId }), id });
    expect(message.truncated).toBeNull();
    expect(message.html).toContain("<p>Figures for the quarter.</p>");
    expect(message.html).not.toContain("<script");
  });

  it("answers not_found for the whole message of an id that does not exist", async () => {
    await expect(getRawMessage({ account: await resolveAccount({ userId: ada.userId }), id: "ffffffffffffffff" })).rejects.toMatchObject({
      code: "not_found",
      status: 404,
    });
  });
});
