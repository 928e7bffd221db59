/**
 * Goal F1, masking by default: canary ID numbers and phones go in through a case form, a
 * counter-mode applicant and the notices that follow; then every GET route of the API
 * description the suite can fill in is called as the owner, staff and the platform admin, and
 * no answer carries a canary unmasked (the masked form does show). Staff of the case's platform
 * reveal one value with a reason; without a reason, at a path that holds none, from another
 * platform or as the owner, they are refused. A form sent back masked keeps the stored value.
 */
import { expect } from 'chai';
import { residentIdCheckChar } from '../../engine/forms/identity.js';
import { maskPersonal } from '../../engine/forms/personal-values.js';
import { runWorkerOnce } from '../../server/worker/worker.js';
import { getCase } from '../../storage/cases.js';
import type { ApiClient } from '../support/api-client.js';
import { forEachDatabase } from '../support/databases.js';
import { addDeyang } from './isolation/deyang.js';
import { AGENT_PLEDGE_MATERIALS, uploadPledgeFiles } from './support/applying.js';
import { useApiSuite } from './support/api-suite.js';
import { act, PLEDGE_ITEM, pledgeData, submitPledge } from './support/pledge.js';

const idOf = (body: string) => body + residentIdCheckChar(body);
const canaries = {
  pledgorId: idOf('51070319870512771'),
  agentId: idOf('51070319910817772'),
  agentPhone: '13512377001',
  contactPhone: '13512377002',
  counterPhone: '13512377003',
  counterId: idOf('51070319790203773'),
  draftId: idOf('51070319850101774'),
};

/** Drafts go back to their owner plain, by decision (docs/security.md, Personal data): editing needs the value typed. */
const OWNER_PLAIN_ROUTES = new Set(['/api/application-drafts', '/api/application-drafts/:itemId']);

/** Routes whose answer is not JSON (file bytes, a workbook) or needs an object this suite does not make. */
const NOT_CALLED = new Set(['/api/files/:fileId', '/api/lists/:listId/workbook', '/api/network/packages/:id', '/api/openapi.json']);

interface OpenApi {
  paths: Record<string, Record<string, unknown>>;
}

/** The express path of an OpenAPI path: `{caseId}` → `:caseId`. */
const routePath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

/** Every string in a JSON value, with its JSON Pointer. */
function stringsIn(value: unknown, at = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringsIn(item, `${at}/${i}`));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, item]) => stringsIn(item, `${at}/${key}`));
  return [];
}

