/**
 * Audit completeness (goal E1) over real HTTP on SQLite and PostgreSQL: every route of the
 * inventory called the way the isolation matrix calls it, by foreign, anonymous, disabled and
 * owning callers; each mutating call, named action and denial leaves exactly one record with every field
 * filled, other answers none; sign-in successes, failures and the failure that engages the lock
 * are recorded without the password; a record that cannot be written answers 500; and the whole
 * chain verifies afterwards (E3).
 */
import { expect } from 'chai';
import type { Route } from '../../server/http/route.js';
import { verifyAuditChain } from '../../server/operations/audit-verify.js';
import { routes } from '../../server/routes/index.js';
import { auditRecordsOfRequest, type AuditRecord } from '../../storage/audit-records.js';
import { insertUser } from '../../storage/users.js';
import { hashPassword } from '../../server/operations/passwords.js';
import type { ApiClient, ApiResponse } from '../support/api-client.js';
import { forEachDatabase, type TestStore } from '../support/databases.js';
import { DEMO_PASSWORD, type TestServer } from '../support/test-server.js';
import { callers, clientFor, type Caller } from './isolation/callers.js';
import { startMatrixWorld } from './isolation/matrix-world.js';
import { MIANYANG, zhangsanData, type MianyangObjects } from './isolation/mianyang-objects.js';
import { routeKey, routeTable } from './isolation/route-table.js';
import { realTargets } from './isolation/targets.js';

/** Foreign, anonymous, disabled and role-less callers of the matrix, plus 绵阳's own admin and staff, whose calls succeed. */
const auditCallers: Caller[] = [
  ...callers.filter((c) => !['deyang-applicant', 'deyang-admin'].includes(c.username ?? '')),
  { name: '绵阳 staff', username: 'staff1', userId: 'demo-staff1', roles: ['staff'], platformId: MIANYANG },
  { name: 'the 绵阳 platform admin', username: 'admin', userId: 'demo-admin', roles: ['platform-admin'], platformId: MIANYANG },
];

const WRONG_PASSWORD = 'Wrong@2026x';
const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

const paramNames = (path: string): string[] => [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1] as string).sort();

/** Writes under 绵阳's ids run last, as in the isolation matrix. */
const inventory = [...routes].sort((a, b) => Number(routeTable[routeKey(a)]?.reach === 'ownWrite') - Number(routeTable[routeKey(b)]?.reach === 'ownWrite'));

