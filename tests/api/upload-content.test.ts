/**
 * Goals D4 and D5 over real HTTP (SQLite; the checks are the server's, not the database's):
 * the generated corpus (≥ 200 samples) is uploaded to POST /api/uploads. Every file whose
 * content is not what its name and material allow is refused with a problem at /file; every
 * accepted one is stored under its digest with a sanitized name and the proven type, and
 * downloads as an attachment. After every request the temp folder is empty and nothing lies
 * outside the storage root.
 */
import { expect } from 'chai';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { ApiClient } from '../support/api-client.js';
import { sqlite, type TestStore } from '../support/databases.js';
import { TestClock } from '../support/test-clock.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { getFile } from '../../storage/files.js';
import { upload } from './support/applying.js';
import { PLEDGE_ITEM } from './support/pledge.js';
import { corpus, type Sample } from './upload-corpus.js';

const DIGEST_PATH = /^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}$/;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
}

/** What a name must never keep after sanitizing. */
function isCleanName(name: string): boolean {
  return !/[\\/\u0000-\u001f\u202a-\u202e\u2066-\u2069]/.test(name) && !name.startsWith('.') && Array.from(name).length <= 200;
}

describe('API: uploads judged by content, stored outside any served folder, served as attachments (goals D4, D5)', function () {
  this.timeout(300_000);
  let sandbox: string;
  let store: TestStore;
  let server: TestServer;
  let zhangsan: ApiClient;
  const tally = { samples: 0, accepted: 0, refused: 0, wronglyAccepted: 0, wronglyRefused: 0, slowestBombMs: 0 };

  before(async () => {
    sandbox = await mkdtemp(join(tmpdir(), 'ipsp-upload-sandbox-'));
    store = await sqlite.createStore();
    server = await startTestServer({ db: store.db, clock: new TestClock('2026-09-21T09:00:00+08:00'), filesDir: join(sandbox, 'files') });
    zhangsan = await server.client('zhangsan');
  });

  after(async () => {
    await server?.close();
    await store?.dispose();
    await rm(sandbox, { recursive: true, force: true });
  });

  async function send(sample: Sample) {
    const started = performance.now();
    const answer = await upload(zhangsan, { itemId: sample.itemId ?? PLEDGE_ITEM, materialKey: sample.materialKey, file: { name: sample.name, content: sample.content, type: 'application/pdf' } });
    if (/bomb|5 GB/.test(sample.label)) tally.slowestBombMs = Math.max(tally.slowestBombMs, performance.now() - started);
    return answer;
  }

  it(`given ${corpus.length} generated samples, when each is uploaded, then exactly the allowed ones are accepted, refusals name /file, the temp folder is empty after every request and nothing lies outside the storage root`, async () => {
    expect(corpus.length).to.be.at.least(200);
    const filesDir = join(sandbox, 'files');
    for (const sample of corpus) {
      const answer = await send(sample);
      tally.samples += 1;
      // A raw NUL in the part header makes the multipart body itself malformed: refused whole, at the body.
      if (sample.name.includes('\u0000') && answer.status === 400) {
        expect(answer.body.problems[0], sample.label).to.include({ code: 'request.multipart', path: '' });
        tally.refused += 1;
        continue;
      }
      const isAccepted = answer.status === 201;
      if (isAccepted) tally.accepted += 1;
      else tally.refused += 1;
      if (isAccepted && sample.accepted === undefined) tally.wronglyAccepted += 1;
      if (!isAccepted && sample.accepted !== undefined) tally.wronglyRefused += 1;
      expect(isAccepted, `${sample.label}: ${answer.status} ${JSON.stringify(answer.body)}`).to.equal(sample.accepted !== undefined);
      if (isAccepted) {
        const record = await getFile(server.services.db.knex, answer.body.fileId);
        expect(record!.mediaType, sample.label).to.equal(sample.accepted);
        expect(isCleanName(record!.originalName), `${sample.label}: ${JSON.stringify(record!.originalName)}`).to.equal(true);
        expect(record!.originalName.endsWith(`.${sample.name.split('.').pop()}`), sample.label).to.equal(true);
      } else {
        expect(answer.status, sample.label).to.be.oneOf([413, 422]);
        expect(answer.body.problems, `${sample.label}: ${JSON.stringify(answer.body)}`).to.not.be.empty;
        expect(answer.body.problems.map((p: { path: string }) => p.path), sample.label).to.satisfy((paths: string[]) => paths.every((p) => p === '/file'));
      }
      expect(await filesUnder(server.services.files.tempDir), `temp folder after ${sample.label}`).to.deep.equal([]);
      expect(await readdir(sandbox), 'the sandbox holds only the storage root').to.deep.equal(['files']);
      const stored = (await filesUnder(filesDir)).filter((p) => !p.startsWith('tmp'));
      expect(stored.filter((p) => !DIGEST_PATH.test(p)), 'only digest-named files in the store').to.deep.equal([]);
    }
    console.log(`      upload corpus: ${JSON.stringify(tally)}`);
    expect(tally.wronglyAccepted).to.equal(0);
  });

  it('given an accepted file with a Chinese name, when downloaded, then it is an attachment with the RFC 5987 name, nosniff and a sandbox CSP, and the same bytes', async () => {
    const sample = corpus.find((s) => s.label === 'real PDF, Chinese name')!;
    const answer = await send(sample);
    const download = await zhangsan.download(`/api/files/${answer.body.fileId}`);
    expect(download.status).to.equal(200);
    expect(Buffer.compare(download.body, sample.content)).to.equal(0);
    const disposition = download.headers.get('content-disposition')!;
    expect(disposition).to.match(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).to.equal('专利权质押（最终版）file.pdf');
    expect(download.headers.get('x-content-type-options')).to.equal('nosniff');
    expect(download.headers.get('content-security-policy')).to.equal("default-src 'none'; base-uri 'none'; frame-ancestors 'none'; sandbox");
    expect(download.headers.get('content-type')).to.equal('application/pdf');
  });

  it('given a stored row claiming text/html (written before content checks), when downloaded, then it goes out as bytes, never as a page', async () => {
    const answer = await send(corpus.find((s) => s.label === 'real PNG, plain name')!);
    await server.services.db.knex('files').where({ id: answer.body.fileId }).update({ media_type: 'text/html', original_name: 'page.html' });
    const download = await zhangsan.download(`/api/files/${answer.body.fileId}`);
    expect(download.headers.get('content-type')).to.equal('application/octet-stream');
    expect(download.headers.get('content-disposition')).to.match(/^attachment;/);
  });

  it('given a file store inside the served front-end folder, when the server is set up, then it refuses to start', async () => {
    const { assertFilesNotServed } = await import('../../server/services.js');
    expect(() => assertFilesNotServed('/srv/ipsp/dist/designer/files', '/srv/ipsp/dist/designer')).to.throw(/inside the served folder/);
    expect(() => assertFilesNotServed('/srv/ipsp/data/files', '/srv/ipsp/dist/designer')).to.not.throw();
  });
});
