/**
 * Idempotent submissions (goal A6, IETF draft-ietf-httpapi-idempotency-key-header-07): a
 * client resending a submission with the same Idempotency-Key gets the first answer byte for
 * byte and never a second case; while the first runs, 409; with another body, 422; without a
 * key where one is required, or with one too short or too long, 400 at the header's path.
 */
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { isIdempotencyKeyInFlight } from '../../server/http/idempotency.js';
import { findIdempotencyRecord } from '../../storage/idempotency-keys.js';
import type { ApiClient, ApiResponse } from '../support/api-client.js';
import { forEachDatabase } from '../support/databases.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { useApiSuite } from './support/api-suite.js';
import { upload, uploadPledgeFiles, AGENT_PLEDGE_MATERIALS } from './support/applying.js';
import { act, allOk, PLEDGE_ITEM, pledgeData, pledgeFiles, tinyPdf } from './support/pledge.js';

const submitWith = (client: ApiClient, key: string | null, data = pledgeData()) =>
  client.postMultipart('/api/cases', { item: PLEDGE_ITEM, data }, pledgeFiles({ hasAgentIdentity: true }), { idempotencyKey: key });

forEachDatabase('API: Idempotency-Key on submissions (A6)', (target) => {
  const suite = useApiSuite(target);
  let zhangsan: ApiClient;
  let lisi: ApiClient;
  let staff: ApiClient;

  before(async () => {
    zhangsan = await suite.server.client('zhangsan');
    lisi = await suite.server.client('lisi');
    staff = await suite.server.client('staff1');
  });

  const knex = () => suite.server.services.db.knex;
  const casesOf = async (applicantId: string) => (await knex()('cases').where({ applicant_id: applicantId }).count({ n: '*' }))[0]!.n;

  it('given a multipart submission with files, when it is sent again with the same key, then the same status and bytes come back and there is one case with one set of files', async () => {
    const key = randomUUID();
    const before = Number(await casesOf('demo-zhangsan'));
    const first = await submitWith(zhangsan, key);
    expect(first.status, first.text).to.equal(201);
    const again = await submitWith(zhangsan, key);
    expect(again.status).to.equal(201);
    expect(again.text).to.equal(first.text);
    expect(again.headers.get('idempotent-replayed')).to.equal('true');
    expect(first.headers.get('idempotent-replayed')).to.equal(null);
    expect(Number(await casesOf('demo-zhangsan'))).to.equal(before + 1);
    const files = await knex()('files').where({ case_id: first.body.id });
    expect(files).to.have.length(6);
    const record = await findIdempotencyRecord(knex(), { platformId: 'mianyang', userId: 'demo-zhangsan', key });
    expect(record).to.include({ resourceId: first.body.id, status: 201, response: first.text, request: 'POST /api/cases' });
  });

  it('given a JSON submission naming uploads, when resent with the same key, then it replays and the uploads stay attached to the one case', async () => {
    const fileRefs = await uploadPledgeFiles(zhangsan, AGENT_PLEDGE_MATERIALS);
    const key = randomUUID();
    const first = await zhangsan.post('/api/cases', { item: PLEDGE_ITEM, data: pledgeData(), fileRefs }, { idempotencyKey: key });
    expect(first.status, first.text).to.equal(201);
    const again = await zhangsan.post('/api/cases', { fileRefs, data: pledgeData(), item: PLEDGE_ITEM }, { idempotencyKey: key });
    expect([again.status, again.text]).to.deep.equal([201, first.text]);
    const attached = await knex()('files').whereIn('id', Object.values(fileRefs).flat());
    expect(new Set(attached.map((f) => f.case_id))).to.deep.equal(new Set([first.body.id]));
  });

  it('given a key already used, when a different body is sent with it, then 422 idempotency.key-reused and nothing is made', async () => {
    const key = randomUUID();
    expect((await submitWith(zhangsan, key)).status).to.equal(201);
    const before = await casesOf('demo-zhangsan');
    const other = await submitWith(zhangsan, key, pledgeData({ debtAmount: 2000000 }));
    expect(other.status).to.equal(422);
    expect(other.body.code).to.equal('idempotency.key-reused');
    expect(other.body.problems[0].path).to.equal('/headers/idempotency-key');
    expect(await casesOf('demo-zhangsan')).to.equal(before);
  });

  it('given no key, a 15-character key or a 256-character key on POST /api/cases, then 400 at /headers/idempotency-key and no case; 16 and 255 characters are taken', async () => {
    const before = await casesOf('demo-zhangsan');
    const missing = await submitWith(zhangsan, null);
    expect(missing.status).to.equal(400);
    expect(missing.body.code).to.equal('request.idempotency-key-missing');
    expect(missing.body.problems[0].path).to.equal('/headers/idempotency-key');
    for (const key of ['k'.repeat(15), 'k'.repeat(256)]) {
      const refused = await submitWith(zhangsan, key);
      expect(refused.status, key.length.toString()).to.equal(400);
      expect(refused.body.problems[0]).to.include({ code: 'request.idempotency-key-invalid', path: '/headers/idempotency-key' });
    }
    const bare = await zhangsan.request('POST', '/api/cases', { json: { item: PLEDGE_ITEM, data: pledgeData() }, headers: { 'idempotency-key': 'has spaces inside it' } });
    expect(bare.status).to.equal(400);
    expect(await casesOf('demo-zhangsan')).to.equal(before);
    for (const key of [`a${randomUUID().slice(0, 15)}`, randomUUID().padEnd(255, 'x')]) expect((await submitWith(zhangsan, key)).status, key.length.toString()).to.equal(201);
  });

  it("given zhangsan's key, when lisi sends the same key and body, then lisi gets a case of his own and never zhangsan's answer", async () => {
    const key = randomUUID();
    const his = await submitWith(zhangsan, key);
    const theirs = await submitWith(lisi, key);
    expect(theirs.status, theirs.text).to.equal(201);
    expect(theirs.body.id).to.not.equal(his.body.id);
    expect(theirs.body.applicantId).to.equal('demo-lisi');
    expect(theirs.headers.get('idempotent-replayed')).to.equal(null);
    expect((await submitWith(zhangsan, key)).text).to.equal(his.text);
  });

  it('given a submission refused (422, form invalid), when corrected and resent with the same key, then it is taken: failures record nothing', async () => {
    const key = randomUUID();
    const refused = await submitWith(zhangsan, key, pledgeData({ debtAmount: 'not a number' }));
    expect(refused.status).to.equal(422);
    const taken = await submitWith(zhangsan, key);
    expect(taken.status, taken.text).to.equal(201);
  });

  it('given a submission whose upload is still streaming, when the same key is sent meanwhile, then 409 idempotency.in-flight; once the first answers, the key replays it', async () => {
    const key = randomUUID();
    const held = await heldSubmission(suite.server, zhangsan, key);
    const scope = { platformId: 'mianyang', userId: 'demo-zhangsan', key };
    for (let i = 0; i < 500 && !isIdempotencyKeyInFlight(suite.server.services, scope); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(isIdempotencyKeyInFlight(suite.server.services, scope), 'the first request reached the server').to.equal(true);
    const meanwhile = await submitWith(zhangsan, key);
    expect(meanwhile.status).to.equal(409);
    expect(meanwhile.body.code).to.equal('idempotency.in-flight');
    const first = await held.finish();
    expect(first.status, first.text).to.equal(201);
    expect(isIdempotencyKeyInFlight(suite.server.services, scope)).to.equal(false);
    const replay = await zhangsan.postMultipart('/api/cases', { item: PLEDGE_ITEM, data: pledgeData() }, { applicationForm: [tinyPdf('专利权质押登记申请表.pdf')] }, { idempotencyKey: key });
    expect([replay.status, replay.text]).to.deep.equal([201, first.text]);
  });

  it('given POST /api/uploads with a key, when resent, then the same fileId and one row; without a key it still works', async () => {
    const key = randomUUID();
    const send = () => zhangsan.request('POST', '/api/uploads', { form: uploadForm(), idempotencyKey: key });
    const first = await send();
    expect(first.status, first.text).to.equal(201);
    const again = await send();
    expect([again.status, again.text]).to.deep.equal([201, first.text]);
    expect(await knex()('files').where({ owner_id: 'demo-zhangsan', original_name: '幂等.pdf' })).to.have.length(1);
    expect((await upload(zhangsan, { itemId: PLEDGE_ITEM, materialKey: 'applicationForm', file: tinyPdf('无键.pdf') })).status).to.equal(201);
  });

  it('given an action sent with a key, when the same action is resent after it succeeded, then its answer replays instead of a 409 version conflict', async () => {
    const submitted = await submitWith(zhangsan, randomUUID());
    const key = randomUUID();
    const accept = () => staff.post(`/api/cases/${submitted.body.id}/actions/accept`, { version: submitted.body.version, verdicts: allOk(submitted.body) }, { idempotencyKey: key });
    const first = await accept();
    expect(first.status, first.text).to.equal(200);
    const again = await accept();
    expect([again.status, again.text]).to.deep.equal([200, first.text]);
    const withoutKey = await act(staff, submitted.body, 'accept', { verdicts: allOk(submitted.body) });
    expect(withoutKey.status).to.equal(409);
  });

  it('given two servers on one database, when each gets the same key and body at once (10 keys), then one case per key and every 2xx answer is the same bytes', async () => {
    const second = await startTestServer({ db: await suite.store.openAnother(), isSeeded: false, clock: suite.server.clock });
    try {
      const other = await second.client('zhangsan');
      for (let i = 0; i < 10; i++) {
        const key = randomUUID();
        const answers = await Promise.all([submitWith(zhangsan, key), submitWith(other, key)]);
        const ok = answers.filter((a) => a.status === 201);
        expect(ok.length, answers.map((a) => (a.text ?? '').slice(0, 200)).join('\n')).to.be.greaterThan(0);
        expect(answers.every((a) => a.status === 201 || (a.status === 409 && a.body.code.startsWith('idempotency.')))).to.equal(true);
        expect(new Set(ok.map((a) => a.text)).size).to.equal(1);
        const record = await findIdempotencyRecord(knex(), { platformId: 'mianyang', userId: 'demo-zhangsan', key });
        expect(await knex()('cases').where({ id: record!.resourceId }).first()).to.not.equal(undefined);
        expect(ok[0]!.body.id).to.equal(record!.resourceId);
      }
    } finally {
      await second.close();
    }
  });
});

function uploadForm(): FormData {
  const form = new FormData();
  form.append('itemId', PLEDGE_ITEM);
  form.append('materialKey', 'applicationForm');
  const pdf = tinyPdf('幂等.pdf');
  form.append('file', new Blob([pdf.content], { type: 'application/pdf' }), pdf.name);
  return form;
}

/**
 * A multipart submission sent as a stream held open after the first file's first bytes, so it
 * stays in flight until `finish()` sends the rest. Headers come from the client's helpers.
 */
async function heldSubmission(server: TestServer, client: ApiClient, key: string): Promise<{ finish: () => Promise<ApiResponse> }> {
  const boundary = `----held${randomUUID()}`;
  const pdf = tinyPdf('专利权质押登记申请表.pdf');
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="item"\r\n\r\n${PLEDGE_ITEM}\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="data"\r\n\r\n${JSON.stringify(pledgeData())}\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="materials[applicationForm]"; filename="${pdf.name}"\r\nContent-Type: application/pdf\r\n\r\n`;
  const bytes = Buffer.from(pdf.content as Uint8Array);
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  controller.enqueue(Buffer.concat([Buffer.from(head), bytes.subarray(0, 10)]));
  const headers = { ...(await client.csrfHeaders()), cookie: client.cookie, 'content-type': `multipart/form-data; boundary=${boundary}`, 'idempotency-key': `"${key}"` };
  const pending = fetch(`${server.url}/api/cases`, { method: 'POST', headers, body, duplex: 'half' } as RequestInit);
  return {
    async finish() {
      controller.enqueue(Buffer.concat([bytes.subarray(10), Buffer.from(`\r\n--${boundary}--\r\n`)]));
      controller.close();
      const response = await pending;
      const text = await response.text();
      return { status: response.status, body: JSON.parse(text), headers: response.headers, text };
    },
  };
}
