import { AppError } from "../errors";

// Gmail takes at most 35 MiB of raw message through its upload endpoints, and base64 (with its line breaks)
// grows a file by about 37 %: 25 MiB of files is what fits in one message, as Gmail's own "25 MB of
// attachments" says. The limit applies to one upload and to all the files one draft lists together.
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

export const attachmentTooLarge = (size?: number) =>
  new AppError(
    "attachment_too_large",
    `Gmail allows at most 25 MB of attachments in one message${size === undefined ? "" : ` (these are ${(size / 1024 / 1024).toFixed(1)} MB)`}. Share larger files by link instead.`,
  );
