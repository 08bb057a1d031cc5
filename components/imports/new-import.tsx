"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import type { Preview } from "@/lib/imports/preview";
import type { PlanEntry } from "@/lib/imports/registry-plan";
import { previewUpload, startImport } from "@/lib/imports/web/actions";
import type { Upload } from "@/lib/imports/web/upload-schema";
import { DropZone } from "./drop-zone";
import { formatBytes } from "./format";
import { ImportOptions, type ImportOptionsValue } from "./import-options";
import { MappingEditor } from "./mapping-editor";
import { PreviewTable } from "./preview-table";
import { choiceKey, defaultChoice, RegistryPlan, type Choices } from "./registry-plan";
import { ProgressBar } from "./progress-bar";
import { uploadFile } from "./upload-file";

type Stage =
  { kind: "choose" } | { kind: "uploading"; fileName: string; loaded: number; total: number } | { kind: "review"; upload: Upload };

const isJson = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};
const stem = (name: string) => name.replace(/\.[^.]+$/, "");
const skeleton = (sample: string) => {
  let keys: string[] = [];
  try {
    keys = Object.keys(JSON.parse(sample) as object);
  } catch {
    // the sample is cut; the skeleton just lists no fields
  }
  return JSON.stringify(
    {
      description: `Fields in this file: ${keys.join(", ")}`,
      fields: { query: "", scratchpad: "", response: "", condition: "" },
      constants: { model: "" },
    },
    null,
    2,
  );
};

