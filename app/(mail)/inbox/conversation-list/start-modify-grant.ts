// Placeholder until h-actions lands its helper: goes to Google for gmail.modify and back to returnTo.
export function startModifyGrant({ account, returnTo }: { account: string; returnTo: string }): Promise<void> {
  window.location.assign(`/authorize?${new URLSearchParams({ account, returnTo })}`);
  return Promise.resolve();
}
