/**
 * Tenant isolation over every route: 德阳's accounts, the province admin, another 绵阳
 * applicant and anonymous callers aim at 绵阳's objects (zhangsan's cases and file, 绵阳's own
 * and draft definitions, its tasks and messages) and get what a missing object gets. The
 * matrix is generated from the route inventory and fails on a route it cannot call.
 */
import { expect } from 'chai';
import { routes } from '../../server/routes/index.js';
import type { Route } from '../../server/http/route.js';
import type { ApiClient, ApiResponse } from '../support/api-client.js';
import { forEachDatabase, type TestStore } from '../support/databases.js';
import type { TestServer } from '../support/test-server.js';
import { callers, clientFor, denialFor, type Caller } from './isolation/callers.js';
import { DEYANG } from './isolation/deyang.js';
import { startMatrixWorld } from './isolation/matrix-world.js';
import { MIANYANG, OWN_ITEM_ID, zhangsanData, type MianyangObjects } from './isolation/mianyang-objects.js';
import { rawRequest, sessionCookie } from './isolation/raw-request.js';
import { routeKey, routeTable, type RouteCall } from './isolation/route-table.js';
import { caseSecrets, leaksIn, secretsFor } from './isolation/secrets.js';
import { asIfMissing, idPairs, missingTargets, realTargets } from './isolation/targets.js';

const describeAnswer = (r: ApiResponse): string => `${r.status} ${JSON.stringify(r.body).slice(0, 300)}`;

/** A foreign object, or a denied call, answers exactly like the same call on ids that name nothing. */
async function expectLikeMissing(input: { entry: RouteCall; caller: Caller; client: ApiClient; fresh: () => Promise<ApiClient>; objects: MianyangObjects; status: number }) {
  const real = realTargets(input.objects, input.caller);
  const missing = missingTargets(real);
  const onReal = await input.entry.call({ client: input.client, fresh: input.fresh, targets: real });
  const onMissing = await input.entry.call({ client: input.client, fresh: input.fresh, targets: missing });
  expect(onReal).to.have.length(onMissing.length);
  onReal.forEach((answer, i) => {
    const twin = onMissing[i] as ApiResponse;
    expect(answer.status, describeAnswer(answer)).to.equal(input.status);
    expect(twin.status, describeAnswer(twin)).to.equal(input.status);
    expect(asIfMissing(answer.body, idPairs(real, missing)), 'the answer on a real id differs from the one on a missing id').to.deep.equal(twin.body);
  });
}

function expectNoLeaks(answers: ApiResponse[], secrets: string[]): void {
  for (const answer of answers) expect(leaksIn(answer.body, secrets), describeAnswer(answer)).to.deep.equal([]);
}

async function checkReach(input: { route: Route; entry: RouteCall; caller: Caller; client: ApiClient; fresh: () => Promise<ApiClient>; objects: MianyangObjects }) {
  const { entry, caller, objects } = input;
  const denial = denialFor(input.route.access, caller);
  if (denial !== undefined || entry.reach === 'object') {
    await expectLikeMissing({ ...input, status: denial ?? entry.foreignStatus ?? 404 });
    return;
  }
  const targets = realTargets(objects, caller);
  const answers = await entry.call({ client: input.client, fresh: input.fresh, targets });
  const secrets = secretsFor(objects, caller);
  if (entry.reach === 'public') {
    for (const answer of answers) expect(answer.status, describeAnswer(answer)).to.equal(200);
    expectNoLeaks(answers, caseSecrets(objects));
  } else if (entry.reach === 'network') {
    // 绵阳's figures are the province's to see, as counts; never its cases, files or hashes.
    for (const answer of answers) expect(answer.status, describeAnswer(answer)).to.equal(200);
    const isAbove = caller.platformId === MIANYANG || caller.platformId === 'sichuan-province';
    expectNoLeaks(answers, isAbove ? [...caseSecrets(objects), ...objects.definitionHashes, objects.ownItem.id] : secrets);
  } else if (entry.reach === 'audit') {
    // The trail of the caller's own platform; its records may name ids the caller itself aimed at.
    for (const answer of answers) {
      expect(answer.status, describeAnswer(answer)).to.equal(200);
      const records = answer.body.records as Array<{ platformId: string | null; objectId: unknown }>;
      expect(records.filter((r) => r.platformId !== caller.platformId), 'records of another platform').to.deep.equal([]);
      expectNoLeaks([{ ...answer, body: records.map(({ objectId: _aimedAt, ...rest }) => rest) }], secrets);
    }
  } else if (entry.reach === 'ownCreate') {
    for (const answer of answers) expect(answer.status, describeAnswer(answer)).to.be.oneOf([200, 201]);
    expectNoLeaks(answers, secrets);
  } else if (entry.reach === 'self') {
    for (const answer of answers) expect(answer.status, describeAnswer(answer)).to.equal(422);
    expectNoLeaks(answers, secrets);
  } else if (entry.reach === 'list' || entry.reach === 'own') {
    for (const answer of answers) expect(answer.status, describeAnswer(answer)).to.be.oneOf([200, 204]);
    if (input.route.method === 'get' && entry.reach === 'own') expect(answers[0]?.body.id).to.equal(caller.userId);
    expectNoLeaks(answers, secrets);
  } else {
    // A write under the same kind/id lands on the caller's own platform: ids are per platform.
    for (const answer of answers) {
      expect(answer.status, describeAnswer(answer)).to.equal(200);
      expect(answer.body.draft.platformId).to.equal(caller.platformId);
    }
    expectNoLeaks(answers, secrets.filter((s) => s !== targets.definition.id));
  }
}

