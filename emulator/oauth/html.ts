/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f0f4f9;color:#1f1f1f}
main{max-width:30rem;margin:3rem auto;padding:2rem;background:#fff;border-radius:1.5rem}
.brand{font-weight:600;color:#444746;margin:0 0 1rem}
h1{font-size:1.6rem;font-weight:500;margin:0 0 .5rem}
p{line-height:1.5}
.muted{color:#444746}
ul{list-style:none;padding:0;margin:1rem 0}
li{margin:.25rem 0}
.account{display:flex;flex-direction:column;align-items:flex-start;width:100%;padding:.75rem 1rem;border:1px solid #c4c7c5;border-radius:.75rem;background:#fff;font:inherit;text-align:left;cursor:pointer}
.account:hover{background:#f0f4f9}
.account .email{color:#444746;font-size:.9rem}
.scope{display:flex;gap:.75rem;align-items:flex-start;padding:.75rem 0;border-bottom:1px solid #e3e3e3}
.scope input{width:1.25rem;height:1.25rem;margin-top:.15rem}
.actions{display:flex;justify-content:flex-end;gap:1rem;margin-top:1.5rem}
.actions button{font:inherit;padding:.6rem 1.5rem;border-radius:2rem;cursor:pointer}
.secondary{background:#fff;border:1px solid #747775;color:#0b57d0}
.primary{background:#0b57d0;border:1px solid #0b57d0;color:#fff}
:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}
.error-code{color:#b3261e}
`;

export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<p class="brand">Google Accounts (emulator)</p>
${body}
</main>
</body>
</html>`;
}
