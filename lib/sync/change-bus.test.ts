// The change bus on the database the suite runs on: in-process on SQLite; LISTEN/NOTIFY on PostgreSQL, where
// each instance has its own listening connection (here: a second bus in the same process, on its own
// connection, stands in for another instance).
import pg from "pg";
import { describe, expect, it } from "vitest";
import { useIntegrationEnvironment } from "@/scripts/testing/integration-env";
import { type ChangeNotice, changeBus } from "./change-bus";
import { CHANNEL, PostgresChangeBus } from "./change-bus-postgres";

const environment = useIntegrationEnvironment();

function collector() {
  const notices: ChangeNotice[] = [];
  let reconnections = 0;
  return {
    notices,
    reconnections: () => reconnections,
    listener: { notice: (notice: ChangeNotice) => notices.push(notice), reconnected: () => (reconnections += 1) },
  };
}

async function eventually(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("the condition did not hold in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** PostgreSQL delivers to listeners that are listening; give a new connection the moment to start. */
async function publishUntilHeard(publish: () => Promise<void>, heard: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!heard()) {
    if (Date.now() > deadline) throw new Error("nothing was heard");
    await publish();
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("the change bus", () => {
  it("brings a notice to every subscriber, the publisher's own process included, until it unsubscribes", async () => {
    const [first, second] = [collector(), collector()];
    const unsubscribeFirst = changeBus().subscribe(first.listener);
    const unsubscribeSecond = changeBus().subscribe(second.listener);
    const notice = { email: "ada@example.com", historyId: "4242" };
    await publishUntilHeard(
      () => changeBus().publish(notice),
      () => first.notices.length > 0 && second.notices.length > 0,
    );
    expect(first.notices[0]).toEqual(notice);
    expect(second.notices[0]).toEqual(notice);

    unsubscribeFirst();
    const before = first.notices.length;
    await changeBus().publish({ email: "grace@example.com", historyId: null });
    await eventually(() => second.notices.some((heard) => heard.email === "grace@example.com"));
    expect(first.notices).toHaveLength(before);
    unsubscribeSecond();
  });
});

// Across instances only PostgreSQL carries notices (on SQLite there is one process).
if (process.env.MAILROOM_TEST_POSTGRES_URL) {
  describe("the PostgreSQL change bus", () => {
    it("reaches another instance's listening connection, and after that connection dies it comes back and asks for a full sync", async () => {
      const other = new PostgresChangeBus(environment.databaseUrl);
      const heard = collector();
      const unsubscribe = other.subscribe(heard.listener);
      await publishUntilHeard(
        () => changeBus().publish({ email: "ada@example.com", historyId: "1" }),
        () => heard.notices.length > 0,
      );

      // The database drops the listening connection (a failover, an idle timeout, an administrator).
      const admin = new pg.Client({ connectionString: environment.databaseUrl });
      await admin.connect();
      const { rowCount } = await admin.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query = $1",
        [`LISTEN ${CHANNEL}`],
      );
      await admin.end();
      expect(rowCount).toBeGreaterThan(0);

      await eventually(() => heard.reconnections() > 0);
      const count = heard.notices.length;
      await publishUntilHeard(
        () => changeBus().publish({ email: "grace@example.com", historyId: "2" }),
        () => heard.notices.slice(count).some((notice) => notice.email === "grace@example.com"),
      );
      unsubscribe();
      await other.close();
    });
  });
}
