import { describe, expect, it } from "vitest";
import { GMAIL_SCOPES } from "../oauth/scopes";
import { SEED_FIXTURES } from "../seed";
import { control, GMAIL_READONLY } from "../testing/control-client";
import { useEmulator } from "./harness";
import { b64url, clientFor, gmailError, rawHeader, rawMessage, rawOf } from "./write-helpers";

const emulator = useEmulator();
const ada = SEED_FIXTURES.accounts.ada.email;
const grace = SEED_FIXTURES.accounts.grace.email;

describe("users.settings.sendAs", () => {
  it("lists the primary address without verificationStatus, then the aliases seeded through the control API", async () => {
    const gmail = await clientFor(emulator.url, ada);
    expect((await gmail.users.settings.sendAs.list({ userId: "me" })).data.sendAs).toEqual([
      { sendAsEmail: ada, displayName: "Ada Lovelace", replyToAddress: "", signature: "", isPrimary: true, isDefault: true },
    ]);
    await control(emulator.url, "POST", "send-as", { email: ada, sendAsEmail: "countess@example.org", displayName: "The Countess" });
    await control(emulator.url, "POST", "send-as", { email: ada, sendAsEmail: "pending@example.org", verificationStatus: "pending" });
    const list = (await gmail.users.settings.sendAs.list({ userId: "me" })).data.sendAs ?? [];
    expect(list.map((s) => [s.sendAsEmail, s.isPrimary, s.verificationStatus ?? null])).toEqual([
      [ada, true, null],
      ["countess@example.org", false, "accepted"],
      ["pending@example.org", false, "pending"],
    ]);
    expect((await gmail.users.settings.sendAs.get({ userId: "me", sendAsEmail: "countess@example.org" })).data.displayName).toBe(
      "The Countess",
    );
    expect((await gmailError(gmail.users.settings.sendAs.get({ userId: "me", sendAsEmail: "nobody@example.org" }))).status).toBe(404);
    const compose = await clientFor(emulator.url, ada, `openid email ${GMAIL_SCOPES.compose}`);
    expect((await gmailError(compose.users.settings.sendAs.list({ userId: "me" }))).status).toBe(403);
  });

  it("keeps an accepted alias in From, swaps a pending one for the primary, and delivers to a user's alias", async () => {
    await control(emulator.url, "POST", "send-as", { email: ada, sendAsEmail: "countess@example.org" });
    await control(emulator.url, "POST", "send-as", { email: ada, sendAsEmail: "pending@example.org", verificationStatus: "pending" });
    await control(emulator.url, "POST", "send-as", { email: grace, sendAsEmail: "admiral@example.org" });
    const gmail = await clientFor(emulator.url, ada);
    const send = async (from: string) => {
      const { data } = await gmail.users.messages.send({
        userId: "me",
        requestBody: { raw: b64url(rawMessage({ from, to: "admiral@example.org" })) },
      });
      return rawHeader(await rawOf(gmail, data.id ?? ""), "From");
    };
    expect(await send("Countess <countess@example.org>")).toBe("Countess <countess@example.org>");
    expect(await send("pending@example.org")).toBe(ada);
    const received = await control<{ messages: { raw: string }[] }>(
      emulator.url,
      "GET",
      `messages?email=${grace}&q=to:admiral@example.org`,
    );
    expect(received.messages).toHaveLength(2);
  });
});

describe("users with aliases from the start", () => {
  it("takes sendAs in POST users, the default alias becoming the From of a message without one", async () => {
    await control(emulator.url, "POST", "users", {
      email: "hedy@example.com",
      name: "Hedy Lamarr",
      sendAs: [{ sendAsEmail: "hedy@films.example", displayName: "Hedy", isDefault: true }],
    });
    const gmail = await clientFor(emulator.url, "hedy@example.com");
    const list = (await gmail.users.settings.sendAs.list({ userId: "me" })).data.sendAs ?? [];
    expect(list.map((s) => [s.sendAsEmail, s.isDefault])).toEqual([
      ["hedy@example.com", false],
      ["hedy@films.example", true],
    ]);
    const { data } = await gmail.users.messages.send({
      userId: "me",
      requestBody: { raw: b64url(rawMessage({ to: "x@elsewhere.example" })) },
    });
    expect(rawHeader(await rawOf(gmail, data.id ?? ""), "From")).toBe("hedy@films.example");
  });
});

