import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestS3Server, type TestS3Server } from "@/lib/testing/s3-server";
import { storageFromEnv } from "./config";
import { LocalStorage } from "./local";
import { S3Storage } from "./s3";
import type { Storage } from "./types";

async function text(body: Readable | null) {
  if (!body) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString("utf8");
}

async function sha256(body: Readable | null) {
  const hash = createHash("sha256");
  for await (const chunk of body!) hash.update(chunk);
  return hash.digest("hex");
}

let s3: TestS3Server;
let localRoot: string;
const backends: Record<string, () => Storage> = {};

beforeAll(async () => {
  s3 = await startTestS3Server();
  localRoot = await mkdtemp(path.join(os.tmpdir(), "af-lens-storage-"));
  backends.local = () => new LocalStorage(localRoot);
  backends.s3 = () => storageFromEnv(s3.env);
});

afterAll(async () => {
  await s3?.stop();
  await rm(localRoot, { recursive: true, force: true });
});

// The same promises, held by both backends: the S3 one over HTTP against a real S3-protocol server.
describe.each(["local", "s3"])("%s storage", (name) => {
  const store = () => backends[name]();

  it("stores, reads, lists and deletes objects", async () => {
    await store().put("exports/1/run-a/data/train.jsonl", Readable.from(['{"a":1}\n', '{"a":2}\n']));
    await store().put("exports/1/run-a/manifest.json", Readable.from(["{}"]));
    await store().put("exports/2/run-b/manifest.json", Readable.from(["{}"]));
    expect(await text(await store().read("exports/1/run-a/data/train.jsonl"))).toBe('{"a":1}\n{"a":2}\n');
    expect(await store().stat("exports/1/run-a/data/train.jsonl")).toEqual({ key: "exports/1/run-a/data/train.jsonl", size: 16 });
    expect((await store().list("exports/1/")).map((o) => o.key)).toEqual([
      "exports/1/run-a/data/train.jsonl",
      "exports/1/run-a/manifest.json",
    ]);
    expect(await store().deletePrefix("exports/1/")).toBe(2);
    expect(await store().list("exports/1/")).toEqual([]);
    expect(await store().read("exports/1/run-a/manifest.json")).toBeNull();
    expect(await store().stat("exports/2/run-b/manifest.json")).not.toBeNull();
    await store().delete("exports/2/run-b/manifest.json");
    await store().delete("exports/2/run-b/manifest.json"); // deleting what is gone is not an error
    expect(await store().stat("exports/2/run-b/manifest.json")).toBeNull();
  });

  it("uploads a file bigger than one multipart part intact", async () => {
    const file = path.join(localRoot, `big-${name}.bin`);
    const bytes = Buffer.alloc(9 * 1024 * 1024 + 123);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31) % 251;
    await writeFile(file, bytes);
    await store().putFile("uploads/big.bin", file);
    expect((await store().stat("uploads/big.bin"))?.size).toBe(bytes.length);
    expect(await sha256(await store().read("uploads/big.bin"))).toBe(createHash("sha256").update(bytes).digest("hex"));
    await store().delete("uploads/big.bin");
  });

  it("leaves nothing under the key when the body fails halfway", async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(1024, 1));
        this.destroy(new Error("client went away"));
      },
    });
    await expect(store().put("uploads/broken", failing)).rejects.toThrow();
    expect(await store().stat("uploads/broken")).toBeNull();
    expect(await store().list("uploads/")).toEqual([]);
  });

  it("refuses keys that could leave the storage root", async () => {
    for (const key of ["../etc/passwd", "a/../../b", "/abs", "a//b", ""])
      await expect(store().put(key, Readable.from(["x"]))).rejects.toThrow();
  });

  it("passes its readiness check", async () => {
    await expect(store().check()).resolves.toBeUndefined();
  });
});

describe("S3 storage", () => {
  it("gives presigned download URLs only when asked to", async () => {
    const streaming = storageFromEnv(s3.env);
    const presigning = storageFromEnv({ ...s3.env, S3_PRESIGNED_DOWNLOADS: "true" });
    await presigning.put("exports/9/r/README.md", Readable.from(["# card"]));
    const options = { fileName: "export-9-README.md", contentType: "text/markdown" };
    expect(await streaming.downloadUrl("exports/9/r/README.md", options)).toBeNull();
    const url = await presigning.downloadUrl("exports/9/r/README.md", options);
    const response = await fetch(url!);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="export-9-README.md"');
    expect(await response.text()).toBe("# card");
  });

  it("fails its readiness check when the bucket does not exist", async () => {
    await expect(storageFromEnv({ ...s3.env, STORAGE_URL: "s3://no-such-bucket" }).check()).rejects.toThrow();
  });
});

describe("storage settings", () => {
  it("defaults to the project's local directory and reads s3:// URLs", () => {
    expect(storageFromEnv({}, "/srv/app")).toBeInstanceOf(LocalStorage);
    expect(storageFromEnv({}, "/srv/app").description).toBe("local directory /srv/app/.data/storage");
    expect(storageFromEnv({ STORAGE_URL: "file:///mnt/shared" }).description).toBe("local directory /mnt/shared");
    const s3Storage = storageFromEnv({ STORAGE_URL: "s3://my-bucket/team/a/", S3_ENDPOINT: "http://minio:9000" });
    expect(s3Storage).toBeInstanceOf(S3Storage);
    expect(s3Storage.description).toBe("s3://my-bucket/team/a/ at http://minio:9000");
  });

  it("says what is wrong with a bad setting", () => {
    expect(() => storageFromEnv({ STORAGE_URL: "s3://A" })).toThrow(/bucket name is not valid/);
    expect(() => storageFromEnv({ STORAGE_URL: "gs://bucket" })).toThrow(/use a directory, file:\/\/\/dir or s3:\/\/bucket/);
    expect(() => storageFromEnv({ STORAGE_URL: "s3://bucket", S3_ENDPOINT: "not a url" })).toThrow(/S3_ENDPOINT/);
  });
});
