/**
 * Supervision statistics over a month of cases played through the engine across 国庆 2026
 * (statistics-month.ts), on both databases and over real HTTP: every figure is checked against
 * a count the test makes from its own record of what it did, never by asking the database
 * again. Then who may see what: a county admin only its county, staff only their platform,
 * the province everything rolled up, and a drill-down outside one's reach answers 404.
 */
import { expect } from 'chai';
import { hashPassword } from '../../server/operations/passwords.js';
import { insertPlatform } from '../../storage/platforms.js';
import { insertUser } from '../../storage/users.js';
import type { ApiClient } from '../support/api-client.js';
import { forEachDatabase } from '../support/databases.js';
import { DEMO_PASSWORD } from '../support/test-server.js';
import { useApiSuite } from './support/api-suite.js';
import { sampleNumber } from './support/sample-number.js';
import { MONTH, playMonth, PUBLIC_ITEM, VALUE_ADDED_ITEM, type CaseStory, type Month } from './statistics-month.js';

const COUNTY = 'anzhou';

/** The figures the month should show for `period`, counted from the stories alone. */
function expectedFigures(month: Month, period: { from: string; to: string }, only: (story: CaseStory) => boolean = () => true) {
  const within = (day: string | undefined) => day !== undefined && day >= period.from && day <= period.to;
  const stories = month.stories.filter(only);
  const applied = stories.filter((s) => within(s.createdDay));
  const served = stories.filter((s) => within(s.servedDay));
  const evaluated = stories.filter((s) => within(s.evaluation?.day));
  const tasks = stories.filter((s) => within(s.task?.day)).map((s) => s.task!);
  const days = served.map((s) => month.calendar.workingDaysBetween(s.createdDay, s.servedDay as string));
  const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);
  const levelCount = (level: number) => evaluated.filter((s) => s.evaluation?.level === level).length;
  const onTime = served.filter((s) => s.fate !== 'late').length;
  const oneVisit = served.filter((s) => !s.isCorrected).length;
  const closed = tasks.filter((t) => t.isClosed).length;
  const visited = tasks.filter((t) => t.isVisited).length;
  const followUps = evaluated.filter((s) => (s.evaluation?.level ?? 0) >= 3 && sampleNumber(s.number as string) < 10);
  return {
    applied: applied.length,
    online: applied.filter((s) => s.channel === 'online').length,
    counter: applied.filter((s) => s.channel === 'counter').length,
    // Accepted late, or left waiting for acceptance past its limit; a case left in 补正 has no clock running.
    overdue: applied.filter((s) => s.fate === 'late' || (s.fate === 'abandoned' && !s.isCorrected)).length,
    served: served.length,
    servedOnTime: onTime,
    onTimeRate: ratio(onTime, served.length),
    avgWorkingDays: served.length === 0 ? null : days.reduce((a, b) => a + b, 0) / served.length,
    oneVisit,
    oneVisitRate: ratio(oneVisit, served.length),
    satisfaction: {
      total: evaluated.length,
      levels: [5, 4, 3, 2, 1].map((level) => ({ level, label: ['', '非常不满意', '不满意', '基本满意', '满意', '非常满意'][level] as string, count: levelCount(level) })),
      goodRate: ratio(levelCount(5) + levelCount(4) + levelCount(3), evaluated.length),
    },
    rectification: { opened: tasks.length, closed, closedOnTime: closed, visited, rate: ratio(closed, tasks.length), visitRate: ratio(visited, tasks.length) },
    // 绵阳 samples 10 % of the good closing reviews for a follow-up visit; the month visits none of them.
    followUp: { opened: followUps.length, visited: 0, rate: followUps.length === 0 ? null : 0 },
    // The month files no feedback (投诉与建议); tests/api/feedback.test.ts counts some.
    feedback: { received: 0, answered: 0, answeredOnTime: 0, onTimeRate: null },
  };
}

/** Rates compared to the last few digits: both sides divide the same counts, in another order. */
function rounded(figures: unknown): unknown {
  return JSON.parse(JSON.stringify(figures, (_key, value) => (typeof value === 'number' && !Number.isInteger(value) ? Number(value.toFixed(9)) : value)));
}

const query = (params: Record<string, string>) => `/api/statistics?${new URLSearchParams({ ...MONTH, ...params })}`;

