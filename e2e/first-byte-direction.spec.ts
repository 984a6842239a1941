import type { APIRequestContext } from "@playwright/test";
import { SEED_FIXTURES } from "../emulator/seed";
import { expect, signIn, test } from "./fixtures";
import { forgetChosenLanguages } from "./interface-language-helpers";

// The language and direction are in the page's very first bytes, before any script or style: a Hebrew page is
// never laid out left to right first, whatever page a link opens. Raw HTML, as the server sends it.
const FIRST_BYTES = {
  "he-IL": '<!DOCTYPE html><html lang="he-IL" dir="rtl"',
  "en-US": '<!DOCTYPE html><html lang="en-US" dir="ltr"',
} as const;

async function firstBytes(request: APIRequestContext, path: string, acceptLanguage: keyof typeof FIRST_BYTES): Promise<string> {
  const response = await request.get(path, { headers: { "accept-language": acceptLanguage }, maxRedirects: 0 });
  expect(response.status(), `${path} for ${acceptLanguage}`).toBe(200);
  return (await response.text()).slice(0, FIRST_BYTES[acceptLanguage].length);
}

test("signed out, the sign-in page starts with the language and direction Accept-Language asks for", async ({ request, emulator: _ }) => {
  for (const acceptLanguage of ["he-IL", "en-US"] as const) {
    expect(await firstBytes(request, "/", acceptLanguage)).toBe(FIRST_BYTES[acceptLanguage]);
  }
  // Hebrew as a second choice after a language Mailroom does not speak still means Hebrew.
  const response = await request.get("/", { headers: { "accept-language": "fr-FR, he-IL;q=0.8, en;q=0.5" } });
  expect((await response.text()).slice(0, FIRST_BYTES["he-IL"].length)).toBe(FIRST_BYTES["he-IL"]);
});

test("signed in, the inbox, a search, a conversation, drafts and settings start with the asked-for language and direction", async ({
  page,
  emulator: _,
}) => {
  forgetChosenLanguages();
  await signIn(page);
  const paths = [
    "/inbox",
    `/inbox?q=${encodeURIComponent("nothing-matches-this-zq")}`,
    `/inbox/${SEED_FIXTURES.ada.thread.id}`,
    `/inbox/${SEED_FIXTURES.ada.special.hebrew.threadId}`,
    "/drafts",
    "/settings",
  ];
  for (const path of paths) {
    for (const acceptLanguage of ["he-IL", "en-US"] as const) {
      expect(await firstBytes(page.request, path, acceptLanguage), `${path} for ${acceptLanguage}`).toBe(FIRST_BYTES[acceptLanguage]);
    }
  }
});
