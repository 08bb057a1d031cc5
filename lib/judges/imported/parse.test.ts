import { describe, expect, it } from "vitest";
import { parsePredictionFile, PredictionFileError } from "./parse";

const HASH = "a".repeat(64);

function problemsOf(text: string, file = "preds.jsonl") {
  try {
    parsePredictionFile(text, { file });
  } catch (error) {
    if (error instanceof PredictionFileError) return error.message.split("\n");
    throw error;
  }
  throw new Error("expected the file to be refused");
}

describe("prediction files", () => {
  it("reads JSON lines by id or content hash, with a score, a label or both", () => {
    const text = [
      `{"transcript_id": 7, "score": 0.8}`,
      ``,
      `{"content_hash": "${HASH.toUpperCase()}", "label": false, "reason": "no mention of training"}`,
      `{"transcript_id": "9", "score": 0.2, "label": "yes"}`,
    ].join("\n");
    expect(parsePredictionFile(text, { file: "p.jsonl" })).toEqual([
      { line: 1, transcriptId: 7, contentHash: null, verdict: true, score: 0.8, reason: null },
      { line: 3, transcriptId: null, contentHash: HASH, verdict: false, score: null, reason: "no mention of training" },
      // A label given with the score wins over the threshold.
      { line: 4, transcriptId: 9, contentHash: null, verdict: true, score: 0.2, reason: null },
    ]);
  });

  it("reads CSV with a header, the threshold deciding verdicts from scores", () => {
    const text = 'transcript_id,score\r\n1,0.5\r\n2,0.49\r\n3,"0.9"\r\n';
    const lines = parsePredictionFile(text, { file: "p.csv", threshold: 0.6 });
    expect(lines.map((l) => [l.line, l.transcriptId, l.verdict, l.score])).toEqual([
      [2, 1, false, 0.5],
      [3, 2, false, 0.49],
      [4, 3, true, 0.9],
    ]);
  });

  it("refuses the whole file, naming the file, line and field of every problem", () => {
    const text = [
      `{"transcript_id": 1, "score": 1.5}`,
      `{"score": 0.3}`,
      `{"transcript_id": 2}`,
      `not json`,
      `{"transcript_id": 3, "label": "maybe"}`,
      `{"content_hash": "abc", "score": 0.1}`,
      `{"transcript_id": 1, "score": 0.1}`,
      `{"transcript_id": 1, "score": 0.2}`,
    ].join("\n");
    expect(problemsOf(text)).toEqual([
      `preds.jsonl, line 1, field "score": must be a number between 0 and 1`,
      `preds.jsonl, line 2, field "transcript_id": each prediction needs transcript_id or content_hash`,
      `preds.jsonl, line 3, field "score": each prediction needs a score or a label`,
      `preds.jsonl, line 4: not a JSON object (one object per line)`,
      `preds.jsonl, line 5, field "label": must be true or false (also 1/0, yes/no)`,
      `preds.jsonl, line 6, field "content_hash": must be a transcript's content hash (64 hex digits, sha256)`,
      `preds.jsonl, line 8, field "transcript_id": the same transcript as line 7`,
    ]);
  });

  it("an empty file and a CSV without the needed columns are refused", () => {
    expect(problemsOf("\n\n")).toEqual(["preds.jsonl, line 1: the file holds no predictions"]);
    expect(problemsOf("id,prob\n1,0.3\n", "x.csv")[0]).toBe(
      `x.csv, line 2, field "transcript_id": each prediction needs transcript_id or content_hash`,
    );
  });
});
