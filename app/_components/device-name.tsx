import { getTranslations } from "next-intl/server";
import type { Device } from "@/lib/accounts/device";

/** "Chrome on Linux" in the viewer's language; product names stay as they are, kept in their own direction. */
export async function DeviceName({ device }: { device: Device }) {
  const t = await getTranslations("common.device");
  if (!device) return t("unknownDevice");
  const { browser, system } = device;
  if (browser && system) return t.rich("onSystem", { browser, system });
  return browser ?? system ?? t("unknownBrowser");
}
