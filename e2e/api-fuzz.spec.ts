import { expect, signIn, test } from "./fixtures";

// Malformed input must get a 4xx in the contract's envelope and change nothing: never a 5xx, never a stack
// trace or a token in the body. Values are generated deterministically so a failure can be replayed.
function* seededRandom(seed: number): Generator<number> {
  let state = seed;
  for (;;) {
    state = (state * 1103515245 + 12345) % 2147483648;
    yield state / 2147483648;
  }
}

const random = seededRandom(42);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random.next().value! * items.length)]!;
const junkCharacters = [
  "<",
  ">",
  '"',
  "'",
  "`",
  " ",
  "%",
  "&",
  "#",
  "/",
  "\\",
  "{",
  "}",
  "|",
  "^",
  "é",
  "ש",
  "😀",
  "\u200f",
  ";",
  "$",
  "(",
  ")",
  "*",
  "!",
  "@",
  "+",
  "=",
];
const controlCharacters = ["\u0000", "\u0001", "\u0007", "\u0008", "\u000b", "\u000c", "\u001b", "\u001f", "\u007f"];

function junk(length: number, alphabet: readonly string[] = junkCharacters): string {
  return Array.from({ length }, () => pick(alphabet)).join("");
}

function malformedCases(): { path: string; expectStatus: number[] }[] {
  const cases: { path: string; expectStatus: number[] }[] = [];
  const list = (query: string, expectStatus = [400]) => cases.push({ path: `/api/messages?${query}`, expectStatus });
  const encode = encodeURIComponent;

  // q: too long, control characters, given twice.
  for (const length of [501, 502, 777, 1000, 2048, 4096]) list(`q=${encode("a".repeat(length))}`);
  for (const character of controlCharacters) list(`q=${encode(`from:x${character}y`)}`);
  for (let index = 0; index < 40; index += 1) list(`q=${encode(junk(5) + pick(controlCharacters) + junk(5))}`);
  for (let index = 0; index < 10; index += 1) list(`q=${encode(junk(3))}&q=${encode(junk(3))}`);

  // pageToken: characters outside the token alphabet, too long, given twice, well-formed but forged.
  for (let index = 0; index < 100; index += 1) list(`pageToken=${encode(`${junk(1 + (index % 12))}${pick(["1", "a", ""])}`)}`);
  for (const length of [257, 300, 1024, 5000]) list(`pageToken=${"9".repeat(length)}`);
  list("pageToken=1&pageToken=2");
  for (let index = 0; index < 30; index += 1) list(`pageToken=${Math.floor(random.next().value! * 1e15)}`);

  // pageSize: out of range, not a whole number, given twice.
  for (const value of [
    "0",
    "-1",
    "101",
    "1000",
    "1e2",
    "1.5",
    "abc",
    " 5",
    "5 ",
    "0x10",
    "25abc",
    "999999999999",
    "NaN",
    "Infinity",
    "+5",
    "٣",
    "5%00",
    "[]",
    "{}",
    "null",
    "true",
  ]) {
    list(`pageSize=${encode(value)}`);
  }
  for (let generated = 0; generated < 40;) {
    const value = junk(1 + (generated % 6), ["-", "1", ".", "e", "x", "9", " ", "0"]);
    if (/^\d{1,3}$/.test(value) && Number(value) >= 1 && Number(value) <= 100) continue; // a valid size
    list(`pageSize=${encode(value)}&label=INBOX`);
    generated += 1;
  }
  list("pageSize=10&pageSize=20");

  // label: not a label id, not the user's own label, given twice.
  for (const value of [
    "inbox",
    "Inbox",
    "Label_",
    "Label_abc",
    "Label_-1",
    "../INBOX",
    "INBOX,SENT",
    "INBOX SENT",
    "CATEGORY_",
    "label_1",
    "ALLMAIL",
    "Label_1 ",
    "Label_999",
    "Label_123456789",
  ]) {
    list(`label=${encode(value)}`);
  }
  for (let index = 0; index < 60; index += 1) list(`label=${encode(junk(1 + (index % 15)))}`);
  list("label=INBOX&label=SENT");

  // Unknown parameters are refused rather than silently ignored.
  for (let index = 0; index < 20; index += 1) list(`${encode(`x${junk(3)}`)}=1`);

  // id: not 16 lowercase hex digits, or well-formed but not in this mailbox.
  // Paths with "/" or ".." in them are resolved by the client before they reach the id route: 404 then.
  const id = (value: string, expectStatus = [400, 404]) => cases.push({ path: `/api/messages/${encode(value)}`, expectStatus });
  for (const value of [
    "1",
    "ffff",
    "FFFFFFFFFFFFFFFF",
    "1a1f598f7b5f5d6",
    "1a1f598f7b5f5d6f0",
    "1a1f598f7b5f5d6g",
    "..",
    "..%2F..%2Fetc",
    "%00",
    "null",
    "undefined",
  ]) {
    id(value);
  }
  for (let index = 0; index < 120; index += 1) id(junk(1 + (index % 20), [...junkCharacters, "a", "f", "0", "9", "G", "Z"]));
  for (let index = 0; index < 30; index += 1) id(Array.from({ length: 16 }, () => pick([..."0123456789abcdef"])).join(""), [404]);
  cases.push({ path: "/api/messages/1a1f598f7b5f5d6f?format=raw", expectStatus: [400] });
  return cases;
}

test("at least 500 malformed values get a 4xx in the error envelope, never a 5xx", async ({ page, emulator: _ }) => {
  test.setTimeout(180_000);
  await signIn(page);
  const cases = malformedCases();
  expect(cases.length).toBeGreaterThanOrEqual(500);
  const failures: string[] = [];
  for (const { path, expectStatus } of cases) {
    const response = await page.request.get(path);
    const text = await response.text();
    let body: { error?: { code?: unknown; message?: unknown } } = {};
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      // not JSON: reported below as a failure
    }
    const ok =
      expectStatus.includes(response.status()) &&
      typeof body.error?.code === "string" &&
      typeof body.error.message === "string" &&
      !/\n\s+at |ya29\.|1\/\/|Bearer/.test(text);
    if (!ok) failures.push(`${response.status()} ${path.slice(0, 120)} → ${text.slice(0, 160)}`);
  }
  expect(failures).toEqual([]);

  // Nothing was changed by all that: the mailbox still lists normally.
  const healthy = await page.request.get("/api/messages?pageSize=5");
  expect(healthy.status()).toBe(200);
  expect(((await healthy.json()) as { messages: unknown[] }).messages).toHaveLength(5);
});
