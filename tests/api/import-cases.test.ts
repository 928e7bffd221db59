/**
 * Bulk case import (办件台账): a valid register lands whole and shows in the desk's inbox and the
 * network figures; a bad line anywhere refuses the file naming its line and field, and nothing
 * is stored; the same file again is skipped case by case (resumable), while a changed line or a
 * number another case holds is refused.
 */
import { expect } from 'chai';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Failure } from '../../server/http/failure.js';
import { importCases } from '../../server/operations/import-cases.js';
import { caseFiguresByPlatform } from '../../storage/network-figures.js';
import { CASE_FACTS_VERSION } from '../../storage/statistics/case-facts.js';
import { consultationData } from '../fixtures/form-data.js';
import { forEachDatabase } from '../support/databases.js';
import { useApiSuite } from './support/api-suite.js';

const fixture = join(import.meta.dirname, '../fixtures/import/cases.ndjson');

// Each check runs with the lines checked and built in the main thread, as a small file is, and
// in two worker threads, as a large one is (the same work, handed over as data).
forEachDatabase('Bulk case import', (target) => {
  for (const workers of [0, 2]) describe(workers === 0 ? 'in the main thread' : `in ${workers} worker threads`, () => importSuite(target, workers));
});

function importSuite(target: Parameters<typeof useApiSuite>[0], workers: number) {
  const suite = useApiSuite(target);
  let dir: string;
  let lines: string[];

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ipsp-import-'));
    lines = (await readFile(fixture, 'utf8')).trim().split('\n');
  });
  after(() => rm(dir, { recursive: true, force: true }));

  const countCases = async () => Number((await suite.store.db.knex('cases').count({ n: '*' }).first())?.n);
  const run = (file: string) => importCases(suite.server.services, { platformId: 'mianyang', file, by: 'test-admin', batchSize: 2, workers });
  const refusal = async (file: string): Promise<Failure> => {
    const error = await run(file).then(() => undefined, (e: unknown) => e);
    expect(error, 'the import is refused').to.be.instanceOf(Failure);
    return error as Failure;
  };
  const fileOf = async (name: string, content: string[]) => {
    const file = join(dir, name);
    await writeFile(file, `${content.join('\n')}\n`);
    return file;
  };

  it('refuses a file with a bad line anywhere, naming line and field, and stores nothing', async () => {
    const before = await countCases();
    const wrongStep = lines[3]!.replace('"step":"accept"', '"step":"acept"');
    const wrongDate = lines[0]!.replace('"decidedAt":"2024-03-01T16:05:00+08:00"', '"decidedAt":"2024-02-01T16:05:00+08:00"');
    const badForm = lines[1]!.replace('"pledgeeName":"某银行绵阳分行",', '');
    const file = await fileOf('bad.ndjson', [lines[2]!, lines[1]!, wrongStep, '', wrongDate, badForm, lines[2]!]);
    const failure = await refusal(file);
    expect(failure.code).to.equal('import.file-invalid');
    const paths = failure.problems.map((p) => `${p.path} ${p.code}`);
    expect(paths).to.include('/line/3/step import.step-unknown');
    expect(paths).to.include('/line/5/decidedAt import.date-order');
    expect(paths.some((p) => p.startsWith('/line/6/data') && p.includes('form.')), paths.join('; ')).to.equal(true);
    expect(paths).to.include('/line/7/number import.duplicate-in-file');
    expect(failure.problems.every((p) => p.message.length > 0)).to.equal(true);
    expect(await countCases()).to.equal(before);
  });

  it('imports every case of a valid file; they show in the inbox and the figures, marked imported', async () => {
    const before = await countCases();
    const result = await run(fixture);
    expect(result).to.include({ lines: 4, imported: 4, alreadyImported: 0, workers });
    expect(await countCases()).to.equal(before + 4);
    const staff1 = await suite.server.client('staff1');
    const all = await staff1.get('/api/cases?view=all&q=MY-2024');
    expect(all.body.cases.map((c: { number: string }) => c.number).sort()).to.deep.equal(['MY-2024-000123', 'MY-2024-000124', 'MY-2024-000125']);
    const mine = await staff1.get('/api/cases?view=mine');
    expect(mine.body.cases.map((c: { number: string }) => c.number)).to.include('MY-2024-000125');
    const toAccept = await staff1.get('/api/cases?view=toAccept');
    expect(toAccept.body.cases.some((c: { number: string }) => /20241230\d{4}$/.test(c.number)), 'the line without a number got one of the platform').to.equal(true);
    const [figures] = await caseFiguresByPlatform(suite.store.db.knex, { platformIds: ['mianyang'], yearStart: '2024-01-01T00:00:00.000Z', now: '2026-09-21T01:00:00.000Z' });
    expect(figures?.completed).to.be.at.least(1);
    const imported = await suite.store.db.knex('case_events').where({ type: 'case.imported', actor_id: 'test-admin' }).count({ n: '*' }).first();
    expect(Number(imported?.n)).to.equal(4);
  });

  it('stores the statistics facts of each imported case, its handling time in working days across a holiday included', async () => {
    // Submitted Tuesday 2025-09-30, decided Monday 2025-10-13: 国庆 and 中秋 close 1–8 October and
    // Saturday 11 October is a make-up working day (definitions/calendars/cn-2025.json), so the
    // working days after the day applied up to the day decided are 9, 10, 11 and 13 October: 4.
    const acrossHoliday = lines[0]!
      .replace('MY-2024-000123', 'MY-2025-000900')
      .replace('"submittedAt":"2024-03-01T09:30:00+08:00"', '"submittedAt":"2025-09-30T09:30:00+08:00"')
      .replace('"decidedAt":"2024-03-01T16:05:00+08:00"', '"decidedAt":"2025-10-13T16:05:00+08:00"');
    expect(await run(await fileOf('holiday.ndjson', [acrossHoliday]))).to.include({ imported: 1 });
    const knex = suite.store.db.knex;
    const facts = await knex('cases').select('created_day', 'served_day', 'handling_days', 'facts_version').where({ number: 'MY-2025-000900' }).first();
    expect(facts).to.deep.include({ created_day: '2025-09-30', served_day: '2025-10-13', handling_days: 4, facts_version: CASE_FACTS_VERSION });
    // 2024 lies outside the official calendars: served, but no handling time is claimed.
    const early = await knex('cases').select('served_day', 'handling_days').where({ number: 'MY-2024-000123' }).first();
    expect(early).to.deep.equal({ served_day: '2024-03-01', handling_days: null });
    const admin = await suite.server.client('admin');
    const figures = (await admin.get('/api/statistics?from=2025-10-01&to=2025-10-31')).body.total;
    expect(figures).to.include({ served: 1, avgWorkingDays: 4 });
  });

  it('seals personal data in imported cases as in every case', async () => {
    const row = await suite.store.db.knex('cases').select('body').where({ number: 'MY-2024-000123' }).first();
    const body = typeof row.body === 'string' ? row.body : JSON.stringify(row.body);
    expect(body).not.to.include('13800138000');
    expect(body).to.include('enc:v1:');
  });

  it('skips what an earlier run stored when the same file runs again (resumable, never doubled)', async () => {
    const before = await countCases();
    const result = await run(fixture);
    expect(result).to.include({ imported: 0, alreadyImported: 4 });
    expect(await countCases()).to.equal(before);
  });

  it('refuses a changed line of an imported case and a number another case holds', async () => {
    const zhangsan = await suite.server.client('zhangsan');
    const live = (await zhangsan.post('/api/cases', { item: 'ip-policy-consulting', data: consultationData(), action: null })).body;
    const changed = lines[0]!.replace('已电话答复', '已书面答复');
    const taken = lines[1]!.replace('MY-2024-000124', live.number as string);
    const failure = await refusal(await fileOf('clash.ndjson', [changed, taken]));
    expect(failure.problems.map((p) => `${p.path} ${p.code}`)).to.deep.equal(['/line/1/number import.case-changed', '/line/2/number import.number-taken']);
  });
}
