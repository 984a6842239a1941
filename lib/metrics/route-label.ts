// The `route` label of a request's duration: the route's template, never the path itself. A path carries ids
// (messages, attachments), and anyone can make up paths: labelled as they came, each would be a new series
// and the metrics endpoint would grow without bound.

const API_ROUTES = new Set(["messages", "threads", "actions", "events", "health", "metrics", "google", "auth", "send", "scheduled"]);
// Fixed words inside API paths; any other segment is a parameter.
const API_WORDS = new Set([
  "attachments",
  "risc",
  "push",
  "csrf",
  "session",
  "signin",
  "signout",
  "callback",
  "providers",
  "google",
  "error",
]);
const PAGES = new Set(["inbox", "settings", "reconnect"]);

export function routeLabel(target: string): string {
  const queryStart = target.search(/[?#]/);
  const path = queryStart === -1 ? target : target.slice(0, queryStart);
  const segments = path.split("/").filter(Boolean);
  const [first, second] = segments;
  if (first === undefined) return "/";
  if (first === "_next") return "/_next";
  if (first === "api") {
    if (second === undefined || !API_ROUTES.has(second)) return "/api/:unknown";
    const rest = segments.slice(2, 5).map((segment) => (API_WORDS.has(segment) ? segment : ":id"));
    return ["/api", second, ...rest].join("/") + (segments.length > 5 ? "/…" : "");
  }
  if (PAGES.has(first)) return segments.length === 1 ? `/${first}` : `/${first}/:id`;
  return "other";
}
