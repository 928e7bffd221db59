/**
 * Objects that belong to 绵阳 and must stay invisible to everyone else: zhangsan's open case
 * with uploaded files, a closed case whose bad review opened a rectification task, the in-app
 * messages the worker delivered, a platform-own published service item and a draft one.
 */
import { expect } from 'chai';
import { runWorkerOnce } from '../../../server/worker/worker.js';
import { inAppChannel } from '../../../server/worker/channels/in-app.js';
import { listMessages } from '../../../storage/messages.js';
import { listTasks } from '../../../storage/tasks.js';
import type { ApiClient } from '../../support/api-client.js';
import type { TestServer } from '../../support/test-server.js';

export const MIANYANG = 'mianyang';

/** zhangsan's form data: distinctive values a leak would carry. */
export const zhangsanData = {
  applicantType: 'organization',
  applicantName: '绵阳张三隔离测试有限公司',
  certificateNo: '91350100M000100Y43',
  subject: '隔离测试咨询事项',
  description: '这是一段只有绵阳平台才能看到的情况说明文字。',
  isAgent: false,
  contactName: '张三',
  contactPhone: '13800138000',
};

export interface MianyangObjects {
  /** zhangsan's open case, waiting for acceptance, with uploaded files. */
  caseId: string;
  caseNumber: string;
  caseVersion: number;
  fileId: string;
  fileContent: string;
  /** zhangsan's closed case with a bad review. */
  closedCaseId: string;
  closedCaseNumber: string;
  taskIds: string[];
  messageIds: string[];
  /** zhangsan's answered consultation, promoted into the FAQ handbook in other words. */
  consultation: { id: string; question: string; faqId: string };
  /** zhangsan's complaint about the closed case (open), and the published measure that answers it. */
  feedback: { id: string; text: string; measureId: string };
  /** Staff's open appeal (申诉复核) against the closed case's bad review, and its reason. */
  appeal: { id: string; reason: string };
  /** The platform's reply to the bad review and the follow-up visit on its rectification task. */
  replyText: string;
  visitNote: string;
  /** A 绵阳-own service item, published; applicants of 绵阳 may apply for it. */
  ownItem: { kind: 'ServiceItem'; id: string };
  /** A 绵阳-own service item saved as a draft only. */
  draft: { kind: 'ServiceItem'; id: string; hash: string };
  /** Content hashes of every definition 绵阳 owns. */
  definitionHashes: string[];
}

export const OWN_ITEM_ID = 'mianyang-own-consulting';
export const DRAFT_ITEM_ID = 'mianyang-draft-consulting';

async function saveItemCopy(admin: ApiClient, input: { id: string; title: string }): Promise<{ hash: string }> {
  const province = await admin.get('/api/definitions/ServiceItem/ip-policy-consulting');
  expect(province.status).to.equal(200);
  const { version: _version, ...body } = province.body.versions.at(-1).body as Record<string, unknown>;
  const saved = await admin.put(`/api/definitions/ServiceItem/${input.id}`, { ...body, id: input.id, title: input.title });
  expect(saved.status, JSON.stringify(saved.body)).to.equal(200);
  expect(saved.body.problems).to.deep.equal([]);
  return { hash: saved.body.draft.hash };
}

async function apply(applicant: ApiClient, item: string) {
  const started = await applicant.postMultipart(
    '/api/cases',
    { item, data: zhangsanData },
    {
      applicationForm: [{ name: '申请表.pdf', content: '%PDF-1.4 绵阳申请表 only' }],
      identity: [{ name: '营业执照.pdf', content: '%PDF-1.4 绵阳营业执照 only' }],
    },
  );
  expect(started.status, JSON.stringify(started.body)).to.equal(201);
  expect(started.body.step).to.equal('accept');
  return started.body;
}

async function act(client: ApiClient, kase: { id: string; version: number }, action: string, payload: Record<string, unknown> = {}) {
  const response = await client.post(`/api/cases/${kase.id}/actions/${action}`, { version: kase.version, payload });
  expect(response.status, `${action}: ${JSON.stringify(response.body)}`).to.equal(200);
  return response.body;
}

/** zhangsan asks about 绵阳's own item, staff answer, the admin puts it in the handbook reworded. */
async function consult(clients: { zhangsan: ApiClient; staff: ApiClient; admin: ApiClient }) {
  const question = '绵阳张三隔离测试：我司这份说明材料能否下周补交？';
  const asked = await clients.zhangsan.post('/api/consultations', { itemId: OWN_ITEM_ID, question });
  expect(asked.status, JSON.stringify(asked.body)).to.equal(201);
  const answered = await clients.staff.post(`/api/consultations/${asked.body.id}/answer`, { answer: '可以，请在受理前补齐。' });
  expect(answered.status, JSON.stringify(answered.body)).to.equal(200);
  const promoted = await clients.admin.post(`/api/consultations/${asked.body.id}/faq`, { question: '材料可以晚些补交吗？' });
  expect(promoted.status, JSON.stringify(promoted.body)).to.equal(201);
  return { id: asked.body.id as string, question, faqId: promoted.body.id as string };
}

