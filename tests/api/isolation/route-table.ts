/**
 * How the isolation matrix calls each route, keyed "METHOD /path" exactly as `routes` declares
 * it. A route missing here fails the matrix: a new route must say how it is reached before it
 * ships.
 *
 * Reach, i.e. what a caller touches through the route:
 * - object: a 绵阳 object named by id; a foreign caller gets what a missing id gets
 *   (`foreignStatus`, 404 unless stated) with the same body;
 * - list: a list scoped to the caller; it must carry nothing of 绵阳's;
 * - own: the caller's own session;
 * - ownWrite: a write that lands on the caller's own platform (ids are per platform), never on 绵阳's;
 * - public: public by design (catalog, API description); it must carry no case data.
 * - ownCreate: a write that creates or sets something of the caller's own platform only (a
 *   package, a signing or trusted key, a federation source): it succeeds and carries nothing of 绵阳's.
 * - self: the caller's own account, naming nothing else (changing one's password); the call is
 *   refused for the caller's own input (422), so the account stays as it was.
 * - network: the caller's platform and those below it, as counts and definition versions: it must
 *   carry no case data ever, and nothing of 绵阳's unless 绵阳 is at or below the caller's platform.
 * - audit: the audit trail of the caller's own platform: every record is of that platform, and
 *   apart from the ids the caller's own requests aimed at (`objectId`) it carries nothing of 绵阳's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { definitionsDir } from '../../../server/paths.js';
import type { ApiClient, ApiResponse } from '../../support/api-client.js';
import { everyText, readExport } from '../support/exported-workbook.js';
import { zhangsanData } from './mianyang-objects.js';
import { networkRouteTable } from './network-route-table.js';
import type { Targets } from './targets.js';

export type Reach = 'object' | 'list' | 'own' | 'ownWrite' | 'public' | 'network' | 'ownCreate' | 'audit' | 'self';

export interface CallContext {
  /** The caller's signed-in (or anonymous) client. */
  client: ApiClient;
  /** A new client for the same caller, for calls that end its session. */
  fresh: () => Promise<ApiClient>;
  targets: Targets;
}

export interface RouteCall {
  reach: Reach;
  /** The status a foreign object answers with when the caller's role may use the route. */
  foreignStatus?: number;
  call: (context: CallContext) => Promise<ApiResponse[]>;
}

const provinceDocument = (folder: string, id: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(definitionsDir, 'province', folder, `${id}.json`), 'utf8')) as Record<string, unknown>;

/** A list that names the targets' items: validating it must not reveal whether they exist. */
function listNaming(targets: Targets): Record<string, unknown> {
  const { version: _version, ...list } = provinceDocument('lists', 'province-public-list');
  return { ...list, id: 'isolation-probe-list', entries: [{ item: targets.ownItemId }, { item: targets.definition.id }] };
}

/** A service item under the draft's id, as another platform would save its own. */
function itemNamed(id: string): Record<string, unknown> {
  const { version: _version, ...item } = provinceDocument('items', 'ip-policy-consulting');
  return { ...item, id, title: '同名事项（隔离测试，非绵阳）' };
}

const files = {
  applicationForm: [{ name: '申请表.pdf', content: '%PDF-1.4 probe' }],
  identity: [{ name: '营业执照.pdf', content: '%PDF-1.4 probe' }],
};

/**
 * An export as the texts a reader finds in it (each cell, the zip's XML): the leak check then
 * reads the file, not deflated bytes. The 筛选条件 fact echoes the caller's own query (ids it
 * aimed at), as the audit reach leaves out `objectId`; everything else is checked.
 */
async function exportTexts(client: ApiClient, path: string): Promise<ApiResponse> {
  const answer = await client.download(path);
  if (answer.status !== 200) return answer;
  const workbook = await readExport(answer.body as Buffer);
  const echo = workbook.about.get('筛选条件') as string;
  return { ...answer, body: everyText(workbook).map((text) => text.replaceAll(echo, '[filter]')).join('\n') };
}

/** Every action of the standard flow, tried on the open and the closed case. */
const actions = ['submit', 'accept', 'return', 'reject', 'withdraw', 'resubmit', 'progress', 'complete', 'evaluate', 'close'];
const actionPayload = { reason: '隔离测试', result: '隔离测试', note: '隔离测试', level: 5 };

