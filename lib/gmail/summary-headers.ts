/** The headers an inbox row shows; every listing asks Gmail for these and no more (format=metadata). */
export const SUMMARY_HEADERS = ["From", "Subject", "Date"] as const;
