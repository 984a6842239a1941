import { describe, expect, it } from "vitest";
import { attachmentKind, describeAttachment, formatSize } from "./attachment-kind";

describe("attachmentKind", () => {
  it("names a file by its MIME type", () => {
    expect(attachmentKind("application/pdf", "report")).toEqual({ name: "PDF", icon: "pdf" });
    expect(attachmentKind("image/png", "x.bin").name).toBe("Image");
    expect(attachmentKind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "").name).toBe("Spreadsheet");
    expect(attachmentKind("Text/Calendar; method=REQUEST", "invite").name).toBe("Calendar invitation");
  });

  it("falls back on the extension when the type says nothing", () => {
    expect(attachmentKind("application/octet-stream", "Q3 numbers.XLSX").name).toBe("Spreadsheet");
    expect(attachmentKind("application/octet-stream", "slides.pptx").name).toBe("Presentation");
    expect(attachmentKind("", "photo.jpeg").name).toBe("Image");
  });

  it("says File when neither tells", () => {
    expect(attachmentKind("application/octet-stream", "data.bin")).toEqual({ name: "File", icon: "file" });
    expect(attachmentKind("application/x-unknown", ".hidden").name).toBe("File");
  });
});

describe("describeAttachment", () => {
  it("reads kind and size together", () => {
    expect(describeAttachment("application/pdf", "a.pdf", 1.2 * 1024 * 1024)).toBe("PDF · 1.2 MB");
    expect(describeAttachment("image/jpeg", "a.jpg", 4300)).toBe("Image · 4.2 KB");
    expect(formatSize(820)).toBe("820 B");
  });
});
