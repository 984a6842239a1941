import { describe, expect, it } from "vitest";
import { plainTextOf, sanitizeComposerHtml } from "./composer-html";

describe("sanitizeComposerHtml", () => {
  it("keeps bold, italic, lists, links and quotes", () => {
    const html =
      '<p><b>bold</b> <i>it</i> <u>u</u></p><ul><li>one</li></ul><ol><li>two</li></ol><a href="https://example.com/x">link</a><blockquote>q</blockquote>';
    expect(sanitizeComposerHtml(html)).toBe(html);
  });

  it("drops scripts, styles, event handlers and javascript: links", () => {
    const html =
      '<p onclick="steal()" style="color:red">hi</p><script>alert(1)</script><style>p{}</style><a href="javascript:alert(1)">x</a><img src="http://tracker.example/p.gif" onerror="x()">';
    expect(sanitizeComposerHtml(html)).toBe("<p>hi</p><a>x</a><img />");
  });

  it("keeps the direction of right-to-left text", () => {
    expect(sanitizeComposerHtml('<div dir="rtl">שלום</div>')).toBe('<div dir="rtl">שלום</div>');
  });
});

describe("plainTextOf", () => {
  it("writes the text alternative: lists, links and quotes readable as text", () => {
    const text = plainTextOf(
      '<p>Hello <b>Grace</b></p><ul><li>one</li></ul><p><a href="https://example.com/">site</a></p><blockquote>quoted</blockquote>',
    );
    expect(text).toBe("Hello Grace\n\n * one\n\nsite [https://example.com/]\n\n> quoted");
  });
});
