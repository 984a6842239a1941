// What lib/gmail reports about each HTTP request to Gmail: the API method it calls (from the URL, so the
// label set stays fixed), its status, how long it took, and its place in the current round-trip count.
import { metrics } from "./registry";
import { roundTripStarted } from "./round-trips";

const GMAIL_PATH = /^\/gmail\/v1\/users\/[^/]+\/(.*)$/;

/** Gmail's name for the call a request makes (`messages.get`, `history.list`, `batch`…), or `other`. */
export function gmailMethodName(httpMethod: string, url: string): string {
  let path: string;
  try {
    path = new URL(url, "http://gmail.invalid").pathname;
  } catch {
    return "other";
  }
  if (path.startsWith("/batch/")) return "batch";
  const rest = GMAIL_PATH.exec(path)?.[1];
  if (rest === undefined) return "other";
  const [resource = "", id, action, subId] = rest.split("/");
  const verb = httpMethod.toUpperCase();
  switch (resource) {
    case "profile":
      return "getProfile";
    case "watch":
      return "watch";
    case "stop":
      return "stop";
    case "history":
      return "history.list";
    case "messages":
    case "threads":
    case "labels":
    case "drafts":
      if (id === undefined || id === "") return verb === "POST" ? `${resource}.insert` : `${resource}.list`;
      if (id === "batchModify" || id === "batchDelete") return `${resource}.${id}`;
      if (action === "attachments") return subId ? "messages.attachments.get" : "other";
      if (action) return `${resource}.${action}`;
      return verb === "DELETE" ? `${resource}.delete` : verb === "GET" ? `${resource}.get` : `${resource}.update`;
    default:
      return "other";
  }
}

/** Call when a request goes out; call the returned function with the status (or "network") once answered. */
export function gmailCallStarted(httpMethod: string, url: string): (status: number | "network") => void {
  const method = gmailMethodName(httpMethod, url);
  const endRoundTrip = roundTripStarted();
  const stopTimer = metrics().gmailRequestDuration.startTimer({ method });
  return (status) => {
    endRoundTrip();
    stopTimer();
    metrics().gmailRequests.inc({ method, status: String(status) });
  };
}

/** The parts of one batch answer, each under its own method and status. */
export function recordBatchParts(parts: readonly { method: string; path: string; status: number | undefined }[]): void {
  for (const part of parts) {
    metrics().gmailBatchParts.inc({ method: gmailMethodName(part.method, part.path), status: String(part.status ?? "missing") });
  }
}
