// What kind of file an attachment is, named for a person ("PDF", "Image", "Spreadsheet": the interface words
// each kind in its language) instead of a MIME type, with the icon that goes with it. The MIME type decides;
// senders often label files "application/octet-stream", so the file name's extension is the fallback. And how
// big it is, its number written as the person's language writes numbers. Pure: the page and tests share it.

export type AttachmentIcon =
  "pdf" | "image" | "sheet" | "document" | "slides" | "archive" | "audio" | "video" | "text" | "calendar" | "file";

/** The kind's name in the interface's catalogue (`conversation.attachments.kinds.<kind>`). */
export type AttachmentKindName =
  "pdf" | "image" | "spreadsheet" | "document" | "presentation" | "archive" | "audio" | "video" | "text" | "calendar" | "email" | "file";

export type AttachmentKind = { name: AttachmentKindName; icon: AttachmentIcon };

const PDF: AttachmentKind = { name: "pdf", icon: "pdf" };
const IMAGE: AttachmentKind = { name: "image", icon: "image" };
const SPREADSHEET: AttachmentKind = { name: "spreadsheet", icon: "sheet" };
const DOCUMENT: AttachmentKind = { name: "document", icon: "document" };
const PRESENTATION: AttachmentKind = { name: "presentation", icon: "slides" };
const ARCHIVE: AttachmentKind = { name: "archive", icon: "archive" };
const AUDIO: AttachmentKind = { name: "audio", icon: "audio" };
const VIDEO: AttachmentKind = { name: "video", icon: "video" };
const TEXT: AttachmentKind = { name: "text", icon: "text" };
const CALENDAR: AttachmentKind = { name: "calendar", icon: "calendar" };
const EMAIL: AttachmentKind = { name: "email", icon: "text" };
const FILE: AttachmentKind = { name: "file", icon: "file" };

const BY_TYPE: Record<string, AttachmentKind> = {
  "application/pdf": PDF,
  "application/vnd.ms-excel": SPREADSHEET,
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": SPREADSHEET,
  "application/vnd.oasis.opendocument.spreadsheet": SPREADSHEET,
  "text/csv": SPREADSHEET,
  "application/msword": DOCUMENT,
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": DOCUMENT,
  "application/vnd.oasis.opendocument.text": DOCUMENT,
  "application/rtf": DOCUMENT,
  "application/vnd.ms-powerpoint": PRESENTATION,
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": PRESENTATION,
  "application/vnd.oasis.opendocument.presentation": PRESENTATION,
  "application/zip": ARCHIVE,
  "application/x-zip-compressed": ARCHIVE,
  "application/gzip": ARCHIVE,
  "application/x-7z-compressed": ARCHIVE,
  "application/x-tar": ARCHIVE,
  "application/x-rar-compressed": ARCHIVE,
  "application/vnd.rar": ARCHIVE,
  "text/calendar": CALENDAR,
  "application/ics": CALENDAR,
  "message/rfc822": EMAIL,
};

const BY_EXTENSION: Record<string, AttachmentKind> = {
  pdf: PDF,
  png: IMAGE,
  jpg: IMAGE,
  jpeg: IMAGE,
  gif: IMAGE,
  webp: IMAGE,
  heic: IMAGE,
  svg: IMAGE,
  bmp: IMAGE,
  xls: SPREADSHEET,
  xlsx: SPREADSHEET,
  ods: SPREADSHEET,
  csv: SPREADSHEET,
  doc: DOCUMENT,
  docx: DOCUMENT,
  odt: DOCUMENT,
  rtf: DOCUMENT,
  ppt: PRESENTATION,
  pptx: PRESENTATION,
  odp: PRESENTATION,
  key: PRESENTATION,
  zip: ARCHIVE,
  gz: ARCHIVE,
  tgz: ARCHIVE,
  "7z": ARCHIVE,
  rar: ARCHIVE,
  tar: ARCHIVE,
  mp3: AUDIO,
  wav: AUDIO,
  m4a: AUDIO,
  ogg: AUDIO,
  mp4: VIDEO,
  mov: VIDEO,
  webm: VIDEO,
  txt: TEXT,
  md: TEXT,
  ics: CALENDAR,
  eml: EMAIL,
};

function byMimeType(mimeType: string): AttachmentKind | undefined {
  const type = mimeType.split(";")[0]?.trim().toLowerCase() ?? "";
  const exact = BY_TYPE[type];
  if (exact) return exact;
  const [major] = type.split("/");
  if (major === "image") return IMAGE;
  if (major === "audio") return AUDIO;
  if (major === "video") return VIDEO;
  if (type === "text/plain") return TEXT;
  return undefined;
}

function byExtension(filename: string): AttachmentKind | undefined {
  const dot = filename.lastIndexOf(".");
  return dot > 0 ? BY_EXTENSION[filename.slice(dot + 1).toLowerCase()] : undefined;
}

export function attachmentKind(mimeType: string, filename: string): AttachmentKind {
  return byMimeType(mimeType) ?? byExtension(filename) ?? FILE;
}

export type SizeUnit = "B" | "KB" | "MB";

/**
 * A size as people read it, in two parts the catalogue joins ("{size} KB"): the number, written with the
 * locale's digits and separators ("4.2", "1,234.5", "4,2" in German), and its unit. Under 10 KB one decimal
 * ("4.2 KB"), then whole kilobytes ("820 KB"), megabytes always with one ("1.2 MB").
 */
export function fileSize(bytes: number, locale: string): { size: string; unit: SizeUnit } {
  const [amount, unit, decimals] =
    bytes < 1024
      ? [bytes, "B" as const, 0]
      : bytes < 1024 * 1024
        ? [bytes / 1024, "KB" as const, bytes < 10 * 1024 ? 1 : 0]
        : [bytes / (1024 * 1024), "MB" as const, 1];
  const size = new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(amount);
  return { size, unit };
}
