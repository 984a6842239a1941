// The OAuth client the emulator knows from the start. One definition for the emulator, its test helpers and
// the app's emulator mode, so they cannot drift apart.
export const DEV_CLIENT_ID = "mailroom-dev.apps.googleusercontent.com";
export const DEV_CLIENT_SECRET = "mailroom-dev-secret";
/** Any localhost or 127.0.0.1 origin, at any port, with this path is an accepted redirect URI. */
export const DEV_CALLBACK_PATH = "/api/auth/callback/google";
/**
 * The Cloud project the dev client belongs to. `users.watch` accepts only topics of the caller's project
 * (`projects/mailroom-dev/topics/*`), as Gmail does.
 */
export const DEV_PROJECT_ID = "mailroom-dev";
/** A topic that exists from the start, with Gmail's publisher grant, for the app's emulator mode. */
export const DEV_PUBSUB_TOPIC = `projects/${DEV_PROJECT_ID}/topics/gmail-push`;
/** The service account push requests are signed for unless a subscription names another. */
export const DEV_PUSH_SERVICE_ACCOUNT = `gmail-push@${DEV_PROJECT_ID}.iam.gserviceaccount.com`;
