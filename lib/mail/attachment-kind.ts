// What kind of file an attachment is, in words a person reads ("PDF", "Image", "Spreadsheet") instead of a
// MIME type, with the icon that goes with it. The MIME type decides; senders often label files
// "application/octet-stream", so the file name's extension is the fallback. Pure: the page and tests share it.

export type AttachmentIcon =
  "pdf" | "image" | "sheet" | "document" | "slides" | "archive" | "audio" | "video" | "text" | "calendar" | "file";

export type AttachmentKind = { name: string; icon: AttachmentIcon };

const PDF: AttachmentKind = { name: "PDF", icon: "pdf" };
const IMAGE: AttachmentKind = { name: "Image", icon: "image" };
const SPREADSHEET: AttachmentKind = { name: "Spreadsheet", icon: "sheet" };
const DOCUMENT: AttachmentKind = { name: "Document", icon: "document" };
const PRESENTATION: AttachmentKind = { name: "Presentation", icon: "slides" };
const ARCHIVE: AttachmentKind = { name: "Archive", icon: "archive" };
const AUDIO: AttachmentKind = { name: "Audio", icon: "audio" };
const VIDEO: AttachmentKind = { name: "Video", icon: "video" };
const TEXT: AttachmentKind = { name: "Text", icon: "text" };
const CALENDAR: AttachmentKind = { name: "Calendar invitation", icon: "calendar" };
const EMAIL: AttachmentKind = { name: "Email", icon: "text" };
const FILE: AttachmentKind = { name: "File", icon: "file" };

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

/** A size as people read it: "820 B", "4.2 KB", "1.2 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The line under a file's name: "PDF · 1.2 MB". */
export function describeAttachment(mimeType: string, filename: string, bytes: number): string {
  return `${attachmentKind(mimeType, filename).name} · ${formatSize(bytes)}`;
}
