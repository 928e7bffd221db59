/**
 * Housekeeping (goals A4, A6): idempotency keys are forgotten after 24 hours; temp files of
 * uploads that never finished and stored files no row names are removed once old enough;
 * content an upload reuses is touched, so the collector never takes a file a commit is about
 * to name.
 */
import { expect } from 'chai';
import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { runHousekeeping } from '../../server/worker/housekeeping.js';
import { insertFile } from '../../storage/files.js';
import { findIdempotencyRecord, insertIdempotencyRecord } from '../../storage/idempotency-keys.js';
import { forEachDatabase } from '../support/databases.js';
import { useApiSuite } from '../api/support/api-suite.js';

const HOUR = 3600_000;
const put = (suite: ReturnType<typeof useApiSuite>, text: string) => suite.server.services.files.putStream(Readable.from([Buffer.from(text)]), { maxBytes: 1024 });
const age = (path: string, ms: number) => utimes(path, new Date(Date.now() - ms), new Date(Date.now() - ms));

forEachDatabase('worker: housekeeping of keys and files', (target) => {
  const suite = useApiSuite(target);

  it('given keys recorded 24 h + 1 s and 23 h ago, when housekeeping runs, then only the older is forgotten', async () => {
    const { services } = suite.server;
    const now = services.now().getTime();
    const record = (key: string, at: number) =>
      services.db.transaction((tx) =>
        insertIdempotencyRecord(tx, { platformId: 'mianyang', userId: 'demo-zhangsan', key, fingerprint: 'f'.repeat(64), request: 'POST /api/cases', resourceId: key, status: 201, response: '{}', createdAt: new Date(at).toISOString() }),
      );
    await record('old-key-old-key-old', now - 24 * HOUR - 1000);
    await record('new-key-new-key-new', now - 23 * HOUR);
    const report = await runHousekeeping(services);
    expect(report.keysPurged).to.equal(1);
    const find = (key: string) => findIdempotencyRecord(services.db.knex, { platformId: 'mianyang', userId: 'demo-zhangsan', key });
    expect(await find('old-key-old-key-old')).to.equal(undefined);
    expect(await find('new-key-new-key-new')).to.not.equal(undefined);
  });

  it('given a referenced file, an old orphan, a fresh orphan and old and fresh temp files, when housekeeping runs with a 24 h age, then the old orphan and the old temp file go', async () => {
    const { services } = suite.server;
    const referenced = await put(suite, 'referenced by a row');
    const oldOrphan = await put(suite, 'written before a crash, never named');
    const freshOrphan = await put(suite, 'an upload whose case is committing now');
    await insertFile(services.db.knex, { id: 'kept-file', platformId: 'mianyang', ownerId: 'demo-zhangsan', caseId: null, materialKey: 'applicationForm', ...referenced, mediaType: 'application/pdf', originalName: 'a.pdf', createdAt: services.now().toISOString() });
    await age(services.files.pathOf(referenced.sha256), 48 * HOUR);
    await age(services.files.pathOf(oldOrphan.sha256), 25 * HOUR);
    const tmp = join(services.files.dir, 'tmp');
    await mkdir(tmp, { recursive: true });
    await writeFile(join(tmp, 'dead.part'), 'half an upload');
    await age(join(tmp, 'dead.part'), 6 * 60_000);
    await writeFile(join(tmp, 'live.part'), 'an upload still arriving');

    const report = await runHousekeeping(services);
    expect(report).to.deep.include({ filesCollected: 1, tempFilesRemoved: 1 });
    expect(await services.files.has(oldOrphan.sha256)).to.equal(false);
    expect(await services.files.verify(referenced.sha256)).to.equal(true);
    expect(await services.files.has(freshOrphan.sha256)).to.equal(true);
    expect(await readdir(tmp)).to.deep.equal(['live.part']);
  });

  it('given an old orphan, when an upload stores the same bytes again, then it is touched and the collector spares it', async () => {
    const { services } = suite.server;
    const reused = await put(suite, 'same bytes uploaded again');
    await age(services.files.pathOf(reused.sha256), 30 * HOUR);
    await put(suite, 'same bytes uploaded again');
    const report = await runHousekeeping(services);
    expect(report.filesCollected).to.equal(0);
    expect(await services.files.verify(reused.sha256)).to.equal(true);
  });

  it('given orphans of any age and IPSP_FILE_GC_HOURS=0, when housekeeping runs, then no stored file is left that no row names', async () => {
    const { services } = suite.server;
    await put(suite, 'one orphan');
    await put(suite, 'another orphan');
    const report = await runHousekeeping(services, { fileMs: 0, tempMs: 0 });
    expect(report.filesCollected).to.be.greaterThanOrEqual(2);
    const names = new Set((await services.db.knex('files').select('sha256')).map((r) => r.sha256 as string));
    for await (const sha256 of services.files.digests()) expect(names.has(sha256), sha256).to.equal(true);
  });
});
