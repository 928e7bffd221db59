/**
 * Content-addressed file storage: bytes live at `<dir>/<aa>/<bb>/<sha256>`, so the same
 * content is stored once and its name proves its integrity.
 *
 * @example
 * const store = new FileStore('data/files');
 * const { sha256, size } = await store.putStream(request, { maxBytes: 20 * 1024 * 1024 });
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StorageError } from './errors.js';

const SHA256 = /^[0-9a-f]{64}$/;

export interface StoredContent {
  sha256: string;
  size: number;
}

export class FileStore {
  constructor(readonly dir: string) {}

  /**
   * Streams `input` to a temp file while hashing, refuses it past `maxBytes` (code
   * `file.too-large`, temp file removed), lets `inspect` judge the complete temp file (what
   * it throws refuses the file, which is then never stored), then fsyncs and renames it into
   * place. The temp file is gone afterwards whatever happened.
   */
  async putStream<T = undefined>(
    input: Readable,
    limits: { maxBytes: number; inspect?: (tempPath: string) => Promise<T> },
  ): Promise<StoredContent & { inspected?: T }> {
    const tmpDir = this.tempDir;
    await mkdir(tmpDir, { recursive: true });
    const tmp = join(tmpDir, `${randomUUID()}.part`);
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > limits.maxBytes) {
          done(new StorageError('file.too-large', `The file is larger than the limit of ${limits.maxBytes} bytes.`, { maxBytes: limits.maxBytes }));
          return;
        }
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(input, meter, createWriteStream(tmp, { flags: 'wx' }));
      const inspected = limits.inspect === undefined ? undefined : await limits.inspect(tmp);
      await fsync(tmp);
      const sha256 = hash.digest('hex');
      await this.moveIntoPlace(tmp, sha256);
      return { sha256, size, ...(inspected === undefined ? {} : { inspected }) };
    } finally {
      await rm(tmp, { force: true });
    }
  }

  /**
   * Removes temp files (uploads that never finished: a crash, a dropped connection) last
   * written before `olderThan`; answers how many.
   */
  async removeStaleTemp(olderThan: Date): Promise<number> {
    let removed = 0;
    for (const name of await readdir(join(this.dir, 'tmp')).catch(() => [] as string[])) {
      const path = join(this.dir, 'tmp', name);
      const info = await stat(path).catch(() => undefined);
      if (info && info.mtime < olderThan) {
        await rm(path, { force: true, recursive: true });
        removed++;
      }
    }
    return removed;
  }

  /** Every stored digest, folder by folder (`<aa>/<bb>/<sha256>`). */
  async *digests(): AsyncGenerator<string> {
    const names = (path: string) => readdir(path).catch(() => [] as string[]);
    for (const a of await names(this.dir)) {
      if (!/^[0-9a-f]{2}$/.test(a)) continue;
      for (const b of await names(join(this.dir, a))) {
        for (const name of await names(join(this.dir, a, b))) if (SHA256.test(name)) yield name;
      }
    }
  }

  /**
   * Removes stored content written or reused before `olderThan` when `isReferenced` says no row
   * names it. The file is first moved aside and its time read again: content an upload reused
   * meanwhile (it touches the file) is put back, so a row committed just after never names a
   * missing file. Answers whether it was removed.
   */
  async removeIfUnreferenced(sha256: string, input: { olderThan: Date; isReferenced: (sha256: string) => Promise<boolean> }): Promise<boolean> {
    const target = this.pathOf(sha256);
    const before = await stat(target).catch(() => undefined);
    if (!before || before.mtime >= input.olderThan || (await input.isReferenced(sha256))) return false;
    await mkdir(join(this.dir, 'tmp'), { recursive: true });
    const aside = join(this.dir, 'tmp', `${sha256}.${randomUUID()}.collect`);
    if (!(await rename(target, aside).then(() => true, () => false))) return false;
    const after = await stat(aside);
    if (after.mtime >= input.olderThan || (await input.isReferenced(sha256))) {
      await rename(aside, target); // reused meanwhile: back in place (same bytes if rewritten)
      return false;
    }
    await rm(aside, { force: true });
    return true;
  }

  /** Where uploads are written before they are judged and moved into place; empty between requests. */
  get tempDir(): string {
    return join(this.dir, 'tmp');
  }

  /** Opens stored content for reading. */
  openRead(sha256: string): ReadStream {
    return createReadStream(this.pathOf(sha256));
  }

  /** Whether content exists under this digest. */
  async has(sha256: string): Promise<boolean> {
    return stat(this.pathOf(sha256)).then(() => true, () => false);
  }

  /** Recomputes the digest of stored content: false if it was altered or is missing. */
  async verify(sha256: string): Promise<boolean> {
    const hash = createHash('sha256');
    try {
      await pipeline(this.openRead(sha256), hash);
    } catch {
      return false;
    }
    return hash.digest('hex') === sha256;
  }

  /** Where content with this digest lives; refuses anything that is not a sha256 (no path tricks). */
  pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new StorageError('file.digest-invalid', `"${sha256}" is not a lower-case hex sha256 digest.`);
    return join(this.dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  private async moveIntoPlace(tmp: string, sha256: string): Promise<void> {
    const target = this.pathOf(sha256);
    // Same content already stored once: touch it, so the collector (which spares files newer
    // than its age limit) cannot remove it before the row naming it commits.
    if (await touch(target)) return;
    const folder = join(this.dir, sha256.slice(0, 2), sha256.slice(2, 4));
    await mkdir(folder, { recursive: true });
    await rename(tmp, target);
    await fsync(folder); // make the rename itself durable
  }
}

/** Sets a file's times to now; false when it does not exist. */
async function touch(path: string): Promise<boolean> {
  const now = new Date();
  return utimes(path, now, now).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
}

async function fsync(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
