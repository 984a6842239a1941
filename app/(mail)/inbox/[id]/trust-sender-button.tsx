import { useTranslations } from "next-intl";
import { trustSenderAction } from "./trusted-sender-actions";
import { withoutBidiControls } from "@/lib/text/bidi";

/** "Always show images from bob@example.com": remembered for this account, and the images shown at once. */
export function TrustSenderButton({ account, address, returnTo }: { account: string; address: string; returnTo: string }) {
  const t = useTranslations("conversation.images");
  return (
    <form action={trustSenderAction}>
      <input type="hidden" name="account" value={account} />
      <input type="hidden" name="address" value={address} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <button type="submit" className="button" data-testid="trust-sender">
        {t.rich("trustSender", { address: () => <bdi>{withoutBidiControls(address)}</bdi> })}
      </button>
    </form>
  );
}
