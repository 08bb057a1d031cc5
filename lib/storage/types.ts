import type { Readable } from "node:stream";
import { z } from "zod";

/**
 * Where files live that more than one process needs: uploads waiting for
 * their import, and export files. One small interface, two backends: a local
 * directory (the default) and S3-compatible object storage.
 *
 * Keys are relative paths (`uploads/<id>`, `exports/<id>/<run>/data/train.jsonl`).
 * A put is all or nothing: a reader never sees half an object.
 */
export interface ObjectInfo {
  key: string;
  size: number;
}

export interface DownloadOptions {
  fileName: string;
  contentType: string;
  expiresInSeconds?: number;
}

export interface Storage {
  /** "local directory /path" or "s3://bucket/prefix at endpoint": for logs and /api/ready. */
  readonly description: string;
  put(key: string, body: Readable): Promise<void>;
  /** Stores a local file (local backend: moved in place when it can, so a big export is not copied). */
  putFile(key: string, filePath: string): Promise<void>;
  /** The object's bytes, or null when there is no such object. */
  read(key: string): Promise<Readable | null>;
  stat(key: string): Promise<ObjectInfo | null>;
  list(prefix: string): Promise<ObjectInfo[]>;
  /** Deletes every object under `prefix` (a key ending in `/`); returns how many. */
  deletePrefix(prefix: string): Promise<number>;
  delete(key: string): Promise<void>;
  /** A URL the browser may fetch the object from directly (S3 with presigned downloads), else null: stream it. */
  downloadUrl(key: string, options: DownloadOptions): Promise<string | null>;
  /** The object as a local file, when the backend keeps one (lets an import read an upload in place). */
  localPath(key: string): string | null;
  /** Throws unless the storage can be read and written. */
  check(): Promise<void>;
}

const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._\-/]*$/;

/** A key is a relative path without `.` or `..` segments: it can never leave the storage's root. */
export const storageKeySchema = z
  .string()
  .max(900)
  .regex(KEY_PATTERN, "a storage key holds letters, digits, . _ - and /")
  .refine((key) => key.split("/").every((segment) => segment !== "" && segment !== "." && segment !== ".."), "no empty, . or .. segments");

export const storagePrefixSchema = z
  .string()
  .regex(/\/$/, "a prefix ends in /")
  .refine((prefix) => storageKeySchema.safeParse(prefix.slice(0, -1)).success, "a prefix is a key followed by /");

export function assertKey(key: string): string {
  return storageKeySchema.parse(key);
}

export function assertPrefix(prefix: string): string {
  return storagePrefixSchema.parse(prefix);
}