async function actEverywhere({ client, targets }: CallContext): Promise<ApiResponse[]> {
  const answers: ApiResponse[] = [];
  for (const caseId of [targets.caseId, targets.closedCaseId]) {
    for (const action of actions) {
      answers.push(await client.post(`/api/cases/${caseId}/actions/${action}`, { version: targets.caseVersion, payload: actionPayload }));
    }
  }
  answers.push(
    await client.postMultipart(`/api/cases/${targets.caseId}/actions/resubmit`, { version: String(targets.caseVersion), payload: {} }, files),
  );
  return answers;
}

export const routeTable: Record<string, RouteCall> = {
  'POST /api/session': {
    reach: 'object',
    // Signing in as a 绵阳 account without its password answers like an unknown username.
    foreignStatus: 401,
    call: async ({ client, targets }) => [await client.post('/api/session', { username: targets.username, password: 'Wrong@2026x' })],
  },
  'GET /api/session': { reach: 'own', call: async ({ client }) => [await client.get('/api/session')] },
  'GET /api/audit-records': {
    reach: 'audit',
    call: async ({ client }) => [await client.get('/api/audit-records'), await client.get('/api/audit-records?result=failure&limit=5')],
  },
  'DELETE /api/session': { reach: 'own', call: async ({ fresh }) => [await (await fresh()).delete('/api/session')] },
  'GET /api/csrf': { reach: 'public', call: async ({ client }) => [await client.get('/api/csrf')] },
  // A wrong current password: the caller's own account is asked, and nothing changes.
  'POST /api/session/password': { reach: 'self', call: async ({ client }) => [await client.post('/api/session/password', { currentPassword: 'Wrong@2026x', newPassword: 'Isolation#Probe-2026' })] },
  'POST /api/definitions/validate': {
    reach: 'object',
    foreignStatus: 200,
    call: async ({ client, targets }) => [await client.post('/api/definitions/validate', { definitions: [listNaming(targets)] })],
  },
  'GET /api/definitions': {
    reach: 'list',
    call: async ({ client }) => [await client.get('/api/definitions'), await client.get('/api/definitions?status=draft')],
  },
  'GET /api/definitions/:kind/:id': {
    reach: 'object',
    call: async ({ client, targets }) => [
      await client.get(`/api/definitions/${targets.definition.kind}/${targets.definition.id}`),
      await client.get(`/api/definitions/ServiceItem/${targets.ownItemId}`),
    ],
  },
  'GET /api/definitions/:kind/:id/diff': {
    reach: 'object',
    call: async ({ client, targets }) => [
      await client.get(`/api/definitions/${targets.definition.kind}/${targets.definition.id}/diff?from=1&to=draft`),
      await client.get(`/api/definitions/ServiceItem/${targets.ownItemId}/diff?from=1&to=1`),
    ],
  },
  'POST /api/definitions/:kind/:id/rollback': {
    reach: 'object',
    call: async ({ client, targets }) => [await client.post(`/api/definitions/ServiceItem/${targets.ownItemId}/rollback`, { version: 1 })],
  },
  'GET /api/definitions/ServiceItem/:id/upgrade': {
    reach: 'object',
    call: async ({ client, targets }) => [await client.get(`/api/definitions/ServiceItem/${targets.ownItemId}/upgrade`)],
  },
  'POST /api/definitions/ServiceItem/:id/upgrade': {
    reach: 'object',
    call: async ({ client, targets }) => [await client.post(`/api/definitions/ServiceItem/${targets.ownItemId}/upgrade`, { to: 1 })],
  },
  'PUT /api/definitions/:kind/:id': {
    reach: 'ownWrite',
    call: async ({ client, targets }) => [
      await client.put(`/api/definitions/${targets.definition.kind}/${targets.definition.id}`, itemNamed(targets.definition.id)),
    ],
  },
  'POST /api/definitions/publish': {
    reach: 'object',
    call: async ({ client, targets }) => [
      await client.post('/api/definitions/publish', { definitions: [targets.definition] }),
      await client.post('/api/definitions/publish', { definitions: [{ kind: 'ServiceItem', id: targets.ownItemId }] }),
    ],
  },
  'GET /api/platforms/:platformId': { reach: 'public', call: async ({ client }) => [await client.get('/api/platforms/mianyang')] },
  'GET /api/platforms/:platformId/items/:itemId': {
    reach: 'public',
    call: async ({ client, targets }) => [await client.get(`/api/platforms/mianyang/items/${targets.ownItemId}`)],
  },
  'POST /api/cases': {
    reach: 'object',
    call: async ({ client, targets }) => [
      await client.post('/api/cases', { item: targets.applyItemId, data: zhangsanData }),
      await client.postMultipart('/api/cases', { item: targets.applyItemId, data: zhangsanData }, files),
    ],
  },
  'GET /api/cases': {
    reach: 'list',
    call: async ({ client }) => [await client.get('/api/cases'), await client.get('/api/cases?status=closed'), await client.get('/api/cases?q=2026')],
  },
  'GET /api/cases/counts': { reach: 'list', call: async ({ client }) => [await client.get('/api/cases/counts'), await client.get('/api/cases/counts?q=2026')] },
  'POST /api/cases/:caseId/assignee': {
    reach: 'object',
    call: async ({ client, targets }) => [
      await client.post(`/api/cases/${targets.caseId}/assignee`, { userId: 'demo-staff2', version: targets.caseVersion }),
      await client.post(`/api/cases/${targets.closedCaseId}/assignee`, { userId: 'demo-staff2', version: targets.caseVersion }),
    ],
  },
  'POST /api/cases/:caseId/reveal': {
    reach: 'object',
    call: async ({ client, targets }) => [
      await client.post(`/api/cases/${targets.caseId}/reveal`, { path: '/data/contactPhone', reason: '隔离测试核对' }),
      await client.post(`/api/cases/${targets.closedCaseId}/reveal`, { path: '/data/contactPhone', reason: '隔离测试核对' }),
    ],
  },
  'GET /api/staff': { reach: 'list', call: async ({ client }) => [await client.get('/api/staff')] },
  // Uploading for 绵阳's own item (or, for 绵阳's applicants, its unpublished one) answers like an item that does not exist.
  'POST /api/uploads': {
    reach: 'object',
    call: async ({ client, targets }) => {
      const form = new FormData();
      form.append('itemId', targets.applyItemId);
      form.append('materialKey', 'applicationForm');
      form.append('file', new Blob(['%PDF-1.4 probe'], { type: 'application/pdf' }), '申请表.pdf');
      return [await client.request('POST', '/api/uploads', { form })];
    },
  },
  'GET /api/application-drafts': { reach: 'list', call: async ({ client }) => [await client.get('/api/application-drafts')] },
  'GET /api/application-drafts/:itemId': {
    reach: 'object',
    call: async ({ client, targets }) => [await client.get(`/api/application-drafts/${targets.applyItemId}`), await client.get(`/api/application-drafts/${targets.ownItemId}`)],
  },
  'PUT /api/application-drafts/:itemId': {
    reach: 'object',
    call: async ({ client, targets }) => [await client.put(`/api/application-drafts/${targets.applyItemId}`, { data: zhangsanData })],
  },
  'DELETE /api/application-drafts/:itemId': {
    reach: 'object',
    call: async ({ client, targets }) => [await client.delete(`/api/application-drafts/${targets.applyItemId}`), await client.delete(`/api/application-drafts/${targets.ownItemId}`)],
  },
  // Public, but without the verification code a real number answers exactly like a missing one.
  'GET /api/progress': {
    reach: 'object',
    call: async ({ client, targets }) => [await client.get(`/api/progress?number=${encodeURIComponent(targets.caseNumber)}&code=ZZZZZZ`)],
  },
  'GET /api/cases/:caseId': {
    reach: 'object',
    call: async ({ client, targets }) => [await client.get(`/api/cases/${targets.caseId}`), await client.get(`/api/cases/${targets.closedCaseId}`)],
  },
  'POST /api/cases/:caseId/actions/:action': { reach: 'object', call: actEverywhere },
  'GET /api/cases/:caseId/events': {
    reach: 'object',
    call: async ({ client, targets }) => [
      await client.get(`/api/cases/${targets.caseId}/events`),
      await client.get(`/api/cases/${targets.closedCaseId}/events`),
    ],
  },
  'GET /api/cases/:caseId/notices': {
    reach: 'object',
    call: async ({ client, targets }) => [
      await client.get(`/api/cases/${targets.caseId}/notices`),
      await client.get(`/api/cases/${targets.closedCaseId}/notices`),
    ],
  },
  'GET /api/files/:fileId': { reach: 'object', call: async ({ client, targets }) => [await client.get(`/api/files/${targets.fileId}`)] },
  'GET /api/tasks': {
    reach: 'list',
    call: async ({ client, targets }) => [
      await client.get('/api/tasks'),
      await client.get('/api/tasks?status=open'),
      await client.get(`/api/tasks?caseId=${targets.closedCaseId}`),
    ],
  },
  'POST /api/tasks/:taskId/visits': {
    reach: 'object',
    call: async ({ client, targets }) => [await client.post(`/api/tasks/${targets.taskId}/visits`, { note: '隔离测试回访', outcome: 'unsatisfied' })],
  },
  'POST /api/tasks/:taskId/close': {
    reach: 'object',
    call: async ({ client, targets }) => [await client.post(`/api/tasks/${targets.taskId}/close`, { result: '隔离测试整改' })],
  },
  'POST /api/cases/:caseId/evaluation-reply': {
    reach: 'object',
    call: async ({ client, targets }) => [
      await client.post(`/api/cases/${targets.closedCaseId}/evaluation-reply`, { text: '隔离测试回复', version: targets.caseVersion }),
      await client.post(`/api/cases/${targets.caseId}/evaluation-reply`, { text: '隔离测试回复', version: targets.caseVersion }),
    ],
  },
  // Appeals against a review (申诉复核): 绵阳's case or appeal answers like a missing one; the list is the caller's reach.
  'POST /api/cases/:caseId/evaluation-appeals': {
    reach: 'object',
    call: async ({ client, targets }) => [
      await client.post(`/api/cases/${targets.closedCaseId}/evaluation-appeals`, { evaluationAt: '2026-09-21T01:00:00.000Z', reason: '隔离测试申诉' }),
    ],
  },
  'GET /api/evaluation-appeals': {
    reach: 'list',
    call: async ({ client, targets }) => [
      await client.get('/api/evaluation-appeals'),
      await client.get('/api/evaluation-appeals?status=open'),
      await client.get(`/api/evaluation-appeals?caseId=${targets.closedCaseId}`),
    ],
  },
  'POST /api/evaluation-appeals/:appealId/decision': {
    reach: 'object',
    call: async ({ client, targets }) => [await client.post(`/api/evaluation-appeals/${targets.appealId}/decision`, { decision: 'upheld', note: '隔离测试复核' })],
  },
  // An applicant asks about an item: 绵阳's own or draft item answers like one that does not exist.
  'POST /api/consultations': {
    reach: 'object',
    call: async ({ client, targets }) => [await client.post('/api/consultations', { itemId: targets.applyItemId, question: '隔离测试咨询' })],
  },
  'GET /api/consultations': {
    reach: 'list',
    call: async ({ client }) => [
      await client.get('/api/consultations'),
      await client.get('/api/consultations?status=open'),
      await client.get('/api/consultations?status=answered'),
    ],
  },
  'POST /api/consultations/:id/answer': {
    reach: 'object',
    call: async ({ client, targets }) => [await client.post(`/api/consultations/${targets.consultationId}/answer`, { answer: '隔离测试答复' })],
  },
  'POST /api/consultations/:id/faq': {
    reach: 'object',
    call: async ({ client, targets }) => [await client.post(`/api/consultations/${targets.consultationId}/faq`, { question: '隔离测试问题' })],
  },
  // The handbook is public by design; it carries the reworded entry, never the asker or their words.
  'GET /api/platforms/:platformId/faq': {
    reach: 'public',
    call: async ({ client, targets }) => [
      await client.get('/api/platforms/mianyang/faq'),
      await client.get(`/api/platforms/mianyang/faq?itemId=${targets.ownItemId}`),
    ],
  },
  'DELETE /api/faq/:id': { reach: 'object', call: async ({ client, targets }) => [await client.delete(`/api/faq/${targets.faqId}`)] },
  // Feedback about 绵阳's case, or answering and linking 绵阳's feedback, answers like a missing one.
  'POST /api/feedback': {
    reach: 'object',
    call: async ({ client, targets }) => [await client.post('/api/feedback', { kind: 'complaint', text: '隔离测试投诉', caseId: targets.closedCaseId })],
  },
  'GET /api/feedback': {
    reach: 'list',
    call: async ({ client }) => [await client.get('/api/feedback'), await client.get('/api/feedback?status=open'), await client.get('/api/feedback?status=answered')],
  },
  'POST /api/feedback/:feedbackId/answer': {
    reach: 'object',
    call: async ({ client, targets }) => [await client.post(`/api/feedback/${targets.feedbackId}/answer`, { answer: '隔离测试答复' })],
  },
  'GET /api/improvements': { reach: 'list', call: async ({ client }) => [await client.get('/api/improvements')] },
  'POST /api/improvements': {
    reach: 'object',
    call: async ({ client, targets }) => [
      await client.post('/api/improvements', { title: '隔离测试举措', description: '隔离测试', source: 'feedback', feedbackIds: [targets.feedbackId], department: '隔离测试', targetDate: '2026-12-31' }),
    ],
  },
  'POST /api/improvements/:measureId/status': {
    reach: 'object',
    call: async ({ client, targets }) => [await client.post(`/api/improvements/${targets.measureId}/status`, { status: 'in-progress', note: '隔离测试' })],
  },
  // Public by design: the published measures' own words and dates, never who complained or what they wrote.
  'GET /api/public/improvements': { reach: 'public', call: async ({ client }) => [await client.get('/api/public/improvements?platformId=mianyang')] },
  'GET /api/messages': { reach: 'list', call: async ({ client }) => [await client.get('/api/messages')] },
  // 绵阳 has no list of its own in these fixtures; tests/api/workbooks.test.ts aims at one.
  'GET /api/lists/:listId/workbook': {
    reach: 'object',
    call: async ({ client, targets }) => [
      await client.download(`/api/lists/${targets.definition.id}/workbook`),
      await client.download(`/api/lists/${targets.ownItemId}/workbook`),
    ],
  },
  // The caller's own platform's cases and evaluations, whatever the filter names.
  'GET /api/exports/cases.xlsx': {
    reach: 'list',
    call: async ({ client, targets }) => [
      await exportTexts(client, '/api/exports/cases.xlsx?view=all'),
      await exportTexts(client, `/api/exports/cases.xlsx?q=${encodeURIComponent(targets.caseNumber)}&item=${encodeURIComponent(targets.applyItemId)}`),
    ],
  },
  'GET /api/exports/evaluations.xlsx': {
    reach: 'list',
    call: async ({ client, targets }) => [await exportTexts(client, `/api/exports/evaluations.xlsx?item=${encodeURIComponent(targets.applyItemId)}`)],
  },
  'POST /api/lists/:listId/workbook': {
    reach: 'object',
    call: async ({ client, targets }) => [
      await client.postFile(`/api/lists/${targets.definition.id}/workbook`, 'workbook', { name: 'list.xlsx', content: 'probe' }),
    ],
  },
  'GET /api/templates/context': {
    reach: 'list',
    call: async ({ client }) => [await client.get('/api/templates/context?purpose=guide'), await client.get('/api/templates/context?context=case')],
  },
  // Previewing on 绵阳's own item, published or draft, answers as on an item that does not exist.
  'POST /api/templates/preview': {
    reach: 'object',
    call: async ({ client, targets }) => [
      await client.post('/api/templates/preview', { template: provinceDocument('templates', 'service-guide'), itemId: targets.ownItemId }),
      await client.post('/api/templates/preview', { template: provinceDocument('templates', 'one-time-notice'), itemId: targets.definition.id }),
    ],
  },
  ...networkRouteTable,
  'GET /api/openapi.json': { reach: 'public', call: async ({ client }) => [await client.get('/api/openapi.json')] },
};

/** The table key of a route descriptor. */
export const routeKey = (route: { method: string; path: string }): string => `${route.method.toUpperCase()} ${route.path}`;
