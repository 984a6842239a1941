"use client";
// Another tab (or Gmail itself) saved this draft since this composer last did. Nothing typed here is lost:
// the person overwrites the other version with theirs, or loads the other version instead.
type Props = { onKeepMine: () => void; onLoadTheirs: () => void };

export function ConflictNotice({ onKeepMine, onLoadTheirs }: Props) {
  return (
    <div className="compose-alert" role="alert" data-testid="compose-conflict">
      <p>This draft was changed somewhere else (another tab or Gmail). What you typed here is kept and was not saved over it.</p>
      <div className="compose-alert-actions">
        <button type="button" className="button" onClick={onLoadTheirs}>
          Load the other version
        </button>
        <button type="button" className="button button-primary" onClick={onKeepMine}>
          Keep mine
        </button>
      </div>
    </div>
  );
}
