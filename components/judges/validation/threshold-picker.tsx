"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";

/**
 * The verdict "score ≥ threshold": moving it re-reads every figure of the page
 * on the server (the URL holds it, so a link reproduces the view). "Judge's
 * own verdicts" clears it.
 */
export function ThresholdPicker({ threshold }: { threshold: number | null }) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const [value, setValue] = useState(threshold ?? 0.5);
  const go = (next: number | null) => {
    const params = new URLSearchParams(search.toString());
    if (next === null) params.delete("t");
    else params.set("t", next.toFixed(2));
    router.replace(`${pathname}?${params.toString()}`, { scroll: false });
  };
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <label htmlFor="threshold" className="font-medium">
        Threshold
      </label>
      <input
        id="threshold"
        type="range"
        min={0}
        max={1}
        step={0.01}
        value={value}
        onChange={(event) => setValue(Number(event.target.value))}
        onPointerUp={() => go(value)}
        onKeyUp={() => go(value)}
        className="w-56"
        aria-describedby="threshold-value"
      />
      <output id="threshold-value" className="w-28 font-mono tabular-nums">
        {threshold === null ? "own verdicts" : `score ≥ ${value.toFixed(2)}`}
      </output>
      {threshold !== null && (
        <button type="button" onClick={() => go(null)} className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-50">
          Use the judge’s own verdicts
        </button>
      )}
    </div>
  );
}
