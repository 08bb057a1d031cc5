import Link from "next/link";
import type { PairSibling } from "@/lib/transcripts/pair";

/** The same query under the other variations (same model), and under the other models (same variation): one click away. */
export function SiblingStrip({
  siblings,
  current,
  hrefOf,
}: {
  siblings: PairSibling[];
  current: { pairId: number; variationId: number; modelId: number };
  hrefOf: (pairId: number) => string;
}) {
  const variations = siblings.filter((sibling) => sibling.modelId === current.modelId);
  const models = siblings.filter((sibling) => sibling.variationId === current.variationId);
  return (
    <div className="space-y-1.5">
      <Strip
        label="Same query, other variations"
        items={variations}
        current={current.pairId}
        hrefOf={hrefOf}
        name={(sibling) => sibling.variation + (sibling.isBaseline ? " ★" : "")}
      />
      {models.length > 1 && (
        <Strip
          label="Same query and variation, other models"
          items={models}
          current={current.pairId}
          hrefOf={hrefOf}
          name={(sibling) => sibling.model}
          mono
        />
      )}
    </div>
  );
}

function Strip({
  label,
  items,
  current,
  hrefOf,
  name,
  mono,
}: {
  label: string;
  items: PairSibling[];
  current: number;
  hrefOf: (pairId: number) => string;
  name: (sibling: PairSibling) => string;
  mono?: boolean;
}) {
  return (
    <nav aria-label={label} className="flex items-start gap-2 text-xs">
      <span className="w-44 shrink-0 pt-1 text-slate-500">{label}</span>
      <ul className="flex flex-wrap gap-1">
        {items.map((sibling) => {
          const isCurrent = sibling.pairId === current;
          const dots = (
            <span className="ml-1 inline-flex gap-0.5" aria-hidden>
              <span className={`size-1.5 rounded-full ${sibling.conditions.includes("training") ? "bg-orange-400" : "bg-slate-200"}`} />
              <span className={`size-1.5 rounded-full ${sibling.conditions.includes("deployment") ? "bg-sky-400" : "bg-slate-200"}`} />
            </span>
          );
          const className = `flex items-center rounded-full border px-2 py-0.5 ${mono ? "font-mono" : ""}`;
          return (
            <li key={sibling.pairId}>
              {isCurrent ? (
                <span aria-current="page" className={`${className} border-indigo-500 bg-indigo-600 text-white`}>
                  {name(sibling)}
                  {dots}
                </span>
              ) : (
                <Link
                  href={hrefOf(sibling.pairId)}
                  className={`${className} border-slate-300 bg-white text-slate-700 hover:border-indigo-400 hover:text-indigo-700`}
                >
                  {name(sibling)}
                  {dots}
                </Link>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
