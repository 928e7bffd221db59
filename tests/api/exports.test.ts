/**
 * Excel exports of cases and evaluations over HTTP. 绵阳 has an online case with canary ID
 * numbers and phones, a counter case, and completed cases rated 不满意 (with a reply and the
 * rectification it opened) and 非常满意, on two days; a county platform below 绵阳 has none.
 * The workbooks read back with exceljs carry the right headers, rows and masked values, and no
 * canary appears unmasked in any cell or in the zip's raw XML; the inbox's filters, the date
 * range, the item and the level narrow them; lang=en gives English; the row limit is said; the
 * county's staff see none of 绵阳's cases; every export is in the audit trail with its filter.
 */
import { expect } from 'chai';
import { residentIdCheckChar } from '../../engine/forms/identity.js';
import { maskPersonal } from '../../engine/forms/personal-values.js';
import { listAuditRecords } from '../../storage/audit-records.js';
import type { ApiClient, ApiResponse } from '../support/api-client.js';
import { forEachDatabase } from '../support/databases.js';
import { AGENT_PLEDGE_MATERIALS, uploadPledgeFiles } from './support/applying.js';
import { useApiSuite } from './support/api-suite.js';
import { addCounty, COUNTY } from './support/county.js';
import { everyText, readExport, type ExportedWorkbook } from './support/exported-workbook.js';
import { act, allOk, PLEDGE_ITEM, pledgeData, submitPledge } from './support/pledge.js';

const idOf = (body: string) => body + residentIdCheckChar(body);
const canaries = {
  pledgorId: idOf('51070319870512661'),
  agentId: idOf('51070319910817662'),
  agentPhone: '13512366001',
  contactPhone: '13512366002',
  counterPhone: '13512366003',
  counterId: idOf('51070319790203663'),
  commentPhone: '13512366004',
};

const CASE_HEADERS = ['办件编号', '服务事项', '申请人', '证件号码', '联系电话', '办件状态', '当前环节', '申请时间', '办结时间', '办理时限', '是否按时', '申请渠道'];
const CASE_HEADERS_EN = ['Case number', 'Service item', 'Applicant', 'ID number', 'Phone', 'Status', 'Step', 'Submitted', 'Closed', 'Due', 'On time', 'Channel'];
const EVALUATION_HEADERS = ['办件编号', '服务事项', '评价等级', '评价阶段', '评价环节', '评价内容', '评价时间', '回复', '回复时间', '整改情况'];

