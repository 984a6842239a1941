import { trustSenderAction } from "./trusted-sender-actions";

/** "Always show images from bob@example.com": remembered for this account, and the images shown at once. */
export function TrustSenderButton({ account, address, returnTo }: { account: string; address: string; returnTo: string }) {
  return (
    <form action={trustSenderAction}>
      <input type="hidden" name="account" value={account} />
      <input type="hidden" name="address" value={address} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <button type="submit" className="button" data-testid="trust-sender">
        Always show images from <bdi>{address}</bdi>
      </button>
    </form>
  );
}
