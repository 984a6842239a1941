import { test as base, expect } from "@playwright/test";

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the browser tests through \`npm test\` or \`npx playwright test\``);
  return value;
}

type Fixtures = { appUrl: string; emulatorUrl: string };

export const test = base.extend<Fixtures>({
  appUrl: async ({}, use) => use(required("MAILROOM_E2E_APP_URL")),
  emulatorUrl: async ({}, use) => use(required("MAILROOM_E2E_EMULATOR_URL")),
  baseURL: async ({}, use) => use(required("MAILROOM_E2E_APP_URL")),
});

export { expect };
