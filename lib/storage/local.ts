import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { copyFile, mkdir, readdir, rename, rm, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { assertKey, assertPrefix, type ObjectInfo, type Storage } from "./types";

/**
 * Objects as files under one directory. A put writes `<file>.partial-<uuid>`
 * and renames it into place, so a reader (or a crash) never leaves half a file
 * under the real name. Partial files are skipped by list.
 */
export class LocalStorage implements Storage {
  readonly description: string;

  constructor(readonly root: string) {
    this.description = `local directory ${root}`;
  }

  private file(key: string) {
    return path.join(this.root, ...assertKey(key).split("/"));
  }

  async put(key: string, body: Readable) {
    const target = this.file(key);
    await mkdir(path.dirname(target), { recursive: true });
    const partial = `${target}.partial-${randomUUID()}`;
    try {
      await pipeline(body, createWriteStream(partial));
      await rename(partial, target);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  async putFile(key: string, filePath: string) {
    const target = this.file(key);
    await mkdir(path.dirname(target), { recursive: true });
    const partial = `${target}.partial-${randomUUID()}`;
    try {
      await rename(filePath, partial);
    } catch (error) {
      // Another file system: copy instead of moving.
      if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
      await copyFile(filePath, partial);
    }
    await rename(partial, target);
  }

  async read(key: string): Promise<Readable | null> {
    const file = this.file(key);
    if (!(await this.stat(key))) return null;
    return createReadStream(file);
  }

  async stat(key: string): Promise<ObjectInfo | null> {
    const info = await stat(this.file(key)).catch(() => null);
    return info?.isFile() ? { key, size: info.size } : null;
  }

  async list(prefix: string): Promise<ObjectInfo[]> {
    assertPrefix(prefix);
    const base = path.join(this.root, ...prefix.slice(0, -1).split("/"));
    const found: ObjectInfo[] = [];
    const walk = async (directory: string, keyPrefix: string) => {
      const entries = await readdir(directory, { withFileTypes: true }).catch(() => []);
      for (const entry of entries) {
        const full = path.join(directory, entry.name);
        if (entry.isDirectory()) await walk(full, `${keyPrefix}${entry.name}/`);
        else if (entry.isFile() && !entry.name.includes(".partial-"))
          found.push({ key: keyPrefix + entry.name, size: (await stat(full)).size });
      }
    };
    await walk(base, prefix);
    return found.sort((a, b) => a.key.localeCompare(b.key));
  }

  async deletePrefix(prefix: string): Promise<number> {
    const objects = await this.list(prefix);
    await rm(path.join(this.root, ...prefix.slice(0, -1).split("/")), { recursive: true, force: true });
    return objects.length;
  }

  async delete(key: string) {
    await unlink(this.file(key)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
  }

  async downloadUrl(): Promise<string | null> {
    return null;
  }

  localPath(key: string): string {
    return this.file(key);
  }

  async check() {
    await mkdir(this.root, { recursive: true });
    const probe = path.join(this.root, `.ready-${randomUUID()}`);
    await writeFile(probe, "ok");
    await rm(probe, { force: true });
  }
}
