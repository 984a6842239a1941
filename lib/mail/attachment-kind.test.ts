import { describe, expect, it } from "vitest";
import { attachmentKind, fileSize } from "./attachment-kind";
import { messagesFor } from "@/lib/i18n/messages";

describe("attachmentKind", () => {
  it("names a file by its MIME type", () => {
    expect(attachmentKind("application/pdf", "report")).toEqual({ name: "pdf", icon: "pdf" });
    expect(attachmentKind("image/png", "x.bin").name).toBe("image");
    expect(attachmentKind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "").name).toBe("spreadsheet");
    expect(attachmentKind("Text/Calendar; method=REQUEST", "invite").name).toBe("calendar");
  });

  it("falls back on the extension when the type says nothing", () => {
    expect(attachmentKind("application/octet-stream", "Q3 numbers.XLSX").name).toBe("spreadsheet");
    expect(attachmentKind("application/octet-stream", "slides.pptx").name).toBe("presentation");
    expect(attachmentKind("", "photo.jpeg").name).toBe("image");
  });

  it("says File when neither tells", () => {
    expect(attachmentKind("application/octet-stream", "data.bin")).toEqual({ name: "file", icon: "file" });
    expect(attachmentKind("application/x-unknown", ".hidden").name).toBe("file");
  });

  it("names every kind in both languages", () => {
    const names = [
      "pdf",
      "image",
      "spreadsheet",
      "document",
      "presentation",
      "archive",
      "audio",
      "video",
      "text",
      "calendar",
      "email",
      "file",
    ];
    expect(Object.keys(messagesFor("en").conversation.attachments.kinds).sort()).toEqual([...names].sort());
    expect(messagesFor("en").conversation.attachments.kinds.calendar).toBe("Calendar invitation");
    expect(messagesFor("he").conversation.attachments.kinds.image).toBe("תמונה");
  });
});

describe("fileSize", () => {
  it("writes bytes, kilobytes and megabytes as before in English", () => {
    expect(fileSize(820, "en-US")).toEqual({ size: "820", unit: "B" });
    expect(fileSize(4300, "en-US")).toEqual({ size: "4.2", unit: "KB" });
    expect(fileSize(820 * 1024, "en-US")).toEqual({ size: "820", unit: "KB" });
    expect(fileSize(1.2 * 1024 * 1024, "en-US")).toEqual({ size: "1.2", unit: "MB" });
    expect(fileSize(20 * 1024 * 1024, "en-US")).toEqual({ size: "20.0", unit: "MB" });
  });

  it("writes the number as the person's locale does", () => {
    expect(fileSize(1.2 * 1024 * 1024, "de-DE").size).toBe("1,2");
    expect(fileSize(1234.5 * 1024 * 1024, "en-US").size).toBe("1,234.5");
    expect(fileSize(4300, "he-IL")).toEqual({ size: "4.2", unit: "KB" });
  });
});
