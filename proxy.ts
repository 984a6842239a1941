// Security headers on every page: a Content-Security-Policy whose scripts run by a per-response nonce, and
// HSTS when the app is served over https. Next reads the nonce from the policy on the *request* headers and
// puts it on its own scripts, so the policy is set on both the request and the response.
import { type NextRequest, NextResponse } from "next/server";
import { REQUESTED_PAGE_HEADER } from "@/lib/auth/callback-path";
import { getConfig } from "@/lib/config";

/**
 * The page policy. Email bodies render in a `srcdoc` iframe, which inherits this policy on top of its own
 * (lib/gmail/sanitize-email-html.ts): so styles stay `'unsafe-inline'` (emails are styled inline; a nonce in
 * style-src would switch that off) and images may come from any http(s) origin (once the user chooses "Show
 * images"; the frame's own policy blocks them until then). Scripts are what an injection would need, and they
 * run only by nonce.
 */
export function contentSecurityPolicy(nonce: string, options: { development: boolean }): string {
  return [
    "default-src 'self'",
    // React's development build evaluates code to rebuild server stack traces; production never needs eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https: http:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function proxy(request: NextRequest): NextResponse {
  const config = getConfig();
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const policy = contentSecurityPolicy(nonce, { development: !config.production });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  // The page asked for, so a signed-out visit can come back to it after signing in (lib/auth/session.ts).
  requestHeaders.set(REQUESTED_PAGE_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  if (config.auth.url.startsWith("https:")) {
    response.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  }
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: API answers are JSON, and static assets are not documents.
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
