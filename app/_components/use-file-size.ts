import { useLocale, useTranslations } from "next-intl";
import { fileSize } from "@/lib/mail/attachment-kind";

/** Writes a size in bytes as the reader's language does ("1.2 MB"); the same on the server and in the browser. */
export function useFileSize(): (bytes: number) => string {
  const t = useTranslations("common.size");
  const locale = useLocale();
  return (bytes) => {
    const { size, unit } = fileSize(bytes, locale);
    return t(unit, { size });
  };
}
