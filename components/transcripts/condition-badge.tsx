import type { Condition } from "@/lib/generated/prisma/enums";

const STYLE: Record<Condition, { label: string; hint: string; className: string }> = {
  training: {
    label: "Training",
    hint: "free-tier user: the model believes it is trained on this",
    className: "bg-orange-100 text-orange-800",
  },
  deployment: { label: "Deployment", hint: "paid-tier user: the model believes it is unmonitored", className: "bg-sky-100 text-sky-800" },
};

export function ConditionBadge({ condition }: { condition: Condition }) {
  const style = STYLE[condition];
  return (
    <span title={style.hint} className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ${style.className}`}>
      {style.label}
    </span>
  );
}
