import { describe, expect, it } from "vitest";
import { attachmentDisposition, attachmentHeaders, safeContentType, safeFilename } from "./attachment-headers";

/** What a browser saves the file as: RFC 8187's filename* when present. */
function savedName(disposition: string): string {
  const extended = /filename\*=UTF-8''([^;]*)/.exec(disposition)?.[1];
  return decodeURIComponent(extended ?? "");
}

function fallbackName(disposition: string): string {
  return /filename="([^"]*)"/.exec(disposition)?.[1] ?? "";
}

describe("attachmentDisposition", () => {
  it("always says attachment, with the exact UTF-8 name in filename* and an ASCII name for old clients", () => {
    const names = ["report.pdf", "סיכום הפגישה.docx", "Grüße aus Zürich.txt", "🎉 party (final) v2'.png", "100% done; it's #1 & more.txt"];
    for (const name of names) {
      const disposition = attachmentDisposition(name);
      expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9!#$&+.^_`|~%-]+$/);
      expect(savedName(disposition)).toBe(name);
      expect(fallbackName(disposition)).not.toMatch(/["\\%]/);
    }
    expect(fallbackName(attachmentDisposition("Grüße aus Zürich.txt"))).toBe("Gruße aus Zurich.txt".replace("ß", "_"));
    expect(fallbackName(attachmentDisposition("סיכום.docx"))).toBe("attachment.docx");
  });

  it("drops path separators, control characters, bidi overrides and what Windows forbids from the name", () => {
    expect(savedName(attachmentDisposition("../../etc/passwd"))).toBe("_.._etc_passwd");
    expect(savedName(attachmentDisposition("C:\\Windows\\evil.exe"))).toBe("C__Windows_evil.exe");
    expect(savedName(attachmentDisposition("invoice\u202Efdp.exe"))).toBe("invoicefdp.exe");
    expect(savedName(attachmentDisposition("\u2067report\u2069\u200F\u061C.exe"))).toBe("report.exe");
    expect(savedName(attachmentDisposition('say "hi" <now>? | *.txt'))).toBe("say _hi_ _now__ _ _.txt");
    expect(fallbackName(attachmentDisposition('say "hi".txt'))).toBe("say _hi_.txt");
    expect(savedName(attachmentDisposition("a\r\nContent-Type: text/html\u0000.txt"))).toBe("a Content-Type_ text_html_.txt");
    expect(attachmentDisposition("line\r\nbreak")).not.toMatch(/[\r\n]/);
  });

  it("names a nameless or hopeless file 'attachment' and shortens a very long name, keeping its extension", () => {
    expect(safeFilename("")).toBe("attachment");
    expect(safeFilename(" ... ")).toBe("attachment");
    const long = safeFilename(`${"x".repeat(500)}.pdf`);
    expect(long).toHaveLength(180);
    expect(long.endsWith(".pdf")).toBe(true);
    expect([...safeFilename("😀".repeat(400))]).toHaveLength(180);
  });
});

describe("attachmentHeaders", () => {
  it("keeps a well-formed type, sends plain bytes for anything else, and is never rendered as a page", () => {
    expect(safeContentType("Application/PDF")).toBe("application/pdf");
    expect(safeContentType("text/html")).toBe("text/html");
    for (const odd of ["", "text", "text/html; charset=utf-8\r\nX: y", "a/b/c", "<script>/x"])
      expect(safeContentType(odd)).toBe("application/octet-stream");

    const headers = attachmentHeaders({ filename: "page.html", mimeType: "text/html", size: 12 });
    expect(Object.fromEntries(headers)).toEqual({
      "content-type": "text/html",
      "content-length": "12",
      "content-disposition": `attachment; filename="page.html"; filename*=UTF-8''page.html`,
      "x-content-type-options": "nosniff",
      "content-security-policy": "sandbox; default-src 'none'",
      "cross-origin-resource-policy": "same-origin",
      "cache-control": "private, no-store",
    });
  });
});
