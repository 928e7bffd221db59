/**
 * The follow-up sample (回访抽样) of good reviews: the standard workflow opens a follow-up task
 * (回访任务) for a case rated 3–5 at its closing evaluation when the case's sample number is
 * below the platform's `settings.followUp.sampleRate`. The sample number is recomputed by the
 * test (support/sample-number.ts: FNV-1a of the case number, modulo 100). A visit
 * that reaches the applicant closes the task; the visit rate in /api/statistics is checked
 * against this file's own count.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'chai';
import type { ApiClient } from '../support/api-client.js';
import { forEachDatabase } from '../support/databases.js';
import { useApiSuite, type ApiSuite } from './support/api-suite.js';
import { act, completedPledge } from './support/pledge.js';
import { sampleNumber } from './support/sample-number.js';

interface Task {
  id: string;
  caseId: string;
  kind: string;
  title: string;
  status: string;
  dueAt: string;
  result: string | null;
  visits: Array<{ outcome: string }>;
}

const START = '2026-09-21T10:00:00+08:00';

/** Publishes 绵阳's platform definition with the given sample rate, as its admin would in the studio. */
async function setSampleRate(admin: ApiClient, sampleRate: number): Promise<void> {
  const file = join(process.cwd(), 'definitions', 'demo', 'mianyang', 'platform.json');
  const platform = JSON.parse(await readFile(file, 'utf8'));
  platform.settings.followUp = { ...platform.settings.followUp, sampleRate };
  const saved = await admin.put('/api/definitions/Platform/mianyang', platform);
  expect(saved.status, JSON.stringify(saved.body)).to.equal(200);
  const published = await admin.post('/api/definitions/publish', { definitions: [{ kind: 'Platform', id: 'mianyang' }] });
  expect(published.status, JSON.stringify(published.body)).to.equal(200);
}

/** Cases completed and rated by zhangsan at the given levels, in order. */
async function ratedCases(suite: ApiSuite, levels: number[]): Promise<Array<{ id: string; number: string; level: number }>> {
  const zhangsan = await suite.server.client('zhangsan');
  const staff1 = await suite.server.client('staff1');
  const cases = [];
  for (const level of levels) {
    const completed = await completedPledge({ applicant: zhangsan, staff: staff1 });
    const rated = await act(zhangsan, completed, 'evaluate', { payload: { level } });
    expect(rated.status, JSON.stringify(rated.body)).to.equal(200);
    cases.push({ id: rated.body.id as string, number: rated.body.number as string, level });
  }
  return cases;
}

async function tasksOf(client: ApiClient, caseId: string): Promise<Task[]> {
  const response = await client.get(`/api/tasks?caseId=${caseId}`);
  expect(response.status, JSON.stringify(response.body)).to.equal(200);
  return response.body.tasks as Task[];
}

/** A suite whose platform samples at `rate`, set before any case runs. */
function sampledSuite(target: Parameters<typeof useApiSuite>[0], rate: number): ApiSuite {
  const suite = useApiSuite(target, { start: START });
  before(async () => setSampleRate(await suite.server.client('admin'), rate));
  return suite;
}

forEachDatabase('API: follow-up sample at 100 %', (target) => {
  const suite = sampledSuite(target, 100);

  it('given every good level and a bad one, when rated, then each good review gets one open follow-up task due in 5 working days and the bad one only its rectification', async () => {
    const cases = await ratedCases(suite, [5, 4, 3, 1]);
    const staff1 = await suite.server.client('staff1');
    for (const kase of cases) {
      const kinds = (await tasksOf(staff1, kase.id)).map((t) => t.kind);
      expect(kinds, `level ${kase.level}`).to.deep.equal(kase.level >= 3 ? ['followUp'] : ['rectification']);
    }
    // Rated Mon 09-21: working days 09-22, 09-23, 09-24, then 中秋 09-25…27, 09-28, 09-29.
    expect((await tasksOf(staff1, cases[0]!.id))[0]).to.include({ title: '好评抽样回访', status: 'open', dueAt: '2026-09-29T15:59:59.999Z' });
  });
});

forEachDatabase('API: follow-up sample at 0 %', (target) => {
  const suite = sampledSuite(target, 0);

  it('given good reviews, when rated, then no follow-up task is opened', async () => {
    const cases = await ratedCases(suite, [5, 4, 3, 5]);
    const staff1 = await suite.server.client('staff1');
    for (const kase of cases) expect(await tasksOf(staff1, kase.id), kase.number).to.deep.equal([]);
  });
});

