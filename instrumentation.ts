// Runs once when the server starts: validate the configuration now, so a bad value stops start-up with a
// message naming the variable instead of failing on the first request.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { assertValidConfiguration } = await import("./lib/startup-check");
    assertValidConfiguration();
  }
}
