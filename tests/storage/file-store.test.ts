import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { FileStore } from '../../storage/file-store.js';

const sha = (content: string) => createHash('sha256').update(content).digest('hex');

describe('FileStore', () => {
  let dir: string;
  let store: FileStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ipsp-files-'));
    store = new FileStore(dir);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('given a stream, when put, then it is stored under its sha256 and reads back the same', async () => {
    const content = '专利权质押登记申请表'.repeat(1000);
    const stored = await store.putStream(Readable.from([Buffer.from(content)]), { maxBytes: 1_000_000 });
    expect(stored).to.deep.equal({ sha256: sha(content), size: Buffer.byteLength(content) });
    expect(store.pathOf(stored.sha256)).to.equal(join(dir, stored.sha256.slice(0, 2), stored.sha256.slice(2, 4), stored.sha256));
    expect(await text(store.openRead(stored.sha256))).to.equal(content);
    expect(await store.verify(stored.sha256)).to.equal(true);
  });

  it('given the same content twice, when put, then it is stored once and no temp file remains', async () => {
    const first = await store.putStream(Readable.from(['同一份材料']), { maxBytes: 100 });
    const second = await store.putStream(Readable.from(['同一份', '材料']), { maxBytes: 100 });
    expect(second).to.deep.equal(first);
    expect(readdirSync(join(dir, first.sha256.slice(0, 2), first.sha256.slice(2, 4)))).to.deep.equal([first.sha256]);
    expect(readdirSync(join(dir, 'tmp'))).to.deep.equal([]);
  });

  it('given a stream larger than maxBytes, when put, then it is refused and nothing is kept', async () => {
    const error = await store.putStream(Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), { maxBytes: 1000 }).then(() => undefined, (e: unknown) => e);
    expect(error).to.have.property('code', 'file.too-large');
    expect(readdirSync(dir).filter((name) => name !== 'tmp')).to.deep.equal([]);
    expect(readdirSync(join(dir, 'tmp'))).to.deep.equal([]);
  });

  it('given stored content altered on disk, when verified, then verification fails', async () => {
    const stored = await store.putStream(Readable.from(['原件']), { maxBytes: 100 });
    writeFileSync(store.pathOf(stored.sha256), '篡改');
    expect(await store.verify(stored.sha256)).to.equal(false);
    expect(await store.verify('0'.repeat(64))).to.equal(false);
  });

  it('given a name that is not a digest, when read, then it is refused before touching the disk', () => {
    expect(() => store.openRead('../../etc/passwd')).to.throw(/not a lower-case hex sha256/);
  });
});
