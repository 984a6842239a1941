/**
 * Gmail's quota units per method (its published table), keyed by the stats key of the emulator's request log
 * (`METHOD /path` with ids as `{id}`). Sends cost 100, drafts.update 15. Methods not listed cost nothing here.
 */
const COSTS: [method: string, path: RegExp, units: number][] = [
  ["POST", /\/messages\/send$/, 100],
  ["POST", /\/drafts\/send$/, 100],
  ["POST", /\/drafts$/, 10],
  ["PUT", /\/drafts\/\{id\}$/, 15],
  ["DELETE", /\/drafts\/\{id\}$/, 10],
  ["GET", /\/drafts(\/\{id\})?$/, 5],
  ["GET", /\/messages\/\{id\}\/attachments\/\{id\}$/, 5],
  ["GET", /\/messages(\/\{id\})?$/, 5],
  ["POST", /\/messages\/batchModify$/, 50],
  ["POST", /\/messages\/batchDelete$/, 50],
  ["POST", /\/messages\/\{id\}\/(modify|trash|untrash)$/, 5],
  ["DELETE", /\/messages\/\{id\}$/, 10],
  ["GET", /\/threads$/, 10],
  ["GET", /\/threads\/\{id\}$/, 10],
  ["POST", /\/threads\/\{id\}\/(modify|trash|untrash)$/, 10],
  ["DELETE", /\/threads\/\{id\}$/, 20],
  ["GET", /\/history$/, 2],
  ["GET", /\/(profile|labels|labels\/\{id\}|settings\/sendAs|settings\/sendAs\/\{id\})$/, 1],
  ["POST", /\/labels$/, 5],
  ["PATCH", /\/labels\/\{id\}$/, 5],
  ["PUT", /\/labels\/\{id\}$/, 5],
  ["DELETE", /\/labels\/\{id\}$/, 5],
  ["POST", /\/watch$/, 100],
  ["POST", /\/stop$/, 50],
];

export function quotaUnitsOf(statsKey: string): number {
  const space = statsKey.indexOf(" ");
  const method = statsKey.slice(0, space);
  const path = statsKey.slice(space + 1);
  if (!path.includes("/gmail/v1/users/")) return 0;
  return COSTS.find(([m, pattern]) => m === method && pattern.test(path))?.[2] ?? 0;
}
