"use client";

/** The pair view's keys while reading (while annotating, the panel's help lists them beside the labels' keys). */
export function PairHelp({ keys, onClose }: { keys: [string, string][]; onClose: () => void }) {
  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-label="Keyboard shortcuts"
      className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/40 p-4"
      onClick={onClose}
    >
      <div className="w-full max-w-md rounded-lg bg-white p-5 shadow-xl" onClick={(event) => event.stopPropagation()}>
        <h2 className="text-base font-semibold">Keyboard shortcuts</h2>
        <table className="mt-3 w-full text-sm">
          <tbody className="divide-y divide-slate-100">
            {keys.map(([keys, action]) => (
              <tr key={action}>
                <td className="w-20 py-1.5 font-mono text-xs">{keys}</td>
                <td className="py-1.5 text-slate-700">{action}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-3 text-xs text-slate-500">
          While you annotate a side, its labels’ letters are theirs: a pair key that a label also uses works with Shift (Shift+D for the
          diff).
        </p>
        <button type="button" onClick={onClose} className="mt-4 rounded-md bg-slate-800 px-3 py-1.5 text-sm text-white">
          Close
        </button>
      </div>
    </div>
  );
}
