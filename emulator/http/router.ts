import type { EmuRequest, EmuResponse, Handler, Params } from "./types";

interface Route {
  method: string;
  pattern: string;
  regex: RegExp;
  paramNames: string[];
  handler: Handler;
}

export interface RouteMatch {
  handler: Handler;
  params: Params;
  /** `METHOD /path` with every parameter except `userId` replaced by `{id}`: the key used by the stats. */
  statsKey: string;
}

/**
 * A tiny method + path router. Patterns use `:name` segments; a name ending in `*` matches the rest of the
 * path (used for Google's `/a/<picture>` style URLs).
 */
export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler): this {
    const paramNames: string[] = [];
    const source = pattern
      .split("/")
      .map((segment) => {
        if (!segment.startsWith(":")) return escapeRegex(segment);
        const rest = segment.endsWith("*");
        paramNames.push(segment.slice(1, rest ? -1 : undefined));
        return rest ? "(.+)" : "([^/]+)";
      })
      .join("/");
    this.routes.push({ method, pattern, regex: new RegExp(`^${source}$`), paramNames, handler });
    return this;
  }

  match(method: string, path: string): RouteMatch | undefined {
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const found = route.regex.exec(path);
      if (!found) continue;
      const params: Params = {};
      route.paramNames.forEach((name, i) => {
        params[name] = safeDecode(found[i + 1] ?? "");
      });
      return { handler: route.handler, params, statsKey: `${method} ${statsPath(route.pattern, params)}` };
    }
    return undefined;
  }

  async handle(req: EmuRequest, notFound: (req: EmuRequest) => EmuResponse): Promise<EmuResponse> {
    const found = this.match(req.method, req.path);
    if (!found) return notFound(req);
    return found.handler(req, found.params);
  }
}

function statsPath(pattern: string, params: Params): string {
  return pattern
    .split("/")
    .map((segment) => {
      if (!segment.startsWith(":")) return segment;
      const name = segment.slice(1).replace(/\*$/, "");
      return name === "userId" ? (params.userId ?? "{userId}") : "{id}";
    })
    .join("/");
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