forEachDatabase('audit trail (E1)', (target) => {
  let store: TestStore;
  let server: TestServer;
  let objects: MianyangObjects;
  let recordsChecked = 0;
  const clients = new Map<string, ApiClient>();

  before(async function () {
    this.timeout(90_000);
    store = await target.createStore();
    ({ server, objects } = await startMatrixWorld(store.db));
  });

  after(async () => {
    await server?.close();
    await store?.dispose();
  });

  /** The records stored for the request that got `answer`. */
  async function recordsOf(answer: ApiResponse): Promise<AuditRecord[]> {
    const requestId = answer.headers.get('x-request-id');
    expect(requestId, 'X-Request-Id').to.match(/^[0-9a-f-]{36}$/);
    return auditRecordsOfRequest(store.db.knex, requestId as string);
  }

  /** Exactly one complete record for a mutating call, a named action (an export is a GET) or a denial; none for any other answer. */
  async function expectAudited(answer: ApiResponse, route: Route, caller: Caller): Promise<void> {
    const records = await recordsOf(answer);
    const what = `${routeKey(route)} by ${caller.name} answered ${answer.status}`;
    const isAudited = route.method !== 'get' || route.auditAction !== undefined || answer.status === 401 || answer.status === 403;
    expect(records, what).to.have.length(isAudited ? 1 : 0);
    const record = records[0];
    if (!record) return;
    recordsChecked += 1;
    expect(record, what).to.deep.include({
      action: route.auditAction ?? `${route.method.toUpperCase()} ${route.path}`,
      status: answer.status,
      result: answer.status < 400 ? 'success' : 'failure',
      requestId: answer.headers.get('x-request-id'),
    });
    expect(record.at, what).to.match(ISO_UTC);
    expect(record.sourceIp, what).to.match(/127\.0\.0\.1/);
    expect(Object.keys(record.objectId).sort(), what).to.deep.equal(paramNames(route.path));
    expect(record.hash, what).to.match(/^[0-9a-f]{64}$/);
    if (route.auditAction === 'session.sign-in') return;
    const isActing = caller.username !== undefined && !caller.isDisabled;
    expect({ userId: record.userId, platformId: record.platformId, roles: record.roles }, what).to.deep.equal(
      isActing ? { userId: caller.userId, platformId: caller.platformId, roles: caller.roles } : { userId: null, platformId: null, roles: [] },
    );
  }

  describe('sign-in and sign-out', () => {
    it('given staff2 signing in, when it succeeds and then signs out, then each writes one record naming staff2, and no record holds the password', async () => {
      const client = await server.client();
      const signedIn = await client.post('/api/session', { username: 'staff2', password: DEMO_PASSWORD });
      expect(signedIn.status).to.equal(200);
      const [inRecord] = await recordsOf(signedIn);
      expect(inRecord).to.deep.include({ action: 'session.sign-in', result: 'success', status: 200, userId: 'demo-staff2', platformId: MIANYANG, roles: ['staff'] });
      expect(inRecord?.detail).to.deep.equal({ username: 'staff2', outcome: 'signed-in' });
      const signedOut = await client.delete('/api/session');
      const [outRecord] = await recordsOf(signedOut);
      expect(outRecord).to.deep.include({ action: 'session.sign-out', result: 'success', status: 204, userId: 'demo-staff2', platformId: MIANYANG });
    });

    it('given an unknown username, when signing in, then one failure record has no user and names the username tried', async () => {
      const answer = await (await server.client()).post('/api/session', { username: 'nobody-here', password: WRONG_PASSWORD });
      expect(answer.status).to.equal(401);
      const [record] = await recordsOf(answer);
      expect(record).to.deep.include({ action: 'session.sign-in', result: 'failure', status: 401, userId: null, platformId: null, roles: [] });
      expect(record?.detail).to.deep.equal({ username: 'nobody-here', outcome: 'unknown-user' });
    });

    it('given 5 wrong passwords for staff2, when the 5th engages the lock and the right one follows, then the 5th record alone says lockEngaged and the last says refused', async () => {
      const client = await server.client();
      const details: unknown[] = [];
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        const [record] = await recordsOf(await client.post('/api/session', { username: 'staff2', password: WRONG_PASSWORD }));
        expect(record).to.deep.include({ action: 'session.sign-in', result: 'failure', status: 401, userId: 'demo-staff2', platformId: MIANYANG });
        details.push(record?.detail);
      }
      expect(details).to.deep.equal(
        [1, 2, 3, 4, 5].map((n) => ({ username: 'staff2', outcome: 'wrong-password', failedAttempts: n, lockEngaged: n === 5 })),
      );
      const [locked] = await recordsOf(await client.post('/api/session', { username: 'staff2', password: DEMO_PASSWORD }));
      expect(locked).to.deep.include({ result: 'failure', status: 401, userId: 'demo-staff2' });
      expect(locked?.detail).to.deep.equal({ username: 'staff2', outcome: 'refused' });
    });
  });

  describe('fail closed', () => {
    it('given the audit table out of reach, when zhangsan saves a draft, then the answer is a 500 and nothing is added to the chain', async () => {
      const { knex } = store.db;
      const zhangsan = await server.client('zhangsan');
      const head = await verifyAuditChain(knex);
      await knex.raw('ALTER TABLE audit_records RENAME TO audit_records_away');
      let answer: ApiResponse;
      try {
        answer = await zhangsan.put(`/api/application-drafts/${objects.ownItem.id}`, { data: { subject: '审计失败时' } });
      } finally {
        await knex.raw('ALTER TABLE audit_records_away RENAME TO audit_records');
      }
      expect(answer.status).to.equal(500);
      expect(answer.body).to.include({ code: 'internal' });
      expect(await recordsOf(answer)).to.deep.equal([]);
      expect((await verifyAuditChain(knex)).count).to.equal(head.count);
    });
  });

  describe('refusals before the router', () => {
    it('given a forged POST without the anti-forgery token and one with broken JSON, when refused, then each has one failure record under its route', async () => {
      // Raw on purpose: a forgery is what the ApiClient never sends.
      const forged = await fetch(`${server.url}/api/cases/${objects.caseId}/actions/accept`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      const forgedRecords = await recordsOf({ status: forged.status, body: await forged.text(), headers: forged.headers });
      expect(forged.status).to.equal(403);
      expect(forgedRecords).to.have.length(1);
      expect(forgedRecords[0]).to.deep.include({ action: 'POST /api/cases/:caseId/actions/:action', objectId: { caseId: objects.caseId, action: 'accept' }, result: 'failure', status: 403 });
      const zhangsan = await server.client('zhangsan');
      const broken = await zhangsan.request('PUT', `/api/application-drafts/${objects.ownItem.id}`, { text: '{"data": ' });
      expect(broken.status).to.equal(400);
      const [record] = await recordsOf(broken);
      expect(record).to.deep.include({ action: 'PUT /api/application-drafts/:itemId', result: 'failure', status: 400 });
    });
  });

  describe('the route inventory', () => {
    for (const route of inventory) {
      const key = routeKey(route);
      it(`given ${key} called by ${auditCallers.length} callers, when answered, then each mutating call and each denial has exactly one complete record, other answers none`, async function () {
        this.timeout(60_000);
        const entry = routeTable[key];
        if (!entry) expect.fail(`${key} has no entry in tests/api/isolation/route-table.ts`);
        for (const caller of auditCallers) {
          const client = clients.get(caller.name) ?? (await clientFor(server, caller));
          clients.set(caller.name, client);
          const answers = await entry.call({ client, fresh: () => clientFor(server, caller), targets: realTargets(objects, caller) });
          for (const answer of answers) await expectAudited(answer, route, caller);
        }
      });
    }
  });

  describe('afterwards', () => {
    it('given every call made, when the chain is verified, then it is unbroken from the first record to the head', async () => {
      const verification = await verifyAuditChain(store.db.knex);
      expect(verification.firstBreak).to.equal(undefined);
      expect(verification.count).to.equal(verification.head.seq);
      expect(recordsChecked).to.be.greaterThan(routes.length);
    });

    it('given the trail, when 绵阳\'s auditor reads it by pages and filters, then it gets 绵阳\'s records only, newest first, each page older than the last', async () => {
      const auditor = await server.client('auditor');
      const first = await auditor.get('/api/audit-records?limit=20');
      expect(first.status).to.equal(200);
      const second = await auditor.get(`/api/audit-records?limit=20&before=${first.body.next}`);
      const records = [...first.body.records, ...second.body.records] as AuditRecord[];
      expect(records).to.have.length(40);
      expect(records.every((r) => r.platformId === MIANYANG)).to.equal(true);
      const seqs = records.map((r) => r.seq);
      expect(seqs).to.deep.equal([...seqs].sort((a, b) => b - a));
      const signIns = (await auditor.get('/api/audit-records?action=session.sign-in&result=failure&userId=demo-staff2')).body.records as AuditRecord[];
      expect(signIns.map((r) => r.detail.failedAttempts)).to.deep.equal([undefined, 5, 4, 3, 2, 1]);
      const none = await auditor.get('/api/audit-records?from=2030-01-01T00:00:00Z');
      expect(none.body).to.deep.equal({ records: [], next: null });
      const wrong = await auditor.get('/api/audit-records?from=yesterday');
      expect(wrong.status).to.equal(400);
      expect(wrong.body.problems[0].path).to.equal('/from');
    });

    it('given the province admin and 德阳\'s auditor, when they read the trail, then each sees its own platform\'s records only', async () => {
      await insertUser(server.services.db.knex, { id: 'test-deyang-auditor', username: 'deyang-auditor', displayName: '德阳监督员（测试）', platformId: 'deyang', roles: ['auditor'], passwordHash: await hashPassword(DEMO_PASSWORD), createdAt: server.services.now().toISOString() });
      const deyang = (await (await server.client('deyang-auditor')).get('/api/audit-records?limit=200')).body.records as AuditRecord[];
      expect(deyang.length).to.be.greaterThan(0);
      expect(deyang.filter((r) => r.platformId !== 'deyang')).to.deep.equal([]);
      const province = (await (await server.client('province')).get('/api/audit-records?limit=200')).body.records as AuditRecord[];
      expect(province.length).to.be.greaterThan(0);
      expect(province.filter((r) => r.platformId !== 'sichuan-province')).to.deep.equal([]);
      const staff = await (await server.client('staff1')).get('/api/audit-records');
      expect(staff.status).to.equal(403);
    });

    it('given every record, when searched for passwords and zhangsan\'s personal data, then none is there (E6)', async () => {
      const text = JSON.stringify(await store.db.knex('audit_records').select('*'));
      for (const secret of [DEMO_PASSWORD, WRONG_PASSWORD, zhangsanData.certificateNo, zhangsanData.contactPhone, zhangsanData.applicantName, zhangsanData.description]) {
        expect(text.includes(secret), secret).to.equal(false);
      }
    });

  });
});
