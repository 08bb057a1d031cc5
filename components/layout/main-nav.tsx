"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";

export interface NavItem {
  href: string;
  label: string;
}

/** Up to this many links always fit beside the user and Sign out, down to 1024 px. */
const INLINE_ALWAYS = 5;

const isCurrent = (pathname: string, href: string) =>
  href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);

/**
 * The main navigation. A lead's dozen links do not fit one line below 1536 px
 * beside the user and Sign out, so there they fold into a "Menu" button (Sign
 * out stays outside it, always in view); an annotator's few links stay inline.
 * The menu closes on Esc, a click outside, and on arriving at the new page.
 */
export function MainNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const [openedAt, setOpenedAt] = useState(pathname);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  if (open && openedAt !== pathname) setOpen(false); // navigated: the menu has done its job

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && setOpen(false);
    const onClick = (event: MouseEvent) => !root.current?.contains(event.target as Node) && setOpen(false);
    document.addEventListener("keydown", onKey);
    document.addEventListener("mousedown", onClick);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("mousedown", onClick);
    };
  }, [open]);

  const link = (item: NavItem, className: string) => (
    <Link
      key={item.href}
      href={item.href}
      aria-current={isCurrent(pathname, item.href) ? "page" : undefined}
      className={`${className} rounded focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 aria-[current=page]:font-semibold aria-[current=page]:text-slate-900`}
    >
      {item.label}
    </Link>
  );
  const folds = items.length > INLINE_ALWAYS;
  const current = items.find((item) => isCurrent(pathname, item.href));

  return (
    <div ref={root} className="relative flex min-w-0 items-center">
      <nav aria-label="Main" className={`${folds ? "hidden 2xl:flex" : "flex"} gap-5 text-sm text-slate-600`}>
        {items.map((item) => link(item, "whitespace-nowrap hover:text-slate-900"))}
      </nav>
      {folds && (
        <div className="2xl:hidden">
          <button
            type="button"
            aria-expanded={open}
            aria-controls={menuId}
            onClick={() => {
              setOpenedAt(pathname);
              setOpen((was) => !was);
            }}
            className="inline-flex items-center gap-2 rounded-md border border-slate-300 px-2.5 py-1 text-sm text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
          >
            <span aria-hidden>☰</span> Menu
            {current && <span className="text-slate-500">· {current.label}</span>}
          </button>
          {open && (
            <nav
              id={menuId}
              aria-label="Main"
              className="absolute left-0 top-full z-50 mt-2 grid w-64 gap-0.5 rounded-lg border border-slate-200 bg-white p-2 text-sm text-slate-700 shadow-lg"
            >
              {items.map((item) => link(item, "px-2 py-1.5 hover:bg-slate-100"))}
            </nav>
          )}
        </div>
      )}
    </div>
  );
}
