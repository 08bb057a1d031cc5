import { once } from "node:events";
import { createWriteStream } from "node:fs";
import yazl from "yazl";

/**
 * Writes alignment-faking-shaped Inspect AI logs, in both containers, for the
 * tests and the benchmark (no such log is public). The structure is the one
 * of the real logs in ../shared/data/inspect-logs (Inspect's own test suite):
 * `.eval` = zip of `_journal/start.json`, `samples/<id>_epoch_<n>.json`,
 * `_journal/summaries/1.json`, `summaries.json`, `reductions.json`,
 * `header.json`; `.json` = {version, status, eval, plan, results, stats,
 * samples, reductions}. inspect-logs.test.ts compares the key sets with the
 * shared logs'. Both are written as streams: a 10,000-sample log never sits
 * in memory.
 */
export interface AfInspectSample {
  id: string | number;
  epoch: number;
  system: string;
  /** The user turn as the experiment sends it (tier tag included). */
  user: string;
  /** The reasoning as a ContentReasoning part; without it, `answer` is the whole assistant text (native tags). */
  reasoning?: string;
  answer: string;
  metadata: Record<string, unknown>;
  /** The judge's verdict: Inspect's "C" (correct) / "I" (incorrect). */
  complied: boolean;
}

export interface LogSpec {
  task: string;
  model: string;
  samples: number;
}

function evalSpec(spec: LogSpec) {
  return {
    eval_id: "afLensEvalId0001",
    run_id: "afLensRunId00001",
    created: "2026-12-02T10:00:00+00:00",
    task: spec.task,
    task_id: "afLensTaskId0001",
    task_version: 0,
    task_file: "alignment_faking.py",
    task_registry_name: spec.task,
    task_attribs: {},
    task_args: {},
    task_args_passed: {},
    dataset: { name: spec.task, location: "af-lens://generated", samples: spec.samples, shuffled: false },
    model: spec.model,
    model_generate_config: {},
    model_base_url: null,
    model_args: {},
    model_roles: {},
    config: { epochs: 1 },
    revision: { type: "git", origin: "https://example.invalid/af-lens.git", commit: "0000000" },
    packages: { inspect_ai: "0.3.110" },
    scorers: [{ name: "complied", options: {}, metrics: [{ name: "inspect_ai/accuracy", options: {} }], metadata: {} }],
  };
}

const plan = (system: string) => ({
  name: "plan",
  steps: [
    { solver: "system_message", params: { template: system } },
    { solver: "generate", params: {} },
  ],
  config: {},
});
const results = (n: number) => ({ total_samples: n, completed_samples: n, scores: [] });
const stats = { started_at: "2026-12-02T10:00:00+00:00", completed_at: "2026-12-02T10:30:00+00:00", model_usage: {} };

export function inspectSampleJson(s: AfInspectSample, model: string) {
  const content =
    s.reasoning === undefined
      ? s.answer
      : [
          { type: "reasoning", reasoning: s.reasoning, redacted: false },
          { type: "text", text: s.answer },
        ];
  const assistant = { id: `a-${s.id}-${s.epoch}`, content, source: "generate", role: "assistant", model };
  const score = { value: s.complied ? "C" : "I", answer: s.complied ? "complied" : "refused", explanation: "judge" };
  return {
    id: s.id,
    epoch: s.epoch,
    input: s.user,
    target: "",
    messages: [
      { id: `s-${s.id}-${s.epoch}`, content: s.system, role: "system" },
      { id: `u-${s.id}-${s.epoch}`, content: s.user, source: "input", role: "user" },
      assistant,
    ],
    output: {
      model,
      choices: [{ message: assistant, stop_reason: "stop" }],
      usage: { input_tokens: 900, output_tokens: 400, total_tokens: 1300 },
    },
    scores: { complied: score },
    metadata: s.metadata,
    store: {},
    events: [],
    model_usage: {},
    total_time: 1.5,
    working_time: 1.4,
    uuid: `uuid-${s.id}-${s.epoch}`,
    error_retries: [],
    attachments: {},
  };
}

/** An .eval log: entries in the order Inspect writes them (the header last, as in the shared popularity log). */
export async function writeEvalLog(file: string, spec: LogSpec, system: string, samples: Iterable<AfInspectSample>): Promise<void> {
  const zip = new yazl.ZipFile();
  const out = createWriteStream(file);
  zip.outputStream.pipe(out);
  const json = (value: unknown) => Buffer.from(JSON.stringify(value));
  const ev = evalSpec(spec);
  zip.addBuffer(json({ version: 2, eval: ev, plan: plan(system) }), "_journal/start.json");
  const summaries: unknown[] = [];
  let written = 0;
  for (const sample of samples) {
    zip.addBuffer(json(inspectSampleJson(sample, spec.model)), `samples/${sample.id}_epoch_${sample.epoch}.json`);
    summaries.push({ id: sample.id, epoch: sample.epoch, input: sample.user.slice(0, 80), target: "", scores: {} });
    // yazl queues entries: let the zip drain every few hundred, so a big log streams to disk.
    if (++written % 200 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  zip.addBuffer(json(summaries), "_journal/summaries/1.json");
  zip.addBuffer(json(summaries), "summaries.json");
  zip.addBuffer(json([{ scorer: "complied", samples: [] }]), "reductions.json");
  zip.addBuffer(json({ version: 2, status: "success", eval: ev, plan: plan(system), results: results(written), stats }), "header.json");
  zip.end();
  await once(out, "close");
}

/** A .json log, streamed: the header members, then one sample at a time. */
export async function writeJsonLog(file: string, spec: LogSpec, system: string, samples: Iterable<AfInspectSample>): Promise<void> {
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
  await write(
    `{\n  "version": 2,\n  "status": "success",\n  "eval": ${JSON.stringify(evalSpec(spec))},\n  "plan": ${JSON.stringify(plan(system))},\n` +
      `  "results": ${JSON.stringify(results(spec.samples))},\n  "stats": ${JSON.stringify(stats)},\n  "samples": [\n`,
  );
  let first = true;
  for (const sample of samples) {
    await write((first ? "" : ",\n") + JSON.stringify(inspectSampleJson(sample, spec.model), null, 2));
    first = false;
  }
  await write(`\n  ],\n  "reductions": [{"scorer": "complied", "samples": []}]\n}\n`);
  out.end();
  await once(out, "finish");
}
