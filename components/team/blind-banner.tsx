/**
 * What a blind item hides, and what it cannot: the metadata is withheld, but
 * a scratchpad often says "this user is on the free tier" or names the
 * company, and no filter can take that out without changing what is labelled.
 */
export function BlindBanner() {
  return (
    <section
      role="note"
      aria-label="Blind item"
      className="rounded-md border border-slate-200 bg-slate-100 px-3 py-2 text-sm text-slate-700"
    >
      <p>
        <span className="font-medium">Blind item.</span> Hidden until you submit: the metadata (the condition, training or deployment; the
        prompt variation, setting and model), imported labels and other annotators’ labels. The tier flag in the conversation is masked (it
        reads “[hidden]”).
      </p>
      <p className="mt-1">
        Not hidden: the text itself. The model’s reasoning or the system prompt may still say which tier the user is on or name the company;
        label what the text says.
      </p>
    </section>
  );
}
