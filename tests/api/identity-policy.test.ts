/**
 * Rows H4 and H5 of reliability-goals.md end to end: an applicant submits 专利权质押登记 over real
 * HTTP on SQLite and PostgreSQL, and each identity number meets its policy level — warnings travel
 * back with the case, a USCC failing its check is refused at its field until the applicant
 * confirms that path (then staff see a review flag and the audit record names the confirmation),
 * forbidden letters and malformed IDs are refused whatever is confirmed.
 */
import { expect } from 'chai';
import { auditRecordsOfRequest } from '../../storage/audit-records.js';
import type { ApiClient, ApiResponse } from '../support/api-client.js';
import { forEachDatabase } from '../support/databases.js';
import { useApiSuite } from './support/api-suite.js';
import { PLEDGE_ITEM, pledgeData, pledgeFiles } from './support/pledge.js';

/** A pledgor whose code raises nothing, so each test sees only what it changes. */
const cleanPledgor = { pledgorCertificateNo: '12440300455752102D' };

forEachDatabase('API: identity-number policy levels (H4, H5)', (target) => {
  const suite = useApiSuite(target);
  let zhangsan: ApiClient;
  let staff1: ApiClient;

  before(async () => {
    zhangsan = await suite.server.client('zhangsan');
    staff1 = await suite.server.client('staff1');
  });

  const apply = (data: Record<string, unknown>, confirmations?: string[]): Promise<ApiResponse> =>
    zhangsan.postMultipart(
      '/api/cases',
      { item: PLEDGE_ITEM, data: pledgeData({ ...cleanPledgor, ...data }), ...(confirmations ? { confirmations } : {}) },
      pledgeFiles({ hasAgentIdentity: true }),
    );
  const codesAt = (answer: ApiResponse, key: 'problems' | 'warnings') =>
    (answer.body[key] as Array<{ code: string; path: string }>).map((p) => `${p.code} ${p.path}`);
  const caseCount = async () => (await staff1.get('/api/cases?limit=100')).body.cases.length;

  it('given clean numbers, when submitted, then 201 with no warnings and no review flags', async () => {
    const answer = await apply({});
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201);
    expect(answer.body.warnings).to.deep.equal([]);
    expect(answer.body.reviewFlags).to.deep.equal([]);
  });

  describe('USCC outer check failure: soft reject', () => {
    let confirmed: any;

    it('given the real code 91350203M0001FUE2P without confirmation, then 422 at its path asking to check it, level confirm, and no case', async () => {
      const before = await caseCount();
      const answer = await apply({ pledgeeUscc: '91350203M0001FUE2P' });
      expect(answer.status).to.equal(422);
      expect(answer.body.problems).to.have.length(1);
      expect(answer.body.problems[0]).to.include({ code: 'identity.uscc-check', path: '/data/pledgeeUscc', level: 'confirm' });
      expect(answer.body.problems[0].message).to.match(/^"质权人统一社会信用代码" 校验码不符，请核对/);
      expect(await caseCount()).to.equal(before);
    });

    it('given a confirmation of another path, then still 422', async () => {
      expect((await apply({ pledgeeUscc: '91350203M0001FUE2P' }, ['/data/pledgorCertificateNo'])).status).to.equal(422);
    });

    it('given the confirmation of its path, then 201, the case carries a review flag, and the timeline records form.confirmed', async () => {
      const answer = await apply({ pledgeeUscc: '91350203M0001FUE2P' }, ['/data/pledgeeUscc']);
      expect(answer.status, JSON.stringify(answer.body)).to.equal(201);
      confirmed = answer;
      expect(answer.body.reviewFlags).to.have.length(1);
      expect(answer.body.reviewFlags[0]).to.include({ code: 'identity.uscc-check', path: '/data/pledgeeUscc', confirmedBy: 'demo-zhangsan' });
      const events = (await zhangsan.get(`/api/cases/${answer.body.id}/events`)).body.events as Array<{ type: string; data: any }>;
      expect(events.find((e) => e.type === 'form.confirmed')?.data).to.deep.equal({ flags: [{ path: '/data/pledgeeUscc', code: 'identity.uscc-check' }] });
    });

    it('given that case, when staff open it at the desk, then they see the review flag', async () => {
      const view = await staff1.get(`/api/cases/${confirmed.body.id}`);
      expect(view.status).to.equal(200);
      expect(view.body.reviewFlags.map((f: { code: string; path: string }) => `${f.code} ${f.path}`)).to.deep.equal(['identity.uscc-check /data/pledgeeUscc']);
    });

    it('given that submission, then its audit record names the confirmed path and rule, never the value', async () => {
      const records = await auditRecordsOfRequest(suite.store.db.knex, confirmed.headers.get('x-request-id') as string);
      expect(records).to.have.length(1);
      expect(records[0]?.detail).to.deep.equal({ confirmations: [{ path: '/data/pledgeeUscc', code: 'identity.uscc-check' }] });
      expect(JSON.stringify(records[0])).to.not.include('91350203M0001FUE2P');
    });
  });

  describe('hard rejects stay rejects', () => {
    it('given a forbidden letter I, even confirmed, then 422 form.format at the field', async () => {
      const answer = await apply({ pledgeeUscc: '9111010855I385082Q' }, ['/data/pledgeeUscc']);
      expect(answer.status).to.equal(422);
      expect(codesAt(answer, 'problems')).to.deep.equal(['form.format /data/pledgeeUscc']);
    });

    it('given a 15-digit legacy ID, then 422 asking for the 18-digit number', async () => {
      const answer = await apply({ agentIdNumber: '110105491231002' });
      expect(answer.status).to.equal(422);
      expect(codesAt(answer, 'problems')).to.deep.equal(['form.format /data/agentIdNumber']);
      expect(answer.body.problems[0].message).to.include('请填写现在使用的18位居民身份证号码');
    });

    it('given a birth date after today, then 422', async () => {
      expect((await apply({ agentIdNumber: '110101209901010017' })).status).to.equal(422);
    });
  });

  describe('warnings travel back and never refuse', () => {
    for (const id of ['342401199001010016', '43041919900101001X', '320219199001010013', '632825199001010018']) {
      it(`given the abolished region of ${id.slice(0, 6)} in an ID, then 201 with the region warning at its path`, async () => {
        const answer = await apply({ agentIdNumber: id });
        expect(answer.status, JSON.stringify(answer.body)).to.equal(201);
        expect(codesAt(answer, 'warnings')).to.deep.equal(['identity.region-unknown /data/agentIdNumber']);
      });
    }

    it('given an embedded organisation code failing GB 11714, then 201 with that warning and no review flag', async () => {
      const answer = await apply({ pledgeeUscc: '91110108551385081M' });
      expect(answer.status).to.equal(201);
      expect(codesAt(answer, 'warnings')).to.deep.equal(['identity.organization-code /data/pledgeeUscc']);
      expect(answer.body.reviewFlags).to.deep.equal([]);
    });
  });

  describe('replacing the data in a supplement', () => {
    let waiting: any;

    before(async () => {
      const answer = await zhangsan.postMultipart('/api/cases', { item: PLEDGE_ITEM, data: pledgeData(cleanPledgor) }, pledgeFiles({ hasAgentIdentity: false }));
      expect(answer.body.step, JSON.stringify(answer.body)).to.equal('supplement');
      waiting = answer.body;
    });

    const resubmit = (confirmations?: string[]) =>
      zhangsan.postMultipart(
        `/api/cases/${waiting.id}/actions/resubmit`,
        { version: waiting.version, data: pledgeData({ ...cleanPledgor, pledgeeUscc: '91350203M0001FUE2P' }), ...(confirmations ? { confirmations } : {}) },
        { agentIdentity: pledgeFiles({ hasAgentIdentity: true }).agentIdentity ?? [] },
      );

    it('given new data with a USCC failing its check, unconfirmed, then 422 at its path and the case unchanged', async () => {
      const answer = await resubmit();
      expect(answer.status).to.equal(422);
      expect(codesAt(answer, 'problems')).to.deep.equal(['identity.uscc-check /data/pledgeeUscc']);
      expect((await zhangsan.get(`/api/cases/${waiting.id}`)).body).to.include({ version: waiting.version, step: 'supplement' });
    });

    it('given the same data confirmed, then 200, the review flag on the case and the confirmation in the audit record', async () => {
      const answer = await resubmit(['/data/pledgeeUscc']);
      expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
      expect(answer.body.reviewFlags.map((f: { code: string; path: string }) => `${f.code} ${f.path}`)).to.deep.equal(['identity.uscc-check /data/pledgeeUscc']);
      const [record] = await auditRecordsOfRequest(suite.store.db.knex, answer.headers.get('x-request-id') as string);
      expect(record?.detail).to.deep.equal({ confirmations: [{ path: '/data/pledgeeUscc', code: 'identity.uscc-check' }] });
    });
  });

  describe('field-type confusion (H5)', () => {
    it('given an ID number passing the USCC check typed into a USCC field (hutool#1367), then at least the organisation-code warning', async () => {
      const answer = await apply({ pledgeeUscc: '362322198709086409' });
      expect(answer.status).to.equal(201);
      expect(codesAt(answer, 'warnings')).to.include.members(['identity.organization-code /data/pledgeeUscc', 'identity.uscc-looks-like-id /data/pledgeeUscc']);
    });

    it('given a USCC typed into an ID field, then 422 at the field', async () => {
      const answer = await apply({ agentIdNumber: '91350100M000100Y43' });
      expect(answer.status).to.equal(422);
      expect(codesAt(answer, 'problems')).to.deep.equal(['form.format /data/agentIdNumber']);
    });

    it('given a company certificate that is an ID number failing the USCC check, then it needs a confirmation like any USCC', async () => {
      const answer = await apply({ pledgorCertificateNo: '11010519491231002X' });
      expect(answer.status).to.equal(422);
      expect(codesAt(answer, 'problems')).to.deep.equal(['identity.uscc-check /data/pledgorCertificateNo']);
    });
  });
});