forEachDatabase('API: supervision statistics over a month across 国庆', (target) => {
  const suite = useApiSuite(target, { start: '2026-09-21T09:00:00+08:00' });
  let month: Month;
  const clients: Record<string, ApiClient> = {};

  before(async function () {
    this.timeout(600_000);
    const { services } = suite.server;
    const now = services.now().toISOString();
    await insertPlatform(services.db.knex, { id: COUNTY, parentId: 'mianyang', level: 'county', title: '绵阳市安州区知识产权工作站（测试）', body: {}, createdAt: now });
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await insertUser(services.db.knex, { id: 'test-anzhou-admin', username: 'anzhou-admin', displayName: '安州管理员（测试）', platformId: COUNTY, roles: ['platform-admin'], passwordHash, createdAt: now });
    month = await playMonth(services, suite.server.clock, 20261001);
    for (const name of ['admin', 'staff1', 'province', 'anzhou-admin', 'zhangsan']) clients[name] = await suite.server.client(name);
  });

  it('given the month played, when its mix is read back from the record, then it has every kind of case the figures count', () => {
    const stories = month.stories;
    expect(stories.length).to.be.greaterThan(40);
    for (const fate of ['onTime', 'late', 'abandoned']) expect(stories.filter((s) => s.fate === fate), fate).to.not.be.empty;
    expect(stories.filter((s) => s.channel === 'counter')).to.not.be.empty;
    expect(stories.filter((s) => s.isCorrected && s.servedDay)).to.not.be.empty;
    for (const level of [1, 2, 3, 4, 5]) expect(stories.filter((s) => s.evaluation?.level === level), `level ${level}`).to.not.be.empty;
    expect(stories.filter((s) => s.task?.isClosed)).to.not.be.empty;
    expect(stories.filter((s) => s.task && !s.task.isVisited)).to.not.be.empty;
    // Served across the holiday: applied before 10-01, completed after 10-08.
    expect(stories.filter((s) => s.createdDay < '2026-10-01' && (s.servedDay ?? '') > '2026-10-08')).to.not.be.empty;
  });

  it("given the platform admin, when it reads the month, then every figure equals the test's own count", async () => {
    const answer = await clients.admin!.get(query({}));
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
    expect(answer.body).to.include({ from: MONTH.from, to: MONTH.to, root: 'mianyang' });
    expect(rounded(answer.body.total)).to.deep.equal(rounded(expectedFigures(month, MONTH)));
    const mine = answer.body.platforms.find((p: { id: string }) => p.id === 'mianyang');
    expect(rounded(mine.figures)).to.deep.equal(rounded(expectedFigures(month, MONTH)));
    expect(answer.body.platforms.map((p: { id: string }) => p.id)).to.deep.equal(['mianyang', COUNTY]);
  });

  it('given the holiday week alone, when read, then only what was applied, served and evaluated in it counts', async () => {
    const holiday = { from: '2026-10-01', to: '2026-10-08' };
    const answer = await clients.admin!.get(query(holiday));
    expect(answer.status).to.equal(200);
    const expected = expectedFigures(month, holiday);
    expect(expected.applied).to.be.greaterThan(0);
    expect(rounded(answer.body.total)).to.deep.equal(rounded(expected));
  });

  it('given the month, when broken down by month and by item, then each row matches the record', async () => {
    const { body } = await clients.admin!.get(query({}));
    const applied = month.stories;
    const ofMonth = (prefix: string) => applied.filter((s) => s.createdDay.startsWith(prefix));
    expect(body.byMonth).to.deep.equal(
      ['2026-09', '2026-10'].map((m) => ({ month: m, applied: ofMonth(m).length, online: ofMonth(m).filter((s) => s.channel === 'online').length, counter: ofMonth(m).filter((s) => s.channel === 'counter').length })),
    );
    for (const itemId of [PUBLIC_ITEM, VALUE_ADDED_ITEM]) {
      const row = body.byItem.find((r: { itemId: string }) => r.itemId === itemId);
      const expected = expectedFigures(month, MONTH, (s) => s.itemId === itemId);
      expect(row, itemId).to.include({ applied: expected.applied, online: expected.online, counter: expected.counter, overdue: expected.overdue, served: expected.served, servedOnTime: expected.servedOnTime, oneVisit: expected.oneVisit });
    }
    expect(body.byItem.find((r: { itemId: string }) => r.itemId === PUBLIC_ITEM)).to.include({ class: 'public', level: 'workstation' });
  });

  it('given a class or an item, when filtered, then the figures are those of its cases only', async () => {
    const valueAdded = await clients.admin!.get(query({ class: 'value-added' }));
    expect(valueAdded.status).to.equal(200);
    expect(valueAdded.body.filters).to.deep.equal({ itemId: null, class: 'value-added' });
    expect(rounded(valueAdded.body.total)).to.deep.equal(rounded(expectedFigures(month, MONTH, (s) => s.itemId === VALUE_ADDED_ITEM)));
    const publicItem = await clients.admin!.get(query({ itemId: PUBLIC_ITEM }));
    expect(rounded(publicItem.body.total)).to.deep.equal(rounded(expectedFigures(month, MONTH, (s) => s.itemId === PUBLIC_ITEM)));
    expect((await clients.admin!.get(query({ class: 'premium' }))).status).to.equal(400);
    expect((await clients.admin!.get(query({ itemId: 'no-such-item' }))).status).to.equal(404);
    expect((await clients.admin!.get(query({ from: '2026-10-21', to: '2026-10-20' }))).status).to.equal(400);
  });

  it('given the province admin, when it reads the network and drills down, then 绵阳 rolls up into the province and the drill-down shows it alone', async () => {
    const network = await clients.province!.get(query({}));
    expect(network.status, JSON.stringify(network.body)).to.equal(200);
    expect(network.body.root).to.equal('sichuan-province');
    expect(rounded(network.body.total)).to.deep.equal(rounded(expectedFigures(month, MONTH)));
    expect(network.body.platforms.map((p: { id: string }) => p.id)).to.include.members(['sichuan-province', 'mianyang', COUNTY]);
    const drilled = await clients.province!.get(query({ platformId: 'mianyang' }));
    expect(drilled.body.root).to.equal('mianyang');
    expect(rounded(drilled.body.total)).to.deep.equal(rounded(expectedFigures(month, MONTH)));
    const county = await clients.province!.get(query({ platformId: COUNTY }));
    expect(county.body.total).to.include({ applied: 0, served: 0 });
  });

  it("given a county admin, when it reads, then it sees its county only and a drill-down to the city's figures answers 404", async () => {
    const own = await clients['anzhou-admin']!.get(query({}));
    expect(own.status, JSON.stringify(own.body)).to.equal(200);
    expect(own.body.root).to.equal(COUNTY);
    expect(own.body.platforms.map((p: { id: string }) => p.id)).to.deep.equal([COUNTY]);
    expect(own.body.total).to.include({ applied: 0, served: 0, overdue: 0 });
    for (const platformId of ['mianyang', 'sichuan-province', 'no-such-platform']) {
      const refused = await clients['anzhou-admin']!.get(query({ platformId }));
      expect(refused.status, platformId).to.equal(404);
      expect(JSON.stringify(refused.body)).not.to.contain('"applied"');
    }
  });

  it('given staff, when they read, then only their own platform: the county below is out of their reach; an applicant is refused', async () => {
    const own = await clients.staff1!.get(query({}));
    expect(own.status).to.equal(200);
    expect(own.body.platforms.map((p: { id: string }) => p.id)).to.deep.equal(['mianyang']);
    expect((await clients.staff1!.get(query({ platformId: COUNTY }))).status).to.equal(404);
    expect((await clients.zhangsan!.get(query({}))).status).to.equal(403);
  });

  it('given the item review, when the admin reads it, then unused items are flagged and use and ratings match the record', async () => {
    const answer = await clients.admin!.get('/api/statistics/item-review');
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
    expect(answer.body.thresholds).to.deep.equal({ unusedDays: 180, ratingDays: 365, minEvaluations: 5, maxBadShare: 0.1 });
    const entry = (id: string) => answer.body.items.find((i: { itemId: string }) => i.itemId === id);
    const publicStories = month.stories.filter((s) => s.itemId === PUBLIC_ITEM);
    const rated = publicStories.filter((s) => s.evaluation);
    const bad = rated.filter((s) => (s.evaluation?.level ?? 5) <= 2).length;
    expect(entry(PUBLIC_ITEM)).to.include({ recentApplied: publicStories.length, evaluations: rated.length, badEvaluations: bad });
    expect(entry(PUBLIC_ITEM).reasons).to.deep.equal(bad / rated.length > 0.1 ? ['poorly-rated'] : []);
    expect(entry('patent-pledge-registration').reasons).to.deep.equal(['unused']);
    expect(answer.body.items[0].reasons).to.not.be.empty;
    const lenient = await clients.admin!.get('/api/statistics/item-review?maxBadShare=1&unusedDays=3650');
    expect(lenient.body.items.find((i: { itemId: string }) => i.itemId === PUBLIC_ITEM).reasons).to.deep.equal([]);
    expect((await clients.admin!.get('/api/statistics/item-review?maxBadShare=2')).status).to.equal(400);
    expect((await clients.staff1!.get('/api/statistics/item-review')).status).to.equal(403);
  });
});
