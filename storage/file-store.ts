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
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
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
   * `file.too-large`, temp file removed), then fsyncs and renames it into place.
   */
  async putStream(input: Readable, limits: { maxBytes: number }): Promise<StoredContent> {
    const tmpDir = join(this.dir, 'tmp');
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
      await fsync(tmp);
      const sha256 = hash.digest('hex');
      await this.moveIntoPlace(tmp, sha256);
      return { sha256, size };
    } finally {
      await rm(tmp, { force: true });
    }
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
    if (await this.has(sha256)) return; // same content already stored once
    const folder = join(this.dir, sha256.slice(0, 2), sha256.slice(2, 4));
    await mkdir(folder, { recursive: true });
    await rename(tmp, target);
    await fsync(folder); // make the rename itself durable
  }
}

async function fsync(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
