"use client";
// Acting on conversations: the list changes at once, POST /api/actions runs, and Gmail's answer either
// confirms the change (an undo is offered, the server's list is fetched again), puts the rows back exactly
// (with a message saying why), or asks for the gmail.modify permission first (a dialog, then Google).
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useCallback, useRef, useState, useTransition } from "react";
import { describeDone, describeIntent } from "./describe-action";
import { clearPendingAction, savePendingAction } from "./pending-action";
import { type ActionOutcome, failedItemsMayRetry, postAction, reasonForFailedItems } from "./post-action";
import { type ConversationRow, type LocalChange, type Snapshot, displayedRows, rowKey, snapshotsFor } from "./rows";
import { startModifyGrant } from "../../../_components/grant-modify";
import { failureFix } from "@/app/_components/request-failure";
import { useFailureText } from "@/app/_components/use-failure-text";
import type { MailAction } from "@/lib/mail/mail-actions";
import { undoOf } from "@/lib/gmail/labels";

export type ActionOptions = { labelId?: string; labelName?: string; replay?: boolean };

/** The toast: what was done, and the change Undo would reverse (none once undone). */
export type Toast = { text: string; undo?: LocalChange & { labelName?: string } };

/** Waiting for the user's answer in the consent dialog; the rows stay as they are meanwhile. */
export type ScopeRequest = { account: string; change: LocalChange; labelName?: string };

type GroupResult = { account: string; snapshots: Snapshot[]; outcome: ActionOutcome };

/** What fixes the failure the alert reports: signing in again (back to this page), or the same action again. */
export type AlertFix = { kind: "sign_in"; callbackUrl: string } | { kind: "retry"; retry: () => void };

/** The location to come back to after Google: this very page. */
function currentLocation(): string {
  return `${window.location.pathname}${window.location.search}`;
}

type MailActionsOptions = {
  base: ConversationRow[];
  label: string;
  account: string | null;
  /**
   * What follows a confirmed change or undo; by default the server's list is read again. An open
   * conversation moves on instead, so reading the page it leaves again would be a wasted Gmail round trip.
   */
  afterChange?: "refresh" | "nothing";
  /** Accounts without Google's permission to change mail: their rows do not change until it is granted. */
  readOnlyAccounts?: readonly string[];
};

