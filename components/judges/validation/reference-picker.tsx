"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";

/** Against the consensus or against one annotator: the whole page follows. */
export function ReferencePicker({ annotators, current }: { annotators: { id: string; name: string }[]; current: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="font-medium">Against</span>
      <select
        value={current}
        onChange={(event) => {
          const params = new URLSearchParams(search.toString());
          if (event.target.value === "consensus") params.delete("ref");
          else params.set("ref", event.target.value);
          router.replace(`${pathname}?${params.toString()}`, { scroll: false });
        }}
        className="rounded-md border border-slate-300 px-2 py-1"
      >
        <option value="consensus">the human consensus</option>
        {annotators.map((annotator) => (
          <option key={annotator.id} value={annotator.id}>
            {annotator.name}
          </option>
        ))}
      </select>
    </label>
  );
}
