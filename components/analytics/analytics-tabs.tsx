import Link from "next/link";

const TABS = [
  { href: "/analytics", label: "Compliance and AF reasoning" },
  { href: "/analytics/labels", label: "Any label" },
  { href: "/analytics/reference", label: "Reference series" },
] as const;

/** The chart pages, one click apart. */
export function AnalyticsTabs({ current }: { current: (typeof TABS)[number]["href"] }) {
  return (
    <nav aria-label="Charts" className="flex gap-1 border-b border-slate-200 text-sm">
      {TABS.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={tab.href === current ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-1.5 ${tab.href === current ? "border-indigo-600 font-medium text-indigo-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
