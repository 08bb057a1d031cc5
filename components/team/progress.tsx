/**
 * A labelled bar: `done` of `total`. `label` names the bar for a screen reader; `caption`, when given, is the shorter text shown
 * above it where the queue's name already stands beside it (the homes' queue lists).
 */
export function Progress({ done, total, label, caption = label }: { done: number; total: number; label: string; caption?: string }) {
  const share = total ? Math.min(1, done / total) : 0;
  return (
    <div className="min-w-40">
      <div className="flex justify-between gap-2 text-xs text-slate-600">
        {/* The space keeps the text readable when copied or read aloud ("submitted 2 / 3", not "submitted2 / 3"). */}
        <span>{caption}</span>{" "}
        <span>
          {done.toLocaleString("en")} / {total.toLocaleString("en")}
        </span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        className="mt-1 h-2 rounded bg-slate-100"
      >
        <div className="h-2 rounded bg-indigo-500" style={{ width: `${share * 100}%` }} />
      </div>
    </div>
  );
}