/** zhangsan complains about the closed case; the admin publishes a measure that answers it. */
async function complain(clients: { zhangsan: ApiClient; admin: ApiClient }, caseId: string) {
  const text = '绵阳张三隔离测试投诉：窗口人员让我跑了三趟。';
  const filed = await clients.zhangsan.post('/api/feedback', { kind: 'complaint', text, caseId });
  expect(filed.status, JSON.stringify(filed.body)).to.equal(201);
  const measure = { title: '窗口一次告知（隔离测试）', description: '材料清单一次告知到位。', source: 'feedback', feedbackIds: [filed.body.id], department: '综合窗口', targetDate: '2026-12-31', isPublished: true };
  const created = await clients.admin.post('/api/improvements', measure);
  expect(created.status, JSON.stringify(created.body)).to.equal(201);
  return { id: filed.body.id as string, text, measureId: created.body.id as string };
}

/** Creates the 绵阳 objects through the API (and one worker pass for the in-app messages). */
export async function createMianyangObjects(server: TestServer): Promise<MianyangObjects> {
  const admin = await server.client('admin');
  await saveItemCopy(admin, { id: OWN_ITEM_ID, title: '绵阳特色政策咨询（隔离测试）' });
  const published = await admin.post('/api/definitions/publish', { definitions: [{ kind: 'ServiceItem', id: OWN_ITEM_ID }] });
  expect(published.status, JSON.stringify(published.body)).to.equal(200);
  const draft = await saveItemCopy(admin, { id: DRAFT_ITEM_ID, title: '绵阳草稿事项（隔离测试）' });

  const zhangsan = await server.client('zhangsan');
  const staff = await server.client('staff1');
  const open = await apply(zhangsan, OWN_ITEM_ID);
  const file = open.materials.find((m: { key: string }) => m.key === 'applicationForm').files[0];

  let closed = await apply(zhangsan, OWN_ITEM_ID);
  closed = await act(staff, closed, 'accept');
  closed = await act(staff, closed, 'complete', { result: '已答复（隔离测试）' });
  closed = await act(zhangsan, closed, 'evaluate', { level: 1, comment: '隔离测试差评' });
  const consultation = await consult({ zhangsan, staff, admin });
  const feedback = await complain({ zhangsan, admin }, closed.id);
  const appealReason = '绵阳隔离测试申诉：申请人误评，已电话核实。';
  const appealed = await staff.post(`/api/cases/${closed.id}/evaluation-appeals`, { evaluationAt: closed.evaluations[0].at, reason: appealReason });
  expect(appealed.status, JSON.stringify(appealed.body)).to.equal(201);
  const replyText = '绵阳隔离测试：已安排专人核实，感谢您的反馈。';
  expect((await staff.post(`/api/cases/${closed.id}/evaluation-reply`, { text: replyText, version: closed.version })).status).to.equal(200);
  await runWorkerOnce(server.services, { workerId: 'isolation-test', channels: [inAppChannel(server.services)] });

  const knex = server.services.db.knex;
  const taskIds = (await listTasks(knex, { platformId: MIANYANG })).map((t) => t.id);
  const messageIds = [];
  for (const userId of ['demo-zhangsan', 'demo-staff1', 'demo-staff2', 'demo-admin', 'demo-auditor']) {
    messageIds.push(...(await listMessages(knex, { userId })).map((m) => m.id));
  }
  const own = await admin.get('/api/definitions');
  const definitionHashes = (own.body.definitions as Array<{ platformId: string; hash: string }>).filter((d) => d.platformId === MIANYANG).map((d) => d.hash);
  expect(taskIds, 'a bad review opens a rectification task').to.have.length.greaterThan(0);
  const visitNote = '绵阳隔离测试回访：申请人表示已了解处理情况。';
  const visited = await staff.post(`/api/tasks/${taskIds[0]}/visits`, { note: visitNote, outcome: 'satisfied' });
  expect(visited.status, JSON.stringify(visited.body)).to.equal(201);
  expect(messageIds, 'the worker delivered in-app messages').to.have.length.greaterThan(0);
  return {
    caseId: open.id,
    caseNumber: open.number,
    caseVersion: open.version,
    fileId: file.id,
    fileContent: '%PDF-1.4 绵阳申请表 only',
    closedCaseId: closed.id,
    closedCaseNumber: closed.number,
    taskIds,
    messageIds,
    consultation,
    feedback,
    appeal: { id: appealed.body.id as string, reason: appealReason },
    replyText,
    visitNote,
    ownItem: { kind: 'ServiceItem', id: OWN_ITEM_ID },
    draft: { kind: 'ServiceItem', id: DRAFT_ITEM_ID, hash: draft.hash },
    definitionHashes,
  };
}