/** Upload → check the first records as they will be stored (mapping if needed) → start; then the import's page shows progress. */
export function NewImport({ example }: { example: { name: string; text: string } }) {
  const router = useRouter();
  const [stage, setStage] = useState<Stage>({ kind: "choose" });
  const [preview, setPreview] = useState<Preview | null>(null);
  const [plan, setPlan] = useState<PlanEntry[]>([]);
  const [choices, setChoices] = useState<Choices>({});
  const [options, setOptions] = useState<ImportOptionsValue>({ format: "", dataset: "", strict: false, systemPrompt: null });
  const [mappingText, setMappingText] = useState("");
  const [showMapping, setShowMapping] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, startTransition] = useTransition();
  const applied = useRef<string | null>(null);

  const refresh = (upload: Upload, format: ImportOptionsValue["format"], mapping: string | null, dataset = options.dataset) => {
    applied.current = mapping;
    startTransition(async () => {
      const result = await previewUpload({
        uploadId: upload.id,
        format: format || undefined,
        mappingText: mapping ?? undefined,
        dataset: dataset || undefined,
      });
      if (!result.ok) return setMessage(result.message);
      setMessage(null);
      const { preview, plan } = result.data;
      setPreview(preview);
      setPlan(plan);
      // A shape the aliases do not cover: offer the mapping step straight away.
      if (!preview.recognized && mapping === null && preview.sample) {
        setShowMapping(true);
        setMappingText(skeleton(preview.sample));
      }
    });
  };

  // The preview follows the mapping as it is typed: re-read once the text is valid JSON and has rested a moment.
  useEffect(() => {
    if (stage.kind !== "review" || !showMapping || mappingText === applied.current || !isJson(mappingText)) return;
    // Checked again when the timer fires: "Apply mapping" may have previewed this text meanwhile, and a
    // second preview would disable "Start import" for its round trip (a click then went nowhere, in e2e).
    const timer = setTimeout(() => mappingText !== applied.current && refresh(stage.upload, options.format, mappingText), 700);
    return () => clearTimeout(timer);
    // refresh is a new function every render; what it reads is listed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mappingText, showMapping, stage, options.format]);

  // A new dataset name may join an existing dataset: the plan says so once the name has rested a moment.
  const plannedDataset = useRef<string | null>(null);
  useEffect(() => {
    if (stage.kind !== "review") return;
    if (plannedDataset.current === null || plannedDataset.current === options.dataset) {
      plannedDataset.current = options.dataset;
      return;
    }
    const timer = setTimeout(() => {
      plannedDataset.current = options.dataset;
      refresh(stage.upload, options.format, showMapping ? mappingText : null, options.dataset);
    }, 700);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [options.dataset, stage]);

  async function onFile(file: File) {
    setMessage(null);
    setPreview(null);
    setShowMapping(false);
    setMappingText("");
    setStage({ kind: "uploading", fileName: file.name, loaded: 0, total: file.size });
    try {
      const upload = await uploadFile(file, (loaded, total) => setStage({ kind: "uploading", fileName: file.name, loaded, total }));
      setStage({ kind: "review", upload });
      setOptions({ format: "", dataset: stem(upload.fileName), strict: false, systemPrompt: null });
      setChoices({});
      plannedDataset.current = stem(upload.fileName);
      refresh(upload, "", null, stem(upload.fileName));
    } catch (error) {
      setStage({ kind: "choose" });
      setMessage((error as Error).message);
    }
  }

  const start = (upload: Upload) =>
    startTransition(async () => {
      const result = await startImport({
        uploadId: upload.id,
        format: options.format || undefined,
        mappingText: showMapping ? mappingText : undefined,
        dataset: options.dataset,
        strict: options.strict,
        systemPrompt: options.systemPrompt ?? undefined,
        keepApart: {
          settings: plan.filter((e) => e.kind === "setting" && (choices[choiceKey(e)] ?? defaultChoice(e)) === "apart").map((e) => e.name),
          models: plan.filter((e) => e.kind === "model" && (choices[choiceKey(e)] ?? defaultChoice(e)) === "apart").map((e) => e.name),
        },
      });
      if (result.ok) router.push(`/imports/${result.data.importId}`);
      else setMessage(result.message);
    });

  return (
    <div className="space-y-5">
      {message && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
          {message}
        </p>
      )}
      {stage.kind === "choose" && <DropZone onFile={onFile} />}
      {stage.kind === "uploading" && (
        <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-5">
          <p className="text-sm font-medium text-slate-800">Uploading {stage.fileName}…</p>
          <ProgressBar share={stage.total ? stage.loaded / stage.total : 0} label="Upload" />
          <p className="text-xs text-slate-500">
            {formatBytes(stage.loaded)} of {formatBytes(stage.total)}
          </p>
        </div>
      )}
      {stage.kind === "review" && (
        <>
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <div>
              <h2 className="text-lg font-semibold text-slate-900">{stage.upload.fileName}</h2>
              <p className="font-mono text-xs text-slate-500">
                {formatBytes(stage.upload.size)} · sha256 {stage.upload.sha256.slice(0, 16)}…
              </p>
            </div>
            <button type="button" onClick={() => setStage({ kind: "choose" })} className="text-sm text-indigo-600 hover:underline">
              Choose another file
            </button>
          </div>
          <ImportOptions
            value={options}
            detected={preview ? (preview.format ? `${preview.format} (${preview.formatNote})` : preview.formatNote) : "…"}
            onChange={(next) => {
              setOptions(next);
              if (next.format !== options.format) refresh(stage.upload, next.format, showMapping ? mappingText : null);
            }}
          />
          {showMapping ? (
            <MappingEditor
              value={mappingText}
              onChange={setMappingText}
              onApply={() => refresh(stage.upload, options.format, mappingText)}
              example={example}
              sample={preview?.sample ?? null}
              errors={preview?.mappingErrors ?? []}
              unmatchedPaths={preview?.unmatchedPaths ?? []}
              fieldPaths={preview?.fieldPaths ?? []}
              busy={busy}
            />
          ) : (
            <button type="button" onClick={() => setShowMapping(true)} className="text-sm text-indigo-600 hover:underline">
              The file has another shape? Use a mapping
            </button>
          )}
          <section aria-label="Preview" className="space-y-2">
            <h3 className="font-medium text-slate-900">
              Preview <span className="text-sm font-normal text-slate-500">— the first records as they will be stored</span>
            </h3>
            {preview ? <PreviewTable preview={preview} /> : <p className="text-sm text-slate-500">Reading the first records…</p>}
            {preview && !preview.recognized && (
              <p className="text-sm text-amber-800">
                No record could be read as a transcript yet{showMapping ? ": adjust the mapping and apply it." : "."}
              </p>
            )}
          </section>
          {preview?.recognized && plan.length > 0 && (
            <RegistryPlan
              plan={plan}
              scanned={preview.scanned}
              choices={choices}
              onChoose={(key, choice) => setChoices((current) => ({ ...current, [key]: choice }))}
            />
          )}
          <div className="flex items-center gap-3 border-t border-slate-200 pt-4">
            <button
              type="button"
              onClick={() => start(stage.upload)}
              disabled={busy || !preview?.recognized || (preview?.mappingErrors.length ?? 0) > 0}
              className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-50"
            >
              Start import
            </button>
            <span className="text-xs text-slate-500">
              One transaction: everything goes in, or nothing does. Re-importing the same file adds nothing.
            </span>
          </div>
        </>
      )}
    </div>
  );
}