forEachDatabase('API: Excel exports of cases and evaluations', (target) => {
  const suite = useApiSuite(target);
  let zhangsan: ApiClient;
  let staff1: ApiClient;
  const cases: Record<'online' | 'counter' | 'bad' | 'good', any> = {} as never;

  const signIn = async () => {
    zhangsan = await suite.server.client('zhangsan');
    staff1 = await suite.server.client('staff1');
  };

  /** Submitted, accepted and completed by staff1; the case waits for its evaluation. */
  async function completed(): Promise<any> {
    const submitted = await submitPledge(zhangsan, { hasAgentIdentity: true });
    const accepted = await act(staff1, submitted.body, 'accept', { verdicts: allOk(submitted.body) });
    const done = await act(staff1, accepted.body, 'complete', { payload: { result: '准予登记' } });
    expect(done.status, JSON.stringify(done.body)).to.equal(200);
    return done.body;
  }

  before(async function () {
    this.timeout(120_000);
    await signIn();
    const data = pledgeData({ pledgorType: 'individual', pledgorName: '钱七', pledgorCertificateNo: canaries.pledgorId, agentIdNumber: canaries.agentId, agentPhone: canaries.agentPhone, contactPhone: canaries.contactPhone });
    cases.online = (await submitPledge(zhangsan, { hasAgentIdentity: true, data })).body;
    const registered = await staff1.post('/api/cases', {
      item: PLEDGE_ITEM,
      data: pledgeData(),
      applicant: { name: '孙八', phone: canaries.counterPhone, idNumber: canaries.counterId },
      fileRefs: await uploadPledgeFiles(staff1, AGENT_PLEDGE_MATERIALS.slice(0, 2)),
    });
    expect(registered.status, JSON.stringify(registered.body)).to.equal(201);
    cases.counter = registered.body;
    // Two days later: two cases completed and rated, one badly (with a phone in the comment), and replied to.
    suite.server.clock.set('2026-09-23T10:00:00+08:00');
    await signIn();
    const bad = await completed();
    const rated = await act(zhangsan, bad, 'evaluate', { payload: { level: 2, comment: `通知不及时，请回电 ${canaries.commentPhone}` } });
    expect(rated.status, JSON.stringify(rated.body)).to.equal(200);
    const replied = await staff1.post(`/api/cases/${bad.id}/evaluation-reply`, { text: '已核实，已调整通知流程。', version: rated.body.version });
    expect(replied.status, JSON.stringify(replied.body)).to.equal(200);
    cases.bad = rated.body;
    const good = await completed();
    cases.good = (await act(zhangsan, good, 'evaluate', { payload: { level: 5, comment: '很满意' } })).body;
    await addCounty(suite.server.services);
  });

  const download = async (client: ApiClient, path: string): Promise<{ answer: ApiResponse; workbook: ExportedWorkbook }> => {
    const answer = await client.download(path);
    expect(answer.status, String(answer.text)).to.equal(200);
    return { answer, workbook: await readExport(answer.body as Buffer) };
  };
  const numbers = (workbook: ExportedWorkbook, header = '办件编号') => workbook.records.map((r) => r[header]).sort();

  it('given 绵阳 staff, when they export the cases, then the attachment has the Chinese headers and one row per case, personal data masked', async () => {
    const { answer, workbook } = await download(staff1, '/api/exports/cases.xlsx');
    expect(answer.headers.get('content-type')).to.equal('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(answer.headers.get('content-disposition')).to.match(/^attachment; filename=.*mianyang-%E5%8A%9E%E4%BB%B6-20260923\.xlsx$/);
    expect(workbook.data.name).to.equal('办件');
    expect(workbook.data.headers).to.deep.equal(CASE_HEADERS);
    expect(numbers(workbook)).to.deep.equal([cases.online.number, cases.counter.number, cases.bad.number, cases.good.number].sort());
    const online = workbook.records.find((r) => r['办件编号'] === cases.online.number) as Record<string, string>;
    const listed = (cell: string | undefined) => String(cell).split('、').sort();
    expect(listed(online['证件号码'])).to.deep.equal([canaries.pledgorId, canaries.agentId].map(maskPersonal).sort());
    expect(listed(online['联系电话'])).to.deep.equal([canaries.agentPhone, canaries.contactPhone].map(maskPersonal).sort());
    expect(online).to.include({ 申请人: '张三（演示申请人）', 办件状态: '办理中', 当前环节: '申请受理', 申请时间: '2026-09-21 09:00', 办结时间: '', 申请渠道: '网上申请' });
    const counter = workbook.records.find((r) => r['办件编号'] === cases.counter.number) as Record<string, string>;
    expect(counter).to.include({ 申请人: '孙八', 申请渠道: '窗口受理' });
    const good = workbook.records.find((r) => r['办件编号'] === cases.good.number) as Record<string, string>;
    expect(good).to.include({ 办件状态: '已办结', 办结时间: '2026-09-23 10:00', 是否按时: '是' });
    expect(workbook.about.get('导出行数')).to.equal('4');
    expect(workbook.about.get('')).to.include('已导出全部符合条件的行');
  });

  it('given every export there is, when each cell and the raw XML are scanned, then no ID number or phone is there in full, and the masks are', async () => {
    const texts = [
      ...everyText((await download(staff1, '/api/exports/cases.xlsx')).workbook),
      ...everyText((await download(staff1, `/api/exports/cases.xlsx?q=${canaries.agentPhone}`)).workbook),
      ...everyText((await download(staff1, '/api/exports/evaluations.xlsx')).workbook),
    ].join('\n');
    for (const value of Object.values(canaries)) expect(texts, value).not.to.include(value);
    // The counter applicant's phone and ID number are on their account, not in the case's data: no case view shows them.
    for (const value of [canaries.pledgorId, canaries.agentId, canaries.agentPhone, canaries.contactPhone, canaries.commentPhone]) expect(texts).to.include(maskPersonal(value));
  });

  it('given the inbox filters, the item and the date range, when exporting, then only the matching cases are rows', async () => {
    const of = async (query: string) => numbers((await download(staff1, `/api/exports/cases.xlsx?${query}`)).workbook);
    expect(await of('status=completed')).to.deep.equal([cases.bad.number, cases.good.number].sort());
    // Registered at the counter with two materials of five, a case waits for the rest (补正).
    expect(await of('view=toAccept')).to.deep.equal([cases.online.number]);
    expect(await of('view=returned')).to.deep.equal([cases.counter.number]);
    expect(await of('step=supplement&status=open')).to.deep.equal([cases.counter.number]);
    expect(await of('to=2026-09-21')).to.deep.equal([cases.online.number, cases.counter.number].sort());
    expect(await of('from=2026-09-22&to=2026-09-23')).to.deep.equal([cases.bad.number, cases.good.number].sort());
    expect(await of(`q=${cases.good.number}`)).to.deep.equal([cases.good.number]);
    expect(await of(`item=${PLEDGE_ITEM}&from=2026-09-24`)).to.deep.equal([]);
    expect(await of('item=ip-policy-consulting')).to.deep.equal([]);
  });

  it('given lang=en, when exporting, then headers, sheet names and labels are English', async () => {
    const { workbook } = await download(staff1, '/api/exports/cases.xlsx?lang=en&status=completed');
    expect(workbook.data.name).to.equal('Cases');
    expect(workbook.data.headers).to.deep.equal(CASE_HEADERS_EN);
    expect(workbook.records.map((r) => r['Status'])).to.deep.equal(['Completed', 'Completed']);
    expect(workbook.sheets[1]?.name).to.equal('About');
    const evaluations = (await download(staff1, '/api/exports/evaluations.xlsx?lang=en')).workbook;
    expect(evaluations.records.map((r) => r['Level']).sort()).to.deep.equal(['Dissatisfied', 'Very satisfied']);
  });

  it('given a limit of one row, when exporting, then one row is written and the about sheet says the limit cut it', async () => {
    const { workbook } = await download(staff1, '/api/exports/cases.xlsx?limit=1');
    expect(workbook.records).to.have.length(1);
    expect(workbook.about.get('')).to.include('只导出了前 1 行');
  });

  it('given the evaluations, when exported, then each is a row with its level label, stage, comment masked, reply and rectification', async () => {
    const { workbook } = await download(staff1, '/api/exports/evaluations.xlsx');
    expect(workbook.data.headers).to.deep.equal(EVALUATION_HEADERS);
    const bad = workbook.records.find((r) => r['办件编号'] === cases.bad.number) as Record<string, string>;
    expect(bad).to.include({ 评价等级: '不满意', 评价阶段: '质量监督', 评价内容: `通知不及时，请回电 ${maskPersonal(canaries.commentPhone)}`, 评价时间: '2026-09-23 10:00', 回复: '已核实，已调整通知流程。', 整改情况: '整改中' });
    const good = workbook.records.find((r) => r['办件编号'] === cases.good.number) as Record<string, string>;
    expect(good).to.include({ 评价等级: '非常满意', 回复: '', 整改情况: '无需整改' });
    expect(numbers((await download(staff1, '/api/exports/evaluations.xlsx?level=2')).workbook)).to.deep.equal([cases.bad.number]);
    expect(numbers((await download(staff1, '/api/exports/evaluations.xlsx?to=2026-09-22')).workbook)).to.deep.equal([]);
  });

  it("given the county's staff, when they export, then the files carry none of 绵阳's cases", async () => {
    const county = await suite.server.client('county-staff');
    for (const path of ['/api/exports/cases.xlsx?view=all', '/api/exports/evaluations.xlsx']) {
      const { workbook } = await download(county, path);
      expect(workbook.records).to.deep.equal([]);
      expect(workbook.about.get('平台')).to.equal(COUNTY);
      const texts = everyText(workbook).join('\n');
      for (const kase of Object.values(cases)) expect(texts).not.to.include(kase.number);
    }
  });

  it('given an applicant, or a wrong query, when exporting, then it is refused with a problem, not a file', async () => {
    expect((await zhangsan.download('/api/exports/cases.xlsx')).status).to.equal(403);
    for (const query of ['view=nope', 'status=done', 'from=2026-02-30', 'from=2026-09-23&to=2026-09-21', 'lang=fr', 'limit=0']) {
      const answer = await staff1.download(`/api/exports/cases.xlsx?${query}`);
      expect(answer.status, query).to.equal(400);
      expect(answer.headers.get('content-disposition'), query).to.equal(null);
      expect(answer.body.code).to.equal('request.query-invalid');
    }
    expect((await staff1.download('/api/exports/evaluations.xlsx?level=6')).status).to.equal(400);
  });

  it('given exports, when the audit trail is read, then each names who exported which filter and how many rows, the search masked', async () => {
    await download(staff1, `/api/exports/cases.xlsx?status=completed&q=${canaries.agentPhone}`);
    const records = await listAuditRecords(suite.store.db.knex, { platformIds: ['mianyang'], limit: 200, action: 'export.cases' });
    const latest = records[0];
    expect(latest).to.include({ userId: 'demo-staff1', status: 200, result: 'success' });
    expect(latest?.detail).to.deep.include({ filter: `status=completed; q=${maskPersonal(canaries.agentPhone)}`, rows: 0, isTruncated: false });
    const evaluations = await listAuditRecords(suite.store.db.knex, { platformIds: ['mianyang'], limit: 200, action: 'export.evaluations' });
    expect(evaluations.map((r) => r.detail['filter'])).to.include('level=2');
  });
});
