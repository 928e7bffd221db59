/**
 * The yearly assessment over HTTP on both databases: summaries due 31 January (late ones
 * marked), the province's year list with missing platforms, ratings, a 不合格 rectification
 * with a working-day deadline on the platform's calendar, closing it, delisting past the
 * deadline (registry history), and results public only once published.
 */
import { expect } from 'chai';
import type { ApiClient } from '../support/api-client.js';
import { forEachDatabase, type TestStore } from '../support/databases.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { addDeyang } from './isolation/deyang.js';

forEachDatabase('API: yearly assessment', (target) => {
  let store: TestStore;
  let server: TestServer;
  let province: ApiClient;
  let mianyang: ApiClient;
  let deyang: ApiClient;

  before(async function () {
    this.timeout(60_000);
    store = await target.createStore();
    server = await startTestServer({ db: store.db });
    await addDeyang(server.services);
    province = await server.client('province');
    mianyang = await server.client('admin');
    deyang = await server.client('deyang-admin');
  });

  /** Moves the clock and signs everyone in again (sessions end across months). */
  async function at(instant: string): Promise<void> {
    server.clock.set(instant);
    province = await server.client('province');
    mianyang = await server.client('admin');
    deyang = await server.client('deyang-admin');
  }

  after(async () => {
    await server?.close();
    await store?.dispose();
  });

  it('given 31 January, when 绵阳 submits its 2025 summary, then it is on time; 德阳 after the day is marked late', async () => {
    await at('2026-01-31T10:00:00.000Z');
    const onTime = await mianyang.post('/api/network/assessments/2025/summary', { summary: '2025年度：受理服务事项1200件，按时办结率98%。' });
    expect(onTime.status, JSON.stringify(onTime.body)).to.equal(200);
    expect(onTime.body).to.include({ platformId: 'mianyang', year: 2025, isLate: false, rating: null });
    await at('2026-02-01T01:00:00.000Z');
    const late = await deyang.post('/api/network/assessments/2025/summary', { summary: '2025年度工作总结（逾期报送）。' });
    expect(late.body).to.include({ platformId: 'deyang', isLate: true });
  });

  it('given a future year or a bad year, when submitting, then it is refused naming the year', async () => {
    const future = await mianyang.post('/api/network/assessments/2031/summary', { summary: '未来' });
    expect(future.status).to.equal(422);
    expect(future.body.problems[0].path).to.equal('/year');
    expect((await mianyang.post('/api/network/assessments/20x6/summary', { summary: 'x' })).status).to.equal(400);
  });

  it('given the province, when listing 2024, then every platform below it is missing; 2025 shows the two summaries', async () => {
    const y2024 = (await province.get('/api/network/assessments/2024/platforms')).body;
    expect(y2024.platforms.map((p: { platformId: string; isMissing: boolean }) => [p.platformId, p.isMissing])).to.deep.equal([['deyang', true], ['mianyang', true]]);
    const y2025 = (await province.get('/api/network/assessments/2025/platforms')).body;
    expect(y2025.dueAt).to.equal('2026-01-31T15:59:59.999Z');
    expect(y2025.platforms.every((p: { isMissing: boolean }) => !p.isMissing)).to.equal(true);
  });

  it('given 不合格 without a deadline, when rating, then it asks for one; with 10 working days the deadline follows the calendar', async () => {
    const missing = await province.post('/api/network/assessments/2025/platforms/deyang/rating', { rating: 'unqualified', comment: '服务台账不全' });
    expect(missing.status).to.equal(422);
    expect(missing.body.problems[0].path).to.equal('/deadline');
    const rated = await province.post('/api/network/assessments/2025/platforms/deyang/rating', { rating: 'unqualified', comment: '服务台账不全', deadline: { workingDays: 10 } });
    expect(rated.status, JSON.stringify(rated.body)).to.equal(200);
    // 2026-02-01 (Sun): ten working days later, across the Spring Festival holiday if the calendar has it.
    expect(rated.body.rectification).to.include({ status: 'open' });
    expect(rated.body.rectification.dueAt > '2026-02-12T00:00:00.000Z').to.equal(true);
    const twice = await province.post('/api/network/assessments/2025/platforms/deyang/rating', { rating: 'qualified', comment: '改判' });
    expect(twice.status).to.equal(409);
    expect((await province.post('/api/network/assessments/2025/platforms/mianyang/rating', { rating: 'excellent', comment: '特色亮点突出' })).body.rating).to.equal('excellent');
  });

  it('given results not yet published, when anyone reads them, then there are no ratings; once published they show', async () => {
    const anonymous = await server.client();
    expect((await anonymous.get('/api/network/assessments/2025')).body).to.deep.include({ isPublished: false, ratings: [] });
    expect((await province.post('/api/network/assessments/2025/publish')).status).to.equal(200);
    const published = (await anonymous.get('/api/network/assessments/2025')).body;
    expect(published.isPublished).to.equal(true);
    expect(published.ratings.map((r: { platformId: string; rating: string }) => [r.platformId, r.rating])).to.deep.equal([['deyang', 'unqualified'], ['mianyang', 'excellent']]);
  });

  it('given an open rectification before its deadline, when the province delists or closes it unreported, then both are refused', async () => {
    const early = await province.post('/api/network/assessments/2025/platforms/deyang/delist', { reason: '未整改' });
    expect(early.status).to.equal(422);
    expect(early.body.code).to.equal('assessment.deadline-not-passed');
    expect((await province.post('/api/network/assessments/2025/platforms/deyang/rectification/close', { note: '确认' })).body.code).to.equal('assessment.not-reported');
  });

  it('given the deadline passed unrectified, when the province delists, then the registry shows 德阳 delisted with the reason', async () => {
    await at('2026-04-01T01:00:00.000Z');
    const delisted = await province.post('/api/network/assessments/2025/platforms/deyang/delist', { reason: '期满未报送整改情况' });
    expect(delisted.status, JSON.stringify(delisted.body)).to.equal(200);
    expect(delisted.body.rectification.status).to.equal('delisted');
    const detail = (await province.get('/api/network/platforms/deyang')).body;
    expect(detail.status).to.equal('delisted');
    expect(detail.history.at(-1)).to.include({ from: 'listed', to: 'delisted' });
    expect(detail.history.at(-1).reason).to.include('期满未报送整改情况');
  });

  it('given a rectification reported in time, when the province closes it, then it is closed and the platform stays listed', async () => {
    await at('2026-06-01T01:00:00.000Z');
    await mianyang.post('/api/network/assessments/2026/summary', { summary: '2026年度上半年工作总结。' });
    await province.post('/api/network/assessments/2026/platforms/mianyang/rating', { rating: 'unqualified', comment: '回访率偏低', deadline: { date: '2026-07-31' } });
    const reported = await mianyang.post('/api/network/assessments/2026/rectification', { report: '已建立回访台账，回访率达100%。' });
    expect(reported.body.rectification).to.include({ status: 'reported' });
    const closed = await province.post('/api/network/assessments/2026/platforms/mianyang/rectification/close', { note: '整改到位' });
    expect(closed.body.rectification).to.include({ status: 'closed' });
    expect((await province.get('/api/network/platforms/mianyang')).body.status).to.equal('listed');
    const own = (await mianyang.get('/api/network/assessments/2026/summary')).body;
    expect(own.assessment.rectification.status).to.equal('closed');
  });

  it('given a platform admin, when reading another platform or rating, then it is refused', async () => {
    expect((await mianyang.get('/api/network/assessments/2025/platforms')).status).to.equal(403);
    expect((await mianyang.post('/api/network/assessments/2025/platforms/deyang/rating', { rating: 'excellent', comment: 'x' })).status).to.equal(403);
    expect((await province.post('/api/network/assessments/2025/platforms/nowhere/rating', { rating: 'excellent', comment: 'x' })).status).to.equal(404);
  });
});
