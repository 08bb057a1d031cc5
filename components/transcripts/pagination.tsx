import Link from "next/link";

const number = new Intl.NumberFormat("en");

export function Pagination({ page, pageCount, total }: { page: number; pageCount: number; total: number }) {
  const link = (target: number, label: string, rel: string) =>
    target >= 1 && target <= pageCount ? (
      <Link href={`/transcripts?page=${target}`} rel={rel} className="rounded-md border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100">
        {label}
      </Link>
    ) : (
      <span className="rounded-md border border-slate-200 px-3 py-1 text-slate-400">{label}</span>
    );
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between text-sm text-slate-600">
      <span>
        {number.format(total)} transcripts · page {number.format(page)} of {number.format(pageCount)}
      </span>
      <span className="flex gap-2">
        {link(page - 1, "← Previous", "prev")}
        {link(page + 1, "Next →", "next")}
      </span>
    </nav>
  );
}
