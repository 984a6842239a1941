// The OAuth client the emulator knows from the start. One definition for the emulator, its test helpers and
// the app's emulator mode, so they cannot drift apart.
export const DEV_CLIENT_ID = "mailroom-dev.apps.googleusercontent.com";
export const DEV_CLIENT_SECRET = "mailroom-dev-secret";
/** Any localhost or 127.0.0.1 origin, at any port, with this path is an accepted redirect URI. */
export const DEV_CALLBACK_PATH = "/api/auth/callback/google";
