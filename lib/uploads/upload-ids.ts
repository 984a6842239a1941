import { randomBytes } from "node:crypto";

/** Upload ids: 24 hex digits, not guessable (ownership is checked on every use anyway). */
export const UPLOAD_ID_PATTERN = /^[0-9a-f]{24}$/;

export const newUploadId = () => randomBytes(12).toString("hex");