describe("labels.create, patch, delete", () => {
  it("creates Label_N labels, refuses duplicates (409 aborted) and reserved names (400), checks colours", async () => {
    const gmail = await clientFor(emulator.url, ada);
    const created = await gmail.users.labels.create({
      userId: "me",
      requestBody: {
        name: "Clients/Acme",
        labelListVisibility: "labelShow",
        messageListVisibility: "show",
        color: { textColor: "#000000", backgroundColor: "#16a766" },
      },
    });
    expect(created.data).toMatchObject({ name: "Clients/Acme", type: "user", color: { textColor: "#000000", backgroundColor: "#16a766" } });
    expect(created.data.id).toMatch(/^Label_\d+$/);
    expect((await gmail.users.labels.list({ userId: "me" })).data.labels?.map((l) => l.id)).toContain(created.data.id);
    expect(await gmailError(gmail.users.labels.create({ userId: "me", requestBody: { name: "clients/ACME" } }))).toEqual({
      status: 409,
      message: "Label name exists or conflicts",
      reason: "aborted",
    });
    for (const name of ["Drafts", "MUTED", "Inbox", "Name\r", " padded"]) {
      expect(await gmailError(gmail.users.labels.create({ userId: "me", requestBody: { name } }))).toMatchObject({
        status: 400,
        message: "Invalid label name",
      });
    }
    const badColour = await gmailError(
      gmail.users.labels.create({
        userId: "me",
        requestBody: { name: "Odd", color: { textColor: "#123456", backgroundColor: "#16a766" } },
      }),
    );
    expect(badColour.status).toBe(400);
    const readonly = await clientFor(emulator.url, ada, `openid email ${GMAIL_READONLY}`);
    expect((await gmailError(readonly.users.labels.create({ userId: "me", requestBody: { name: "Nope" } }))).status).toBe(403);
  });

  it("renames with patch, and delete takes the label off every message as a labelsRemoved history record", async () => {
    const gmail = await clientFor(emulator.url, ada);
    const label = (await gmail.users.labels.create({ userId: "me", requestBody: { name: "Temp" } })).data;
    const patched = await gmail.users.labels.patch({ userId: "me", id: label.id ?? "", requestBody: { name: "Renamed" } });
    expect(patched.data).toMatchObject({ id: label.id, name: "Renamed", messageListVisibility: "show" });
    const [first] = (await gmail.users.messages.list({ userId: "me", maxResults: 1 })).data.messages ?? [];
    await gmail.users.messages.modify({ userId: "me", id: first?.id ?? "", requestBody: { addLabelIds: [label.id ?? ""] } });
    const before = (await gmail.users.getProfile({ userId: "me" })).data.historyId ?? "";
    expect((await gmail.users.labels.delete({ userId: "me", id: label.id ?? "" })).status).toBe(204);
    const history = await gmail.users.history.list({ userId: "me", startHistoryId: before });
    const removed = history.data.history?.flatMap((h) => h.labelsRemoved ?? []) ?? [];
    expect(removed.map((r) => [r.message?.id, r.labelIds])).toEqual([[first?.id, [label.id]]]);
    expect((await gmail.users.messages.get({ userId: "me", id: first?.id ?? "", format: "minimal" })).data.labelIds).not.toContain(
      label.id,
    );
    expect((await gmailError(gmail.users.labels.get({ userId: "me", id: label.id ?? "" }))).status).toBe(404);
    expect((await gmailError(gmail.users.labels.delete({ userId: "me", id: "INBOX" }))).status).toBe(400);
  });
});
