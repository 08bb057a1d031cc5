import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
  type S3ClientConfig,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { assertKey, assertPrefix, type DownloadOptions, type ObjectInfo, type Storage } from "./types";

export interface S3StorageOptions {
  bucket: string;
  /** Keys are stored under this prefix ("" or ending in "/"), so one bucket can hold several deployments. */
  prefix: string;
  client: S3ClientConfig;
  /** Downloads redirect to a presigned URL (the browser fetches from the bucket) instead of streaming through the app. */
  presignedDownloads: boolean;
}

/** Part size for multipart uploads: S3's minimum is 5 MiB; 8 MiB keeps a 10 GB export under S3's 10,000-part limit. */
const PART_SIZE = 8 * 1024 * 1024;
const DELETE_BATCH = 1000;

/**
 * S3-compatible object storage (AWS, MinIO, R2, GCS interoperability) through
 * @aws-sdk/client-s3. Big bodies go up as multipart uploads, which S3 only
 * makes visible once complete: an object is there whole or not at all.
 */
export class S3Storage implements Storage {
  readonly description: string;
  private readonly client: S3Client;

  constructor(private readonly options: S3StorageOptions) {
    this.client = new S3Client(options.client);
    const endpoint = typeof options.client.endpoint === "string" ? ` at ${options.client.endpoint}` : "";
    this.description = `s3://${options.bucket}/${options.prefix}${endpoint}`;
  }

  private key(key: string) {
    return this.options.prefix + assertKey(key);
  }

  async put(key: string, body: Readable) {
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.options.bucket, Key: this.key(key), Body: body },
      partSize: PART_SIZE,
      queueSize: 2,
      leavePartsOnError: false,
    });
    await upload.done();
  }

  async putFile(key: string, filePath: string) {
    await this.put(key, createReadStream(filePath));
  }

  async read(key: string): Promise<Readable | null> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: this.key(key) }));
      return object.Body instanceof Readable ? object.Body : Readable.fromWeb(object.Body!.transformToWebStream() as never);
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async stat(key: string): Promise<ObjectInfo | null> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: this.key(key) }));
      return { key, size: head.ContentLength ?? 0 };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async list(prefix: string): Promise<ObjectInfo[]> {
    assertPrefix(prefix);
    const found: ObjectInfo[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.options.bucket, Prefix: this.options.prefix + prefix, ContinuationToken: token }),
      );
      for (const object of page.Contents ?? []) found.push({ key: object.Key!.slice(this.options.prefix.length), size: object.Size ?? 0 });
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return found.sort((a, b) => a.key.localeCompare(b.key));
  }

  async deletePrefix(prefix: string): Promise<number> {
    const objects = await this.list(prefix);
    for (let i = 0; i < objects.length; i += DELETE_BATCH) {
      const batch = objects.slice(i, i + DELETE_BATCH);
      const result = await this.client.send(
        new DeleteObjectsCommand({
          Bucket: this.options.bucket,
          Delete: { Objects: batch.map((object) => ({ Key: this.key(object.key) })), Quiet: true },
        }),
      );
      if (result.Errors?.length)
        throw new Error(
          `Could not delete ${result.Errors.length} object(s) under ${prefix}: ${result.Errors[0].Message ?? result.Errors[0].Code}`,
        );
    }
    return objects.length;
  }

  async delete(key: string) {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.key(key) }));
  }

  async downloadUrl(key: string, options: DownloadOptions): Promise<string | null> {
    if (!this.options.presignedDownloads) return null;
    const command = new GetObjectCommand({
      Bucket: this.options.bucket,
      Key: this.key(key),
      ResponseContentDisposition: `attachment; filename="${options.fileName.replace(/["\\\r\n]/g, "_")}"`,
      ResponseContentType: options.contentType,
    });
    return getSignedUrl(this.client, command, { expiresIn: options.expiresInSeconds ?? 300 });
  }

  localPath(): null {
    return null;
  }

  async check() {
    const key = `ready-probe/${randomUUID()}`;
    await this.put(key, Readable.from([Buffer.from("ok")]));
    await this.delete(key);
  }

  destroy() {
    this.client.destroy();
  }
}

function isNotFound(error: unknown): boolean {
  const { name, $metadata } = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return name === "NoSuchKey" || name === "NotFound" || $metadata?.httpStatusCode === 404;
}
