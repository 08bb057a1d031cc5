import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { LocalStorage } from "./local";
import { S3Storage } from "./s3";
import type { Storage } from "./types";

/**
 * Which storage the environment asks for:
 * - nothing: the local directory `.data/storage` of the project (today's single-machine behaviour);
 * - `STORAGE_URL=/some/dir` or `file:///some/dir`: that local directory (shared disks work too);
 * - `STORAGE_URL=s3://bucket/optional/prefix`: S3-compatible storage. `S3_ENDPOINT` for anything but
 *   AWS (MinIO, R2, GCS interoperability), `S3_REGION` (default `AWS_REGION`, else us-east-1),
 *   `S3_FORCE_PATH_STYLE` (default true when an endpoint is given), credentials the AWS way
 *   (`AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY`, a profile, an instance role), and
 *   `S3_PRESIGNED_DOWNLOADS=true` to send browsers to a presigned URL instead of streaming through the app.
 */
const booleanText = z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1");

const envSchema = z.object({
  STORAGE_URL: z.string().trim().optional(),
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().optional(),
  AWS_REGION: z.string().optional(),
  S3_FORCE_PATH_STYLE: booleanText.optional(),
  S3_PRESIGNED_DOWNLOADS: booleanText.optional(),
  AWS_ACCESS_KEY_ID: z.string().optional(),
  AWS_SECRET_ACCESS_KEY: z.string().optional(),
  AWS_SESSION_TOKEN: z.string().optional(),
});

export type StorageEnv = Record<string, string | undefined>;

export function storageFromEnv(env: StorageEnv = process.env, cwd = process.cwd()): Storage {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success)
    throw new Error(`Storage settings are not valid: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const config = parsed.data;
  const url = config.STORAGE_URL || "";
  if (!url) return new LocalStorage(path.join(cwd, ".data", "storage"));
  if (url.startsWith("file:")) return new LocalStorage(fileURLToPath(url));
  if (!url.startsWith("s3://")) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) throw new Error(`STORAGE_URL ${url}: use a directory, file:///dir or s3://bucket/prefix.`);
    return new LocalStorage(path.resolve(cwd, url));
  }
  const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(url);
  if (!match) throw new Error(`STORAGE_URL ${url}: the bucket name is not valid (3-63 lower-case letters, digits, dots, hyphens).`);
  const prefix = (match[2] ?? "").replace(/^\/+|\/+$/g, "");
  return new S3Storage({
    bucket: match[1],
    prefix: prefix ? `${prefix}/` : "",
    presignedDownloads: config.S3_PRESIGNED_DOWNLOADS ?? false,
    client: {
      endpoint: config.S3_ENDPOINT,
      region: config.S3_REGION ?? config.AWS_REGION ?? "us-east-1",
      forcePathStyle: config.S3_FORCE_PATH_STYLE ?? Boolean(config.S3_ENDPOINT),
      // Keys given in this environment; otherwise the SDK's own chain (profile, instance role, ...).
      credentials:
        config.AWS_ACCESS_KEY_ID && config.AWS_SECRET_ACCESS_KEY
          ? { accessKeyId: config.AWS_ACCESS_KEY_ID, secretAccessKey: config.AWS_SECRET_ACCESS_KEY, sessionToken: config.AWS_SESSION_TOKEN }
          : undefined,
    },
  });
}
