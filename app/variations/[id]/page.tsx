import type { Metadata } from "next";
import Link from "next/link";
import { PromptDiffView } from "@/components/variations/prompt-diff-view";
import { variationDetail } from "@/lib/access/transcripts";
import { idParams } from "@/lib/schemas";
import { page } from "@/lib/server/page";
import { preparePromptDiff } from "@/lib/transcripts/prompt-diff";

const number = new Intl.NumberFormat("en");

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: `Variation ${(await params).id}` };
}

export default page({ params: idParams }, async ({ params }) => {
  const variation = await variationDetail(params.id);
  const { baseline } = variation;
  const diff = baseline?.systemPrompt && variation.systemPrompt ? preparePromptDiff(baseline.systemPrompt, variation.systemPrompt) : null;

  return (
    <article className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm text-slate-500">
          <Link href="/variations" className="hover:underline">
            Variations
          </Link>{" "}
          / {variation.setting.name}
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">{variation.name}</h1>
          {variation.isBaseline && <span className="rounded bg-slate-200 px-1.5 py-0.5 text-xs font-medium text-slate-700">baseline</span>}
        </div>
        {variation.description && <p className="max-w-3xl text-sm text-slate-600">{variation.description}</p>}
        <p className="text-sm text-slate-600">
          {number.format(variation.training)} training · {number.format(variation.deployment)} deployment transcripts
        </p>
      </header>

      <section aria-label="Difference from the baseline" className="space-y-2">
        <h2 className="text-lg font-semibold text-slate-900">
          {variation.isBaseline ? (
            "Baseline"
          ) : (
            <>
              Against the baseline
              {baseline ? (
                <>
                  :{" "}
                  <Link href={`/variations/${baseline.id}`} className="text-indigo-700 hover:underline">
                    {baseline.name}
                  </Link>
                </>
              ) : null}
            </>
          )}
        </h2>
        {variation.isBaseline ? (
          <p className="text-sm text-slate-600">This is its setting&apos;s baseline: the other variations are compared with it.</p>
        ) : !baseline ? (
          <p className="text-sm text-slate-600">This setting has no baseline variation, so there is nothing to compare with.</p>
        ) : !diff ? (
          <p className="text-sm text-slate-600">
            {!baseline.systemPrompt || !variation.systemPrompt
              ? `The diff needs both system prompts; ${!variation.systemPrompt ? "this variation" : "the baseline"} has none stored.`
              : "The two prompts are too different to compare word by word."}
          </p>
        ) : (
          <>
            <p className="text-sm text-slate-600">
              <span className="rounded-sm bg-emerald-100 px-1 text-emerald-900">{number.format(diff.addedWords)} words added</span>{" "}
              <span className="rounded-sm bg-red-100 px-1 text-red-800">{number.format(diff.removedWords)} words removed</span>
            </p>
            <PromptDiffView diff={diff} />
          </>
        )}
      </section>

      <section aria-label="System prompt" className="space-y-2">
        <h2 className="text-lg font-semibold text-slate-900">System prompt</h2>
        {variation.systemPrompt ? (
          <pre className="max-h-[36rem] overflow-auto whitespace-pre-wrap break-words rounded-lg border border-slate-200 bg-white p-4 font-mono text-xs leading-relaxed text-slate-700">
            {variation.systemPrompt}
          </pre>
        ) : (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-600">
            No system prompt stored. Give one with the import: a <code className="font-mono text-xs">system_prompt</code> field in the
            records, <code className="font-mono text-xs">npm run import -- FILE --system-prompt [VARIATION=]PROMPT.txt</code>, or the system
            prompt file on the import page.
          </p>
        )}
      </section>
    </article>
  );
});
