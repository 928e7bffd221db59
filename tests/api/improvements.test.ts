/**
 * Improvement measures (改进举措) over HTTP: the platform admin records one answering a
 * complaint, moves it through its statuses (each change kept and audited), and publishes it;
 * the public page lists only published measures, in their own words, with nothing of the
 * person who complained.
 */
import { expect } from 'chai';
import type { ApiClient } from '../support/api-client.js';
import { forEachDatabase } from '../support/databases.js';
import { useApiSuite } from './support/api-suite.js';

const COMPLAINT = '绵阳大厅取号机经常故障，排队两个小时。';
const MEASURE = {
  title: '更换大厅取号设备',
  description: '更换取号机并增设线上预约取号。',
  source: 'feedback',
  department: '综合服务窗口',
  targetDate: '2026-11-30',
};

forEachDatabase('API: improvement measures (改进举措) and their public page', (target) => {
  const suite = useApiSuite(target, { start: '2026-10-12T09:00:00+08:00' });
  let zhangsan: ApiClient;
  let staff1: ApiClient;
  let admin: ApiClient;
  let auditor: ApiClient;
  let anonymous: ApiClient;
  let complaintId: string;
  let measureId: string;
  let hiddenId: string;

  const publicList = async () => {
    const response = await anonymous.get('/api/public/improvements?platformId=mianyang');
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    return response.body.measures as Array<Record<string, unknown>>;
  };

  /** Signs everyone in (again): sessions run out while the clock jumps over days. */
  const signIn = async () => {
    zhangsan = await suite.server.client('zhangsan');
    staff1 = await suite.server.client('staff1');
    admin = await suite.server.client('admin');
    auditor = await suite.server.client('auditor');
    anonymous = await suite.server.client();
  };

  before(async () => {
    await signIn();
    const filed = await zhangsan.post('/api/feedback', { kind: 'complaint', text: COMPLAINT });
    expect(filed.status, JSON.stringify(filed.body)).to.equal(201);
    complaintId = filed.body.id;
  });

  it('given the complaint, when the admin records a measure answering it, then it is planned, unpublished and linked both ways', async () => {
    const created = await admin.post('/api/improvements', { ...MEASURE, feedbackIds: [complaintId] });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    measureId = created.body.id;
    expect(created.body).to.include({ status: 'planned', isPublished: false, result: null, title: MEASURE.title });
    expect(created.body.feedbackIds).to.deep.equal([complaintId]);
    expect(created.body.history.map((h: { fromStatus: string | null; toStatus: string }) => [h.fromStatus, h.toStatus])).to.deep.equal([[null, 'planned']]);
    const mine = (await zhangsan.get('/api/feedback')).body.feedback as Array<{ id: string; measureId: string | null }>;
    expect(mine.find((f) => f.id === complaintId)?.measureId).to.equal(measureId);
    const hidden = await admin.post('/api/improvements', { ...MEASURE, title: '内部整改（不公开）', source: 'supervision' });
    hiddenId = hidden.body.id;
    expect(await publicList()).to.deep.equal([]);
  });

  it('given wrong input, when recording a measure, then it is refused naming the field', async () => {
    const date = await admin.post('/api/improvements', { ...MEASURE, targetDate: '2026-02-30' });
    expect(date.status).to.equal(422);
    expect(date.body.problems.map((p: { path: string }) => p.path)).to.deep.equal(['/targetDate']);
    const source = await admin.post('/api/improvements', { ...MEASURE, source: 'evaluation', feedbackIds: [complaintId] });
    expect(source.body.problems.map((p: { path: string }) => p.path)).to.deep.equal(['/feedbackIds']);
    expect((await admin.post('/api/improvements', { ...MEASURE, feedbackIds: ['no-such-feedback'] })).status).to.equal(404);
    expect((await staff1.post('/api/improvements', MEASURE)).status, 'staff do not record measures').to.equal(403);
  });

  it('given the measure, when it goes in progress and is published, then the public page shows it with its own words and dates only', async () => {
    suite.server.clock.set('2026-10-13T10:00:00+08:00');
    await signIn();
    const started = await admin.post(`/api/improvements/${measureId}/status`, { status: 'in-progress', note: '已采购设备', isPublished: true });
    expect(started.status, JSON.stringify(started.body)).to.equal(200);
    const measures = await publicList();
    expect(measures.map((m) => m.id)).to.deep.equal([measureId]);
    expect(measures[0]).to.include({ title: MEASURE.title, status: 'in-progress', department: MEASURE.department, targetDate: MEASURE.targetDate });
    expect(measures[0]?.history).to.deep.equal([
      { status: 'planned', at: '2026-10-12T01:00:00.000Z' },
      { status: 'in-progress', at: '2026-10-13T02:00:00.000Z' },
    ]);
    const text = JSON.stringify(measures);
    for (const secret of [COMPLAINT, complaintId, '张三', 'demo-zhangsan', '绵阳平台管理员', hiddenId, '已采购设备']) expect(text, secret).not.to.include(secret);
  });

  it('given the measure, when it is marked done without a result, then it is refused; with one, its history holds every change', async () => {
    const bare = await admin.post(`/api/improvements/${measureId}/status`, { status: 'done' });
    expect(bare.status).to.equal(422);
    expect(bare.body.problems.map((p: { path: string }) => p.path)).to.deep.equal(['/result']);
    suite.server.clock.set('2026-10-20T16:00:00+08:00');
    await signIn();
    const done = await admin.post(`/api/improvements/${measureId}/status`, { status: 'done', result: '平均排队时间降至15分钟。' });
    expect(done.status, JSON.stringify(done.body)).to.equal(200);
    expect(done.body).to.include({ status: 'done', result: '平均排队时间降至15分钟。', isPublished: true });
    const history = done.body.history as Array<{ fromStatus: string | null; toStatus: string; note: string | null; byName: string }>;
    expect(history.map((h) => [h.fromStatus, h.toStatus, h.note])).to.deep.equal([[null, 'planned', null], ['planned', 'in-progress', '已采购设备'], ['in-progress', 'done', null]]);
    expect(history.every((h) => h.byName === '绵阳平台管理员（演示）')).to.equal(true);
    expect((await admin.post(`/api/improvements/${measureId}/status`, { status: 'done' })).status, 'no change').to.equal(422);
    expect((await publicList())[0]).to.include({ status: 'done', result: '平均排队时间降至15分钟。' });
  });

  it('given the changes, when the auditor reads the trail, then each status change is recorded with the measure and its statuses', async () => {
    const action = encodeURIComponent('POST /api/improvements/:measureId/status');
    const records = (await auditor.get(`/api/audit-records?action=${action}&result=success`)).body.records as Array<{ detail: Record<string, unknown> }>;
    expect(records.map((r) => [r.detail.from, r.detail.to])).to.deep.equal([['in-progress', 'done'], ['planned', 'in-progress']]);
    expect(records.every((r) => r.detail.measureId === measureId)).to.equal(true);
  });

  it('given the lists, when read, then the admin sees both measures and the public page no unknown platform', async () => {
    const all = (await admin.get('/api/improvements')).body.measures as Array<{ id: string }>;
    expect(all.map((m) => m.id).sort()).to.deep.equal([measureId, hiddenId].sort());
    expect((await anonymous.get('/api/public/improvements?platformId=no-such-platform')).status).to.equal(404);
    const missing = await anonymous.get('/api/public/improvements');
    expect(missing.status).to.equal(400);
    expect(missing.body.problems.map((p: { path: string }) => p.path)).to.deep.equal(['/platformId']);
  });
});
