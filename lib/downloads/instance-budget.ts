import "server-only";
// This process's download budget. On globalThis: Next bundles route handlers and pages separately, and every
// copy of this module must count against the same budget.
import { getConfig } from "../config";
import { DownloadBudget } from "./download-budget";

const SHARED = Symbol.for("mailroom.downloadBudget");
type Shared = { [SHARED]?: DownloadBudget };

export function instanceDownloadBudget(): DownloadBudget {
  return ((globalThis as Shared)[SHARED] ??= new DownloadBudget(getConfig().downloads));
}
