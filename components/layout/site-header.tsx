import Link from "next/link";

const NAV = [
  { href: "/", label: "Overview" },
  { href: "/transcripts", label: "Transcripts" },
  { href: "/variations", label: "Variations" },
  { href: "/analytics", label: "Charts" },
  { href: "/imports", label: "Imports" },
];

export function SiteHeader() {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-[1800px] items-center gap-8 px-6 py-3">
        <Link href="/" className="text-lg font-semibold tracking-tight text-slate-900">
          AF <span className="text-indigo-600">Lens</span>
        </Link>
        <nav className="flex gap-5 text-sm text-slate-600">
          {NAV.map((item) => (
            <Link key={item.href} href={item.href} className="hover:text-slate-900">
              {item.label}
            </Link>
          ))}
        </nav>
      </div>
    </header>
  );
}
