import { createReadStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storageFromEnv } from "@/lib/storage/config";
import type { Storage } from "@/lib/storage";
import { startTestS3Server, type TestS3Server } from "@/lib/testing/s3-server";
import { previewFile } from "../preview";
import { writeEvalLog } from "../testing/inspect-logs";
import { AF_SYSTEM_PROMPT, demoSamples } from "../testing/inspect-samples";
import { uploadKey, withUploadHead } from "./upload-files";

/**
 * The import page previews an upload from the start of the file; with object
 * storage only that start is fetched. An Inspect .eval log is a zip, read from
 * its directory at the end: it must be fetched whole, or its preview is empty.
 */
let s3: TestS3Server;
let storage: Storage;
let dir: string;

beforeAll(async () => {
  s3 = await startTestS3Server();
  storage = storageFromEnv(s3.env);
  dir = await mkdtemp(path.join(os.tmpdir(), "af-lens-upload-head-"));
});
afterAll(async () => {
  await s3?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe("a preview of an upload in object storage", () => {
  it("fetches only the start of a text file, and all of a zipped .eval log", async () => {
    const text = Readable.from([Buffer.from("0123456789".repeat(1_000))]);
    await storage.put(uploadKey("00000000-0000-4000-8000-000000000001"), text);
    const size = await withUploadHead(storage, "00000000-0000-4000-8000-000000000001", async (file) => (await stat(file)).size, 100);
    expect(size).toBe(100);

    const evalFile = path.join(dir, "af.eval");
    await writeEvalLog(evalFile, { task: "af", model: "anthropic/claude-3-opus", samples: 3 }, AF_SYSTEM_PROMPT, demoSamples(3));
    const evalId = "00000000-0000-4000-8000-000000000002";
    await storage.put(uploadKey(evalId), createReadStream(evalFile));
    const preview = await withUploadHead(storage, evalId, (file) => previewFile(file, "af.eval", {}), 100);
    expect(preview).toMatchObject({ format: "inspect", recognized: true });
    expect(preview!.records).toHaveLength(3);

    expect(await withUploadHead(storage, "00000000-0000-4000-8000-000000000003", async () => "read", 100)).toBeNull();
  });
});