/** Writes under 绵阳's ids run last: afterwards other platforms own drafts of the same id. */
const matrixRoutes = [...routes].sort((a, b) => Number(routeTable[routeKey(a)]?.reach === 'ownWrite') - Number(routeTable[routeKey(b)]?.reach === 'ownWrite'));

forEachDatabase('tenant isolation', (target) => {
  let store: TestStore;
  let server: TestServer;
  let objects: MianyangObjects;
  const clients = new Map<string, ApiClient>();
  let zhangsan: ApiClient;
  let before_: { events: unknown[]; definitions: unknown[]; tasks: unknown[] };

  before(async function () {
    this.timeout(60_000);
    store = await target.createStore();
    ({ server, objects } = await startMatrixWorld(store.db));
    for (const caller of callers) clients.set(caller.name, await clientFor(server, caller));
    zhangsan = await server.client('zhangsan');
    const staff = await server.client('staff1');
    const admin = await server.client('admin');
    before_ = {
      events: (await zhangsan.get(`/api/cases/${objects.caseId}/events`)).body.events,
      definitions: (await admin.get('/api/definitions?status=draft')).body.definitions,
      tasks: (await staff.get('/api/tasks')).body.tasks,
    };
  });

  after(async () => {
    await server?.close();
    await store?.dispose();
  });

  describe('the route table', () => {
    it('given the route inventory, when compared with the isolation table, then the table covers exactly the routes', () => {
      expect(Object.keys(routeTable).sort()).to.deep.equal(routes.map(routeKey).sort());
    });
  });

  describe('platform ids sent by the caller', () => {
    const spoof = { query: '?platformId=mianyang&platform=mianyang', headers: { 'x-platform-id': MIANYANG } };

    it('given 德阳 staff naming 绵阳 in query, x-platform-id header and cookies, when reading, then they see nothing of 绵阳', async () => {
      const cookie = `${await sessionCookie(server.url, 'deyang-staff')}; platformId=${MIANYANG}; platform=${MIANYANG}`;
      const call = (path: string) => rawRequest({ baseUrl: server.url, method: 'GET', path: `${path}${spoof.query}`, cookie, headers: spoof.headers });
      const deyangStaff = callers.find((c) => c.username === 'deyang-staff') as Caller;
      const lists = [await call('/api/cases'), await call('/api/definitions'), await call('/api/tasks'), await call('/api/messages'), await call('/api/session')];
      for (const answer of lists) expect(answer.status, describeAnswer(answer)).to.equal(200);
      expect(lists[0]?.body.cases).to.deep.equal([]);
      expect(lists[4]?.body.platformId).to.equal(DEYANG);
      expectNoLeaks(lists, secretsFor(objects, deyangStaff));
      for (const path of [`/api/cases/${objects.caseId}`, `/api/cases/${objects.caseId}/events`, `/api/files/${objects.fileId}`]) {
        expect((await call(path)).status).to.equal(404);
      }
    });

    it('given a 德阳 applicant naming 绵阳 in header and cookie, when applying, then the case is 德阳\'s', async () => {
      const cookie = `${await sessionCookie(server.url, 'deyang-applicant')}; platformId=${MIANYANG}`;
      const started = await rawRequest({
        baseUrl: server.url,
        method: 'POST',
        path: `/api/cases${spoof.query}`,
        cookie,
        headers: spoof.headers,
        json: { item: 'ip-policy-consulting', data: zhangsanData, action: null },
      });
      expect(started.status, describeAnswer(started)).to.equal(201);
      expect(started.body.platformId).to.equal(DEYANG);
      const staff = await server.client('staff1');
      const seen = (await staff.get('/api/cases')).body.cases as Array<{ id: string }>;
      expect(seen.map((c) => c.id)).not.to.include(started.body.id);
    });

    it('given platformId in a JSON or multipart body, when applying or acting, then the request is refused', async () => {
      const applicant = clients.get('a 德阳 applicant') as ApiClient;
      const json = await applicant.post('/api/cases', { item: 'ip-policy-consulting', data: zhangsanData, platformId: MIANYANG });
      const multipart = await applicant.postMultipart('/api/cases', { item: 'ip-policy-consulting', data: zhangsanData, platformId: MIANYANG });
      const acting = await zhangsan.post(`/api/cases/${objects.caseId}/actions/withdraw`, { version: objects.caseVersion, platformId: DEYANG });
      for (const answer of [json, multipart, acting]) {
        expect(answer.status, describeAnswer(answer)).to.equal(400);
        expect(answer.body.problems.map((p: { path: string }) => p.path)).to.include('/platformId');
      }
    });
  });

  describe('numbers shared between platforms', () => {
    it('given 绵阳 took today\'s first numbers of a province item, when 德阳 applies for the same item, then its number carries 德阳\'s own implementation code', async () => {
      const lisi = clients.get('lisi, another 绵阳 applicant') as ApiClient;
      const applicant = clients.get('a 德阳 applicant') as ApiClient;
      const mianyang = await lisi.post('/api/cases', { item: 'ip-policy-consulting', data: zhangsanData, action: null });
      const deyang = await applicant.post('/api/cases', { item: 'ip-policy-consulting', data: zhangsanData, action: null });
      expect(mianyang.status, describeAnswer(mianyang)).to.equal(201);
      expect(deyang.status, describeAnswer(deyang)).to.equal(201);
      // 实施编码 = the implementing body's USCC + level + the item's basic code: same item, other body.
      expect(deyang.body.number.slice(0, 18)).to.equal('12510600MB0000005X');
      expect(mianyang.body.number.slice(0, 18)).to.equal('12510700MB0000008G');
      expect(deyang.body.number.slice(19, 31)).to.equal(mianyang.body.number.slice(19, 31));
      expect(deyang.body.number).not.to.be.oneOf([mianyang.body.number, objects.caseNumber, objects.closedCaseNumber]);
    });
  });

  describe('mass assignment', () => {
    const extras: Array<[string, unknown]> = [
      ['platformId', DEYANG],
      ['applicantId', 'demo-zhangsan'],
      ['status', 'closed'],
      ['version', 99],
      ['id', '00000000-0000-4000-8000-000000000000'],
      ['number', 'FORGED-0001'],
      ['__proto__', { isAdmin: true, platformId: DEYANG }],
    ];

    for (const [field, value] of extras) {
      it(`given lisi starting a case with "${field}" in the JSON body, when sent, then it is refused or has no effect`, async () => {
        const lisi = clients.get('lisi, another 绵阳 applicant') as ApiClient;
        // Built from JSON text so "__proto__" is an own property that is sent, as an attacker's raw body would be.
        const text = JSON.stringify({ item: OWN_ITEM_ID, data: zhangsanData, action: null }).slice(0, -1);
        const body = JSON.parse(`${text},${JSON.stringify(field)}:${JSON.stringify(value)}}`) as Record<string, unknown>;
        expect(JSON.stringify(body)).to.include(`"${field}":`);
        const answer = await lisi.post('/api/cases', body);
        expect(({} as Record<string, unknown>).isAdmin, 'Object.prototype polluted').to.equal(undefined);
        if (answer.status === 400) return;
        expect(answer.status, describeAnswer(answer)).to.equal(201);
        expect(answer.body).to.include({ platformId: MIANYANG, applicantId: 'demo-lisi', status: 'open', step: 'consult', version: 1 });
        expect(answer.body.number).not.to.equal('FORGED-0001');
      });
    }

    it('given lisi starting a case with every extra field as multipart fields, when sent, then it is refused', async () => {
      const lisi = clients.get('lisi, another 绵阳 applicant') as ApiClient;
      const fields = Object.fromEntries(extras.filter(([name]) => name !== '__proto__').map(([name, value]) => [name, String(value)]));
      const answer = await lisi.postMultipart('/api/cases', { item: OWN_ITEM_ID, data: zhangsanData, ...fields });
      expect(answer.status, describeAnswer(answer)).to.equal(400);
      const cases = (await lisi.get('/api/cases')).body.cases as Array<{ applicantId: string }>;
      expect(cases.every((c) => c.applicantId === 'demo-lisi')).to.equal(true);
    });
  });

  describe('the matrix: every route × every foreign caller', () => {
    for (const route of matrixRoutes) {
      const key = routeKey(route);
      const entry = routeTable[key];
      for (const caller of callers) {
        it(`given ${caller.name}, when calling ${key} on 绵阳's objects, then it gets nothing of 绵阳's`, async function () {
          if (!entry) expect.fail(`${key} has no entry in tests/api/isolation/route-table.ts: say how the matrix calls it`);
          const client = clients.get(caller.name) as ApiClient;
          await checkReach({ route, entry, caller, client, fresh: () => clientFor(server, caller), objects });
        });
      }
    }
  });

  describe('after the matrix', () => {
    it('given every foreign call made, when 绵阳 looks, then its case, file, definitions, tasks and sessions are as they were', async () => {
      const kase = await zhangsan.get(`/api/cases/${objects.caseId}`);
      expect(kase.status).to.equal(200);
      expect(kase.body).to.include({ version: objects.caseVersion, status: 'open', step: 'accept', applicantId: 'demo-zhangsan' });
      expect((await zhangsan.get(`/api/cases/${objects.caseId}/events`)).body.events).to.deep.equal(before_.events);
      const file = await zhangsan.get(`/api/files/${objects.fileId}`);
      expect(file.status).to.equal(200);
      expect(file.body).to.equal(objects.fileContent);
      const admin = await server.client('admin');
      expect((await admin.get('/api/definitions?status=draft')).body.definitions).to.deep.equal(before_.definitions);
      const catalog = (await admin.get(`/api/platforms/${MIANYANG}`)).body;
      expect(catalog.title).to.equal('四川省（绵阳）知识产权公共服务平台');
      expect((await (await server.client('staff1')).get('/api/tasks')).body.tasks).to.deep.equal(before_.tasks);
    });

    it('given every foreign call made, when 绵阳 looks, then its consultation, handbook, evaluation reply and visits are as they were', async () => {
      const mine = (await zhangsan.get('/api/consultations')).body.consultations as Array<{ id: string; answer: string; faqId: string }>;
      expect(mine.map((c) => [c.id, c.answer, c.faqId])).to.deep.equal([[objects.consultation.id, '可以，请在受理前补齐。', objects.consultation.faqId]]);
      const handbook = (await clients.get('an anonymous caller')!.get(`/api/platforms/${MIANYANG}/faq`)).body.entries as Array<{ id: string; question: string }>;
      expect(handbook.map((e) => [e.id, e.question])).to.deep.equal([[objects.consultation.faqId, '材料可以晚些补交吗？']]);
      expect((await zhangsan.get(`/api/cases/${objects.closedCaseId}`)).body.evaluation.reply.text).to.equal(objects.replyText);
      const [task] = (await (await server.client('staff1')).get(`/api/tasks?caseId=${objects.closedCaseId}`)).body.tasks;
      expect(task).to.include({ status: 'open' });
      expect(task.visits.map((v: { note: string }) => v.note)).to.deep.equal([objects.visitNote]);
    });

    it('given a 绵阳 draft item, when its guide is asked for publicly, then it answers like a missing item', async () => {
      const anonymous = clients.get('an anonymous caller') as ApiClient;
      const draft = await anonymous.get(`/api/platforms/${MIANYANG}/items/${objects.draft.id}`);
      const missing = await anonymous.get(`/api/platforms/${MIANYANG}/items/no-such-item`);
      expect(draft.status).to.equal(404);
      expect(asIfMissing(draft.body, [[objects.draft.id, 'no-such-item']])).to.deep.equal(missing.body);
    });

    it('given the catalog of 德阳, when read, then 绵阳\'s own item is not applicable there', async () => {
      const anonymous = clients.get('an anonymous caller') as ApiClient;
      const guide = await anonymous.get(`/api/platforms/${DEYANG}/items/${OWN_ITEM_ID}`);
      expect(guide.status).to.equal(404);
      expectNoLeaks([await anonymous.get(`/api/platforms/${DEYANG}`)], [...caseSecrets(objects), OWN_ITEM_ID]);
    });
  });
});
