import type { BatchGetOptions } from "./batch-get";

/** The headers an inbox row shows; every listing asks Gmail for these and no more (format=metadata). */
export const SUMMARY_HEADERS = ["From", "Subject", "Date"] as const;

/** How every listing fetches its rows: metadata with the headers a row shows, and no more. */
export const SUMMARY_METADATA: BatchGetOptions = { format: "metadata", metadataHeaders: SUMMARY_HEADERS };
