import { expect } from 'chai';
import {
  hasValidOrganizationCode,
  isMobile,
  isRegionCode,
  isResidentId,
  isUscc,
  normalizeIdentity,
  residentIdCheckChar,
  usccCheckChar,
} from '../../../engine/forms/identity.js';

// Vectors from /work/shared/reliability-goals.md §5 (GB 11643-1999 and GB 32100-2015).
describe('identity validators', () => {
  describe('isResidentId (GB 11643-1999)', () => {
    const valid = ['11010519491231002X', '110101199003071233', '440305200012290049', '110101199001011181', '11010119900101100X'];
    for (const id of valid) {
      it(`accepts ${id}`, () => expect(isResidentId(id, { today: '2026-01-04' })).to.equal(true));
    }

    const invalid: Array<[string, string]> = [
      ['110105194912310021', 'wrong check character (expected X)'],
      ['110105194902310026', '1949-02-31 is not a date'],
      ['11010519491231002', 'length 17'],
      ['1101051949123100AX', 'letter in the body'],
      ['110101190002290012', '1900-02-29 is not a date (1900 is not a leap year)'],
    ];
    for (const [id, why] of invalid) {
      it(`rejects ${id}: ${why}`, () => expect(isResidentId(id)).to.equal(false));
    }

    it('rejects a birth date after today only when today is known', () => {
      expect(isResidentId('110101209901010017', { today: '2026-01-04' })).to.equal(false);
      expect(isResidentId('110101209901010017')).to.equal(true);
    });

    it('accepts a leap day in a leap year', () => {
      const body = '11010120000229001';
      expect(isResidentId(body + residentIdCheckChar(body), { today: '2026-01-04' })).to.equal(true);
    });

    it('accepts lower-case x, full-width characters and surrounding spaces', () => {
      expect(isResidentId('11010519491231002x')).to.equal(true);
      expect(isResidentId(' １１０１０５１９４９１２３１００２Ｘ ')).to.equal(true);
      expect(normalizeIdentity(' １１０１０５１９４９１２３１００２ｘ ')).to.equal('11010519491231002X');
    });

    it('detects every single-digit substitution of the standard example', () => {
      const id = '11010519491231002X';
      const undetected: string[] = [];
      for (let i = 0; i < 17; i++) {
        for (const digit of '0123456789') {
          if (digit === id[i]) continue;
          const changed = id.slice(0, i) + digit + id.slice(i + 1);
          if (isResidentId(changed)) undetected.push(changed);
        }
      }
      // Substitutions in the birth date may produce another valid date; the check character still catches them.
      expect(undetected).to.deep.equal([]);
    });
  });

  describe('isUscc (GB 32100-2015)', () => {
    for (const code of ['91350100M000100Y43', '12440300455752102D', '51330106MJ8731253K', '911100001000002860']) {
      it(`accepts ${code}`, () => expect(isUscc(code)).to.equal(true));
    }

    const invalid: Array<[string, string]> = [
      ['91110108551385082R', 'wrong check character (expected Q)'],
      ['9111010855I385082Q', 'forbidden letter I'],
      ['91110108551385082', 'length 17'],
      ['91AB0108551385082Q', 'letters in the region code'],
    ];
    for (const [code, why] of invalid) {
      it(`rejects ${code}: ${why}`, () => expect(isUscc(code)).to.equal(false));
    }

    it('computes check character 0, not 31, when the sum is a multiple of 31', () => {
      expect(usccCheckChar('91110000100000286')).to.equal('0');
    });

    it('accepts lower case and surrounding spaces', () => {
      expect(isUscc(' 91350100m000100y43 ')).to.equal(true);
    });

    it('flags an embedded organisation code that fails GB 11714 without rejecting the USCC', () => {
      expect(isUscc('91110108551385081M')).to.equal(true);
      expect(hasValidOrganizationCode('91110108551385081M')).to.equal(false);
      expect(hasValidOrganizationCode('91350100M000100Y43')).to.equal(true);
      expect(hasValidOrganizationCode('12440300455752102D')).to.equal(true);
    });

    it('catches an ID number typed into a USCC field through the organisation code', () => {
      expect(isUscc('362322198709086409')).to.equal(true);
      expect(hasValidOrganizationCode('362322198709086409')).to.equal(false);
    });
  });

  describe('isMobile and isRegionCode', () => {
    it('accepts 11-digit mobile numbers starting 13–19 and nothing else', () => {
      expect(isMobile('13800138000')).to.equal(true);
      expect(isMobile('19912345678')).to.equal(true);
      expect(isMobile('12800138000')).to.equal(false);
      expect(isMobile('1380013800')).to.equal(false);
      expect(isMobile('+8613800138000')).to.equal(false);
    });

    it('accepts six-digit region codes', () => {
      expect(isRegionCode('510700')).to.equal(true);
      expect(isRegionCode('51070')).to.equal(false);
      expect(isRegionCode('51070a')).to.equal(false);
    });
  });
});