forEachDatabase('API: follow-up sample at 50 %, its visits and the visit rate', (target) => {
  const suite = sampledSuite(target, 50);
  let cases: Array<{ id: string; number: string; level: number }>;
  let picked: Array<{ id: string; number: string; level: number }>;
  let staff1: ApiClient;

  before(async () => {
    cases = await ratedCases(suite, [5, 4, 3, 5, 4, 3, 5, 4, 3, 5, 2, 1]);
    picked = cases.filter((c) => c.level >= 3 && sampleNumber(c.number) < 50);
    staff1 = await suite.server.client('staff1');
  });

  it('given twelve rated cases, when their tasks are listed, then exactly the good reviews whose hash is below 50 have a follow-up task', async () => {
    const good = cases.filter((c) => c.level >= 3);
    expect(picked.length, 'the case numbers pick some and leave some').to.be.within(1, good.length - 1);
    for (const kase of good) {
      const followUps = (await tasksOf(staff1, kase.id)).filter((t) => t.kind === 'followUp');
      expect(followUps.length, `${kase.number} (sample number ${sampleNumber(kase.number)})`).to.equal(picked.includes(kase) ? 1 : 0);
    }
  });

  it('given follow-up tasks, when one call is unreachable and the others reach the applicant, then the reached ones close with the note as result and the unreachable one stays open', async () => {
    const [unreached, ...reached] = picked;
    const first = await staff1.post(`/api/tasks/${(await tasksOf(staff1, unreached!.id))[0]!.id}/visits`, { note: '电话无人接听', outcome: 'unreachable' });
    expect(first.status, JSON.stringify(first.body)).to.equal(201);
    expect(first.body).to.include({ status: 'open' });
    for (const [i, kase] of reached.entries()) {
      const [task] = await tasksOf(staff1, kase.id);
      const outcome = i === 0 ? 'unsatisfied' : 'satisfied';
      const visited = await staff1.post(`/api/tasks/${task!.id}/visits`, { note: `回访：申请人${outcome === 'satisfied' ? '满意' : '希望缩短办理时间'}`, outcome });
      expect(visited.status, JSON.stringify(visited.body)).to.equal(201);
      expect(visited.body).to.include({ status: 'done', result: visited.body.visits[0].note });
    }
  });

  it('given those visits, when the platform admin reads the statistics, then followUp counts the opened tasks and the visited ones as this test counted them', async () => {
    const admin = await suite.server.client('admin');
    const response = await admin.get('/api/statistics?from=2026-09-01&to=2026-09-30');
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    expect(response.body.total.followUp).to.deep.equal({ opened: picked.length, visited: picked.length, rate: 1 });
    expect(response.body.total.rectification).to.include({ opened: 2, visited: 0, visitRate: 0 });
    const mianyang = response.body.platforms.find((p: { id: string }) => p.id === 'mianyang');
    expect(mianyang.figures.followUp).to.deep.equal({ opened: picked.length, visited: picked.length, rate: 1 });
  });

  it('given a follow-up task still unvisited, when another one is opened and left, then the rate counts it as not visited', async () => {
    const more = await ratedCases(suite, [5, 5, 5, 5, 5, 5]);
    const fresh = more.filter((c) => sampleNumber(c.number) < 50);
    expect(fresh.length, 'some of the new cases are picked').to.be.above(0);
    const admin = await suite.server.client('admin');
    const response = await admin.get('/api/statistics?from=2026-09-01&to=2026-09-30');
    const opened = picked.length + fresh.length;
    expect(response.body.total.followUp).to.deep.equal({ opened, visited: picked.length, rate: picked.length / opened });
  });
});

forEachDatabase('API: a changed sample rate reaches running cases', (target) => {
  const suite = sampledSuite(target, 0);

  it('given a case completed while the rate was 0 %, when the platform publishes 100 % and the case is then rated, then the new rate applies (the platform is not pinned)', async () => {
    const zhangsan = await suite.server.client('zhangsan');
    const staff1 = await suite.server.client('staff1');
    const completed = await completedPledge({ applicant: zhangsan, staff: staff1 });
    await setSampleRate(await suite.server.client('admin'), 100);
    const rated = await act(zhangsan, completed, 'evaluate', { payload: { level: 5 } });
    expect(rated.status, JSON.stringify(rated.body)).to.equal(200);
    expect((await tasksOf(staff1, rated.body.id as string)).map((t) => t.kind)).to.deep.equal(['followUp']);
  });
});
