import { htmlResponse } from "../http/responses";
import type { EmuResponse } from "../http/types";
import type { Account } from "../users";
import { escapeHtml, page } from "./html";
import { describeScope } from "./scopes";

export const CHOOSER_ACTION = "/o/oauth2/v2/auth/chooser";
export const CONSENT_ACTION = "/o/oauth2/v2/auth/consent";

/** Google's error page: "Error 400: redirect_uri_mismatch" and the like; it never redirects. */
export function errorPage(status: number, code: string, detail: string): EmuResponse {
  const title = `Error ${status}: ${code}`;
  return htmlResponse(
    status,
    page(
      title,
      `<h1>Access blocked: this app's request is invalid</h1>
<p class="error-code"><strong>${escapeHtml(title)}</strong></p>
<p>${escapeHtml(detail)}</p>`,
    ),
  );
}

export function chooserPage(flowId: string, clientName: string, accounts: readonly Account[]): EmuResponse {
  const items = accounts
    .map(
      (a) => `<li><button type="submit" class="account" name="account" value="${escapeHtml(a.email)}">
<span class="name">${escapeHtml(a.name)}</span> <span class="email">${escapeHtml(a.email)}</span>
</button></li>`,
    )
    .join("\n");
  return htmlResponse(
    200,
    page(
      "Choose an account",
      `<h1>Choose an account</h1>
<p class="muted">to continue to ${escapeHtml(clientName)}</p>
<form method="post" action="${CHOOSER_ACTION}">
<input type="hidden" name="flow" value="${escapeHtml(flowId)}">
<ul aria-label="Accounts">
${items}
</ul>
</form>`,
    ),
  );
}

/**
 * The consent screen for the scopes the user has not granted yet: a ticked checkbox per scope, or, when it
 * asks for one non-Sign-In scope alone, a plain list to approve or deny as a whole (granular consent rules).
 */
export function consentPage(
  flowId: string,
  clientName: string,
  account: Account,
  scopes: readonly string[],
  approveOnly = false,
): EmuResponse {
  const heading = `${clientName} wants access to your Google Account`;
  const rows = scopes
    .map((scope, i) =>
      approveOnly
        ? `<li class="scope">${escapeHtml(describeScope(scope))}</li>`
        : `<li class="scope">
<input type="checkbox" id="scope-${i}" name="scope" value="${escapeHtml(scope)}" checked>
<label for="scope-${i}">${escapeHtml(describeScope(scope))}</label>
</li>`,
    )
    .join("\n");
  const hint = approveOnly
    ? "Allow gives this access; Cancel leaves everything as it is."
    : "Untick anything you do not want to share. You can remove access later in your Google Account.";
  return htmlResponse(
    200,
    page(
      heading,
      `<h1>${escapeHtml(heading)}</h1>
<p class="muted">Signed in as <strong>${escapeHtml(account.name)}</strong> (${escapeHtml(account.email)})</p>
<form method="post" action="${CONSENT_ACTION}">
<input type="hidden" name="flow" value="${escapeHtml(flowId)}">
<fieldset style="border:0;padding:0;margin:0">
<legend>${escapeHtml(clientName)} will be able to:</legend>
<ul>
${rows}
</ul>
</fieldset>
<p class="muted">${hint}</p>
<div class="actions">
<button type="submit" class="secondary" name="action" value="cancel">Cancel</button>
<button type="submit" class="primary" name="action" value="allow">Allow</button>
</div>
</form>`,
    ),
  );
}