forEachDatabase('API: personal data masked in every answer (F1)', (target) => {
  const suite = useApiSuite(target);
  let zhangsan: ApiClient;
  let staff1: ApiClient;
  let admin: ApiClient;
  let online: any;
  let counter: any;

  before(async function () {
    this.timeout(60_000);
    [zhangsan, staff1, admin] = await Promise.all([suite.server.client('zhangsan'), suite.server.client('staff1'), suite.server.client('admin')]);
    const data = pledgeData({ pledgorType: 'individual', pledgorName: '钱七', pledgorCertificateNo: canaries.pledgorId, agentIdNumber: canaries.agentId, agentPhone: canaries.agentPhone, contactPhone: canaries.contactPhone });
    const submitted = await submitPledge(zhangsan, { hasAgentIdentity: true, data });
    expect(submitted.status, JSON.stringify(submitted.body)).to.equal(201);
    online = submitted.body;
    const registered = await staff1.post('/api/cases', {
      item: PLEDGE_ITEM,
      data: pledgeData(),
      applicant: { name: '孙八', phone: canaries.counterPhone, idNumber: canaries.counterId },
      fileRefs: await uploadPledgeFiles(staff1, AGENT_PLEDGE_MATERIALS.slice(0, 2)),
    });
    expect(registered.status, JSON.stringify(registered.body)).to.equal(201);
    counter = registered.body;
    expect((await zhangsan.put(`/api/application-drafts/${PLEDGE_ITEM}`, { data: pledgeData({ agentIdNumber: canaries.draftId }), fileRefs: {} })).status).to.equal(200);
    await runWorkerOnce(suite.server.services, { workerId: 'masking-worker' });
  });

  it('given the case, when its applicant or staff read it, then each ID number and phone is masked and listed in "masked"', async () => {
    for (const client of [zhangsan, staff1]) {
      const view = (await client.get(`/api/cases/${online.id}`)).body;
      expect(view.data).to.include({ pledgorCertificateNo: maskPersonal(canaries.pledgorId), agentPhone: maskPersonal(canaries.agentPhone), pledgorName: '钱七' });
      expect(view.data.agentIdNumber).to.match(/^\d{3}\*{11}[\dX]{4}$/);
      expect(view.data.contactPhone).to.equal(`135****${canaries.contactPhone.slice(-4)}`);
      expect(view.masked).to.include.members(['/data/pledgorCertificateNo', '/data/agentIdNumber', '/data/agentPhone', '/data/contactPhone']);
    }
  });

  it('given every GET route of the API description, when the owner, staff and the admin call it, then no answer carries a canary unmasked', async () => {
    const document = (await admin.get('/api/openapi.json')).body as OpenApi;
    const values: Record<string, string[]> = { caseId: [online.id, counter.id], itemId: [PLEDGE_ITEM], platformId: ['mianyang'], kind: ['ServiceItem'], year: ['2026'] };
    const idFor = (path: string) => (path.startsWith('/api/network/platforms') ? ['mianyang'] : [PLEDGE_ITEM]);
    const paths = Object.keys(document.paths).filter((p) => document.paths[p]!.get !== undefined).map(routePath);
    const called = paths.filter((p) => !NOT_CALLED.has(p));
    const found: string[] = [];
    let answers = 0;
    for (const [name, client] of [['zhangsan', zhangsan], ['staff1', staff1], ['admin', admin]] as const) {
      for (const path of called) {
        if (name === 'zhangsan' && OWNER_PLAIN_ROUTES.has(path)) continue;
        const params = [...path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
        let urls = [path];
        for (const param of params) urls = urls.flatMap((url) => (param === 'id' ? idFor(path) : (values[param] ?? [])).map((v) => url.replace(`:${param}`, v)));
        for (const url of urls) {
          const answer = await client.get(url === '/api/progress' ? `${url}?number=${counter.number}&code=${counter.verificationCode}` : url);
          answers += 1;
          for (const [pointer, text] of stringsIn(answer.body)) {
            for (const [canary, value] of Object.entries(canaries)) if (text.includes(value)) found.push(`${name} GET ${url} ${pointer}: ${canary}`);
          }
        }
      }
    }
    console.log(`      [F1] ${called.length} of ${paths.length} GET routes × 3 callers, ${answers} answers, ${Object.keys(canaries).length} canaries: ${found.length} unmasked`);
    expect(found).to.deep.equal([]);
    expect(answers).to.be.greaterThan(60);
  });

  it('given the owner\'s draft, when she reads it, then it comes back as she typed it (drafts are the owner\'s work in progress)', async () => {
    const draft = (await zhangsan.get(`/api/application-drafts/${PLEDGE_ITEM}`)).body;
    expect(draft.data.agentIdNumber).to.equal(canaries.draftId);
  });

  it('given staff of the case\'s platform with a reason, when they reveal a masked value, then they get it in full', async () => {
    const revealed = await staff1.post(`/api/cases/${online.id}/reveal`, { path: '/data/agentIdNumber', reason: '核对代理人身份' });
    expect(revealed.status, JSON.stringify(revealed.body)).to.equal(200);
    expect(revealed.body).to.deep.equal({ path: '/data/agentIdNumber', value: canaries.agentId });
    expect((await admin.post(`/api/cases/${counter.id}/reveal`, { path: '/data/agentPhone', reason: '回访' })).body.value).to.equal('13800000000');
  });

  it('given no reason, a one-letter reason or a path holding no ID number or phone, when staff reveal, then 422 names the field', async () => {
    const missing = await staff1.post(`/api/cases/${online.id}/reveal`, { path: '/data/agentIdNumber' });
    expect(missing.status).to.equal(400);
    const short = await staff1.post(`/api/cases/${online.id}/reveal`, { path: '/data/agentIdNumber', reason: ' 看 ' });
    expect(short.status).to.equal(422);
    expect(short.body.problems.map((p: { path: string }) => p.path)).to.deep.equal(['/reason']);
    for (const path of ['/data/pledgorName', '/data/nothing', '/number', '/verificationCode']) {
      const refused = await staff1.post(`/api/cases/${online.id}/reveal`, { path, reason: '核对信息' });
      expect(refused.status, path).to.equal(422);
      expect(refused.body.problems[0].path).to.equal('/path');
    }
  });

  it('given staff of another platform or the applicant herself, when they reveal, then 404 like a missing case, and 403', async () => {
    await addDeyang(suite.server.services);
    const deyangStaff = await suite.server.client('deyang-staff');
    const foreign = await deyangStaff.post(`/api/cases/${online.id}/reveal`, { path: '/data/agentIdNumber', reason: '核对信息' });
    const missing = await deyangStaff.post('/api/cases/no-such-case/reveal', { path: '/data/agentIdNumber', reason: '核对信息' });
    expect([foreign.status, missing.status]).to.deep.equal([404, 404]);
    expect(foreign.body.detail).to.equal(missing.body.detail.replace('no-such-case', online.id));
    expect((await zhangsan.post(`/api/cases/${online.id}/reveal`, { path: '/data/agentIdNumber', reason: '核对信息' })).status).to.equal(403);
  });

  it('given the case returned for a supplement, when the applicant sends the form back as she saw it (masked), then the stored values stay', async () => {
    const kase = (await staff1.get(`/api/cases/${online.id}`)).body;
    const returned = await act(staff1, kase, 'return', { payload: { reason: '申请表签字不清晰' }, verdicts: { applicationForm: { status: 'deficient', reason: '签字不清晰' } } });
    expect(returned.status, JSON.stringify(returned.body)).to.equal(200);
    const seen = (await zhangsan.get(`/api/cases/${online.id}`)).body;
    const resubmit = seen.actions.find((a: { acceptsMaterials: boolean }) => a.acceptsMaterials)?.name ?? 'resubmit';
    const sent = await act(zhangsan, seen, resubmit, { data: { ...seen.data, pledgorName: '钱七（补正）' }, fileRefs: await uploadPledgeFiles(zhangsan, ['applicationForm']) });
    expect(sent.status, JSON.stringify(sent.body)).to.equal(200);
    const stored = await getCase(suite.server.services.db.knex, online.id);
    expect(stored?.data).to.include({ pledgorName: '钱七（补正）', pledgorCertificateNo: canaries.pledgorId, agentIdNumber: canaries.agentId, agentPhone: canaries.agentPhone, contactPhone: canaries.contactPhone });
  });
});
