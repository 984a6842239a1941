import "server-only";
// Every Gmail call the official client makes passes here (gaxios's adapter hook, once per attempt, retries
// included), so the metrics see each HTTP request with its method, status and time. The batch endpoint, which
// the client does not cover, reports from batch-get.ts.
import type { gmail } from "@googleapis/gmail";
import { spendGmailQuota } from "../limits/gmail-quota";
import { gmailCallUnits } from "../limits/gmail-quota-cost";
import { gmailCallStarted } from "../metrics/gmail-calls";

// gaxios's own types, as the Gmail client declares them (two gaxios copies are installed; this is its one).
type Adapter = NonNullable<Extract<Parameters<typeof gmail>[0], object>["adapter"]>;
type Options = Parameters<Adapter>[0];
type DefaultAdapter = Parameters<Adapter>[1];

export const observedAdapter = (async (options: Options, defaultAdapter: DefaultAdapter) => {
  // Each attempt costs Gmail quota, a retry included. A refusal here surfaces as the GaxiosError's cause.
  await spendGmailQuota(gmailCallUnits(options.method ?? "GET", String(options.url)));
  const done = gmailCallStarted(options.method ?? "GET", String(options.url));
  try {
    // The default adapter reads the whole body before it resolves, and does not throw on error statuses.
    const response = await defaultAdapter(options);
    done(response.status);
    return response;
  } catch (error) {
    done("network");
    throw error;
  }
}) as Adapter;
