// Placeholder until h-actions lands its helper: goes to Google for gmail.modify and back to returnTo.
export function startModifyGrant({ account, returnTo }: { account: string; returnTo: string }): void {
  window.location.assign(`/api/actions/authorize?${new URLSearchParams({ account, returnTo })}`);
}