export function useMailActions({ base, label, account, afterChange = "refresh", readOnlyAccounts = [] }: MailActionsOptions) {
  const router = useRouter();
  const t = useTranslations("list");
  const reasonOf = useFailureText();
  const [changes, setChanges] = useState<LocalChange[]>([]);
  const [toast, setToast] = useState<Toast | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [alertFix, setAlertFix] = useState<AlertFix | null>(null);
  const [declined, setDeclined] = useState(false);
  const [scopeRequest, setScopeRequest] = useState<ScopeRequest | null>(null);
  const [refreshing, startRefresh] = useTransition();
  const nextId = useRef(0);

  // Every confirmed change is followed by a refresh of the server's list. Once the refreshes have landed,
  // that list includes every change Gmail had confirmed: those are no longer shown on top of it. (The live
  // stream also updates the rows meanwhile; it cannot tell which of our changes it already carries.)
  const [wasRefreshing, setWasRefreshing] = useState(false);
  if (refreshing !== wasRefreshing) {
    setWasRefreshing(refreshing);
    if (!refreshing) setChanges((current) => current.filter((change) => !change.settled));
  }
  const rows = displayedRows(base, changes, label);

  const accountOf = useCallback((row: ConversationRow) => row.account ?? account ?? "", [account]);

  /** One request per account (All accounts mixes several), all at once. */
  const send = useCallback(
    async (action: MailAction, snapshots: Snapshot[], labelId?: string): Promise<GroupResult[]> => {
      const groups = new Map<string, Snapshot[]>();
      for (const snapshot of snapshots) {
        const owner = accountOf(snapshot.row);
        groups.set(owner, [...(groups.get(owner) ?? []), snapshot]);
      }
      return Promise.all(
        [...groups].map(async ([owner, group]) => ({
          account: owner,
          snapshots: group,
          outcome: await postAction({
            ...(owner ? { account: owner } : {}),
            action,
            threadIds: group.map((snapshot) => snapshot.row.id),
            ...(labelId ? { labelId } : {}),
          }),
        })),
      );
    },
    [accountOf],
  );

  const replace = useCallback((id: number, next: LocalChange[]) => {
    setChanges((current) => current.flatMap((change) => (change.id === id ? next : [change])));
  }, []);

  const refresh = useCallback(() => {
    if (afterChange === "refresh") startRefresh(() => router.refresh());
  }, [router, afterChange]);

  /** Splits Gmail's answers into what it did, what it refused (with words for why) and who needs consent. */
  function sortResults(action: MailAction, results: GroupResult[], labelName?: string) {
    const done: Snapshot[] = [];
    const problems: string[] = [];
    const needsScope: GroupResult[] = [];
    let fix: "sign_in" | "retry" | null = null;
    const retryable: Snapshot[] = [];
    for (const result of results) {
      const { outcome, snapshots } = result;
      if (outcome.kind === "scope_required") {
        needsScope.push(result);
      } else if (outcome.kind === "failed") {
        problems.push(
          t("feedback.couldNot", { intent: describeIntent(t, action, snapshots.length, labelName), reason: reasonOf(outcome.problem) }),
        );
        const fixedBy = failureFix(outcome.problem);
        if (fixedBy === "retry") retryable.push(...snapshots);
        if (fixedBy === "sign_in" || fix === null) fix = fixedBy;
      } else {
        const failedIds = new Set(outcome.result.failed.map((item) => item.id));
        done.push(...snapshots.filter((snapshot) => !failedIds.has(snapshot.row.id)));
        const failed = outcome.result.failed.filter((item) => snapshots.some((snapshot) => snapshot.row.id === item.id));
        if (failed.length > 0) {
          problems.push(
            t("feedback.couldNotItems", {
              intent: describeIntent(t, action, failed.length, labelName),
              reason: reasonForFailedItems(t, failed),
            }),
          );
          if (failedItemsMayRetry(failed)) {
            retryable.push(...snapshots.filter((snapshot) => failed.some((item) => item.id === snapshot.row.id)));
            fix ??= "retry";
          }
        }
      }
    }
    return { done, problems, needsScope, fix, retryable };
  }

  /** The alert, with the one action that fixes it. */
  const showProblems = (problems: string[], fix: "sign_in" | "retry" | null, retry: () => void, prefix = "") => {
    setAlert(problems.length > 0 ? `${prefix}${problems.join(" ")}` : null);
    setAlertFix(
      problems.length === 0 || fix === null
        ? null
        : fix === "sign_in"
          ? { kind: "sign_in", callbackUrl: currentLocation() }
          : { kind: "retry", retry },
    );
  };

  /** Acts on the rows with these keys; resolves with the keys Gmail confirmed. */
  const run = async (action: MailAction, keys: ReadonlySet<string>, options: ActionOptions = {}): Promise<ReadonlySet<string>> => {
    const { labelId, labelName, replay = false } = options;
    const snapshots = snapshotsFor(rows, keys, action, labelId);
    setAlert(null);
    setAlertFix(null);
    setDeclined(false);
    if (snapshots.length === 0) {
      setToast({ text: t("feedback.nothingToChange", { count: keys.size }) });
      return new Set();
    }
    const id = ++nextId.current;
    const change: LocalChange = { id, kind: "do", action, ...(labelId ? { labelId } : {}), snapshots, settled: false };
    // Rows of an account that may not change mail yet stay as they are: nothing happens before the grant.
    const readOnly = new Set(readOnlyAccounts.map((owner) => owner.toLowerCase()));
    const shownAtOnce = snapshots.filter((snapshot) => !readOnly.has(accountOf(snapshot.row).toLowerCase()));
    if (shownAtOnce.length > 0) setChanges((current) => [...current, { ...change, snapshots: shownAtOnce }]);

    const results = await send(action, snapshots, labelId);
    const { done, problems, needsScope, fix, retryable } = sortResults(action, results, labelName);
    const confirmed: LocalChange = { ...change, snapshots: done, settled: true };
    const held = needsScope[0] && !replay ? needsScope[0] : null;
    const heldChange: LocalChange | null = held ? { ...change, id: ++nextId.current, snapshots: held.snapshots } : null;
    // Refused rows drop out of the change, which puts them back exactly as the server listed them; so do the
    // rows waiting for the permission (the page did not know it was missing): the dialog asks over the list
    // as it was.
    replace(id, done.length > 0 ? [confirmed] : []);

    if (held && heldChange) {
      if (held.outcome.kind === "scope_required") {
        setScopeRequest({ account: held.account, change: heldChange, ...(labelName ? { labelName } : {}) });
      }
      // All accounts: one consent at a time; the other accounts' rows are back and say so.
      for (const other of needsScope.slice(1)) problems.push(t("feedback.alsoNeedsPermission", { account: other.account }));
    } else if (needsScope.length > 0) {
      // A replay after Google: still no permission, so the user declined (or unticked) it.
      setDeclined(true);
    }
    const retryKeys = new Set(retryable.map((snapshot) => rowKey(snapshot.row)));
    showProblems(problems, fix, () => void run(action, retryKeys, options));
    if (done.length > 0) {
      setToast({ text: describeDone(t, action, done.length, labelName), undo: { ...confirmed, ...(labelName ? { labelName } : {}) } });
      refresh();
    }
    return new Set(done.map((snapshot) => rowKey(snapshot.row)));
  };

  const undo = async (): Promise<void> => {
    const target = toast?.undo;
    if (!target) return;
    const action = undoOf(target.action);
    const id = ++nextId.current;
    const change: LocalChange = { ...target, id, kind: "undo", action, settled: false };
    setAlert(null);
    setAlertFix(null);
    setToast({ text: t("feedback.undoing") });
    setChanges((current) => [...current, change]);
    const { done, problems, needsScope, fix } = sortResults(action, await send(action, target.snapshots, target.labelId), target.labelName);
    replace(id, done.length > 0 ? [{ ...change, snapshots: done, settled: true }] : []);
    if (needsScope.length > 0) problems.push(t("feedback.declined"));
    // Undo is offered once: after a failed undo, the fix offered is signing in, never another undo.
    showProblems(problems, fix === "sign_in" ? fix : null, () => undefined, `${t("feedback.undoIncomplete")} `);
    setToast(done.length > 0 ? { text: describeDone(t, action, done.length, target.labelName) } : null);
    if (done.length > 0) refresh();
  };

  const cancelScopeRequest = () => {
    if (scopeRequest) replace(scopeRequest.change.id, []);
    setScopeRequest(null);
  };

  /** Leaves for Google; only comes back here (resolves) when the browser could not go. */
  const continueScopeRequest = async (): Promise<void> => {
    if (!scopeRequest) return;
    const returnTo = currentLocation();
    const { change, account: owner } = scopeRequest;
    savePendingAction(window.sessionStorage, {
      account: owner,
      returnTo,
      action: change.action,
      threadIds: change.snapshots.map((snapshot) => snapshot.row.id),
      ...(change.labelId ? { labelId: change.labelId } : {}),
      savedAt: Date.now(),
    });
    try {
      await startModifyGrant({ account: owner, returnTo });
    } catch {
      clearPendingAction(window.sessionStorage);
      cancelScopeRequest();
      setAlert(t("feedback.grantFailed"));
      setAlertFix(null);
    }
  };

  return {
    rows,
    toast,
    alert,
    alertFix,
    declined,
    scopeRequest,
    run,
    undo,
    dismissToast: () => setToast(null),
    dismissAlert: () => {
      setAlert(null);
      setAlertFix(null);
    },
    cancelScopeRequest,
    continueScopeRequest,
  };
}
