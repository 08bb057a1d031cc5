import { Fragment, type ReactNode } from "react";
import type { KeyScope } from "@/lib/keys/map";
import { Table, Tbody, Tr, Td } from "@/components/ui/table";

/** One section of a `?` overlay: a scope of the key map, or the labels of the schema in use. */
export interface KeySection {
  title: string;
  when?: string;
  rows: { keys: readonly string[]; text: ReactNode }[];
}

/** A scope of lib/keys/map.ts as a section; `override` rewords a binding for the page (keys stay the map's). */
export function sectionOf(scope: KeyScope, override?: (keys: readonly string[], text: string) => string): KeySection {
  return {
    title: scope.title,
    when: scope.when,
    rows: scope.bindings.map((binding) => ({ keys: binding.keys, text: override?.(binding.keys, binding.text) ?? binding.text })),
  };
}

/** The tables of a `?` overlay, drawn from the key map's sections. */
export function KeyHelp({ sections }: { sections: readonly KeySection[] }) {
  return (
    <div className="mt-2 space-y-4" data-testid="key-help">
      {sections.map((section) => (
        <section key={section.title} aria-label={section.title}>
          <h3 className="text-sm font-semibold text-slate-900">{section.title}</h3>
          {section.when && <p className="text-xs text-slate-600">{section.when}</p>}
          <Table aria-label={`${section.title} keys`} className="mt-1">
            <Tbody>
              {section.rows.map((row, index) => (
                <Tr key={index}>
                  <Td className="w-40 align-top">
                    {row.keys.map((key, keyIndex) => (
                      <Fragment key={key}>
                        {keyIndex > 0 && <span className="mx-1 text-xs text-slate-500">or</span>}
                        <Key>{key}</Key>
                      </Fragment>
                    ))}
                  </Td>
                  <Td className="text-slate-700">{row.text}</Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </section>
      ))}
    </div>
  );
}

export function Key({ children }: { children: ReactNode }) {
  return (
    <kbd className="whitespace-nowrap rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs text-slate-700 shadow-sm">
      {children}
    </kbd>
  );
}
