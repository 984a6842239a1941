// Draft use cases: what the drafts routes and the send job (getDraftForSend) call.
export { createDraftFor, type DraftFields, type SavedDraft } from "./save-draft";
export { updateDraftFor } from "./update-draft";
export { deleteDraftFor, getDraftDetail, getDraftForSend, listDraftSummaries, type DraftDetail, type DraftSummary } from "./read-drafts";
export { listAccountSendAs, suggestAccountContacts } from "./account-people";
