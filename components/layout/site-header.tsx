import Link from "next/link";
import { hasRole, type UserRole } from "@/lib/auth/roles";
import { currentViewer } from "@/lib/access/viewer";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { MainNav } from "./main-nav";
import { SignOutButton } from "./sign-out-button";

const NAV: { href: string; label: string; role: UserRole }[] = [
  { href: "/", label: "Overview", role: "annotator" },
  { href: "/transcripts", label: "Transcripts", role: "annotator" },
  { href: "/variations", label: "Variations", role: "annotator" },
  { href: "/queues", label: "Queues", role: "annotator" },
  { href: "/agreement", label: "Agreement", role: "lead" },
  { href: "/adjudication", label: "Adjudication", role: "lead" },
  { href: "/analytics", label: "Charts", role: "lead" },
  { href: "/imports", label: "Imports", role: "lead" },
  { href: "/exports", label: "Exports", role: "lead" },
  { href: "/judges", label: "Judges", role: "lead" },
  { href: "/jobs", label: "Jobs", role: "lead" },
  { href: "/schema", label: "Label schema", role: "lead" },
  { href: "/audit", label: "Audit log", role: "lead" },
  { href: "/admin/users", label: "Users", role: "admin" },
  { href: "/admin/keys", label: "Provider keys", role: "admin" },
];

/** The header: links by role (the pages check the role again), the user and sign-out. */
export async function SiteHeader() {
  // A database outage must not break the header (the page says what is wrong); anything else is a bug and surfaces.
  const user = await currentViewer().catch((error: unknown) => {
    if (isDatabaseUnavailable(error)) return null;
    throw error;
  });
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-[1800px] items-center gap-6 px-6 py-3">
        <Link href="/" className="shrink-0 text-lg font-semibold tracking-tight text-slate-900">
          AF <span className="text-indigo-600">Lens</span>
        </Link>
        {user && (
          <>
            <MainNav items={NAV.filter((item) => hasRole(user.role, item.role)).map(({ href, label }) => ({ href, label }))} />
            <div className="ml-auto flex shrink-0 items-center gap-3 text-sm">
              <span className="max-w-48 truncate text-slate-700" title={user.name}>
                {user.name} <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{user.role}</span>
              </span>
              <Link href="/settings/tokens" className="whitespace-nowrap text-slate-600 hover:text-slate-900">
                API tokens
              </Link>
              <SignOutButton />
            </div>
          </>
        )}
      </div>
    </header>
  );
}
