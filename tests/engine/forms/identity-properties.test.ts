/**
 * Row H2 (and the property half of H5) of reliability-goals.md: property tests with fast-check,
 * 100,000 cases each. The references are written here from the standards, independently of
 * engine/forms/identity.ts: ISO 7064 MOD 11-2 by its recursive (Horner) method for resident IDs,
 * and GB 32100's formula with weights computed as 3^(i−1) mod 31 and the alphabet derived from
 * A–Z without I, O, Z, S, V for USCCs. A failing property prints its counter-example.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { hasValidOrganizationCode, isResidentId, isUscc, residentIdCheckChar, usccCheckChar } from '../../../engine/forms/identity.js';
import { gbt2260Codes } from '../../../engine/forms/region-codes.js';
import { verdictOf } from './identity-verdict.js';

const RUNS = 100_000;
const options = { numRuns: RUNS };

/** ISO 7064 MOD 11-2, recursive method: P ← ((P + a) · 2) mod 11 per digit; the check C makes (P + C) mod 11 = 1. */
function iso7064Check(body: string): string {
  let p = 0;
  for (const digit of body) p = ((p + Number(digit)) * 2) % 11;
  const check = (12 - p) % 11;
  return check === 10 ? 'X' : String(check);
}

/** ISO 7064 MOD 11-2 validation of a whole number: the weighted sum with the check (X = 10) is 1 mod 11. */
function iso7064IsValid(id: string): boolean {
  let p = 0;
  for (const char of id.slice(0, 17)) p = ((p + Number(char)) * 2) % 11;
  const last = id[17] === 'X' ? 10 : Number(id[17]);
  return /^\d{17}[\dX]$/.test(id) && (p + last) % 11 === 1;
}

/** GB 32100: digits, then A–Z without I, O, Z, S, V (value = position). */
const ALPHABET = [...'0123456789', ...[...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].filter((c) => !'IOZSV'.includes(c))].join('');
const WEIGHTS = Array.from({ length: 17 }, (_, i) => Number(3n ** BigInt(i) % 31n));

/** C₁₈ = 31 − (Σ Cᵢ·Wᵢ mod 31), and 31 is written 0. */
function gb32100Check(body: string): string {
  const sum = [...body].reduce((s, c, i) => s + ALPHABET.indexOf(c) * (WEIGHTS[i] ?? 0), 0);
  const check = 31 - (sum % 31);
  return ALPHABET[check === 31 ? 0 : check] ?? '?';
}

const digit = fc.constantFrom(...'0123456789');
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((a) => a.join(''));
const usccChar = fc.constantFrom(...ALPHABET);

/** A real date from 1800-01-01 to 2025-12-31 as YYYYMMDD. */
const birthDate = fc.integer({ min: Date.UTC(1800, 0, 1), max: Date.UTC(2025, 11, 31) }).map((ms) => new Date(ms).toISOString().slice(0, 10).replace(/-/g, ''));
/** A 17-digit resident-ID body with a real birth date (any six digits as region). */
const idBody = fc.tuple(digits(6), birthDate, digits(3)).map(([region, date, seq]) => region + date + seq);
const validId = idBody.map((body) => body + iso7064Check(body));

/** A 17-character USCC body: any alphabet character, digits in the region code (positions 3–8). */
const usccBody = fc.tuple(fc.array(usccChar, { minLength: 2, maxLength: 2 }), digits(6), fc.array(usccChar, { minLength: 9, maxLength: 9 })).map(([head, region, tail]) => head.join('') + region + tail.join(''));
const validUscc = usccBody.map((body) => body + gb32100Check(body));

/** A USCC as registries issue them: authority 1/5/9/Y, a real region, a valid organisation code, a valid check. */
const registeredUscc = fc
  .tuple(fc.constantFrom('1', '5', '9', 'Y'), fc.constantFrom('1', '2', '3'), fc.constantFrom(...gbt2260Codes), fc.array(fc.constantFrom(...'0123456789ABCDEFGHJKLMNPQRTUWXY'), { minLength: 8, maxLength: 8 }))
  .map(([authority, category, region, org]) => {
    const orgBody = org.join('');
    const sum = [...orgBody].reduce((s, c, i) => s + parseInt(c, 36) * ([3, 7, 9, 10, 5, 8, 4, 2][i] ?? 0), 0);
    const orgCheck = { 10: 'X', 11: '0' }[11 - (sum % 11)] ?? String(11 - (sum % 11));
    const body = authority + category + region + orgBody + orgCheck;
    return body + gb32100Check(body);
  });

/** Replaces the character at `at`. */
const substitute = (value: string, at: number, char: string) => value.slice(0, at) + char + value.slice(at + 1);
/** Swaps the characters at `at` and `at + 1`. */
const transpose = (value: string, at: number) => value.slice(0, at) + value[at + 1] + value[at] + value.slice(at + 2);

describe('identity properties (fast-check, 100,000 cases each; reliability-goals H2)', function () {
  this.timeout(300_000);

  describe('resident ID (GB 11643, ISO 7064 MOD 11-2)', () => {
    it('given any 17-digit body with a real date, then exactly one of the 11 check characters is valid, and it is the reference one', () => {
      fc.assert(
        fc.property(idBody, (body) => {
          const valid = [...'0123456789X'].filter((c) => isResidentId(body + c));
          expect(valid).to.deep.equal([iso7064Check(body)]);
        }),
        options,
      );
    });

    it('given any 17-digit body, then our check character equals the recursive ISO 7064 reference', () => {
      fc.assert(
        fc.property(digits(17), (body) => {
          expect(residentIdCheckChar(body)).to.equal(iso7064Check(body));
        }),
        options,
      );
    });

    it('given a valid ID, then every single substitution is detected (by the checksum itself, and by the validator)', () => {
      const change = fc.tuple(validId, fc.integer({ min: 0, max: 17 }), fc.constantFrom(...'0123456789X'));
      fc.assert(
        fc.property(change, ([id, at, char]) => {
          fc.pre(char !== id[at] && (at === 17 || char !== 'X'));
          const changed = substitute(id, at, char);
          expect(iso7064IsValid(changed), changed).to.equal(false);
          expect(isResidentId(changed), changed).to.equal(false);
        }),
        options,
      );
    });

    it('given a valid ID, then every adjacent transposition of unequal characters is detected', () => {
      fc.assert(
        fc.property(validId, fc.integer({ min: 0, max: 16 }), (id, at) => {
          fc.pre(id[at] !== id[at + 1]);
          expect(isResidentId(transpose(id, at)), transpose(id, at)).to.equal(false);
        }),
        options,
      );
    });
  });

  describe('USCC (GB 32100, MOD 31)', () => {
    it('given any 17-character body, then exactly one of the 31 check characters is valid, and it is the reference one', () => {
      fc.assert(
        fc.property(usccBody, (body) => {
          const valid = [...ALPHABET].filter((c) => isUscc(body + c));
          expect(valid).to.deep.equal([gb32100Check(body)]);
        }),
        options,
      );
    });

    it('given any 17-character body, then our check character equals the reference of the standard formula', () => {
      fc.assert(
        fc.property(usccBody, (body) => {
          expect(usccCheckChar(body)).to.equal(gb32100Check(body));
        }),
        options,
      );
    });

    it('given a valid USCC, then every single substitution is detected (never accepted as it stands)', () => {
      fc.assert(
        fc.property(validUscc, fc.integer({ min: 0, max: 17 }), usccChar, (code, at, char) => {
          fc.pre(char !== code[at]);
          expect(isUscc(substitute(code, at, char)), substitute(code, at, char)).to.equal(false);
        }),
        options,
      );
    });

    it('given a valid USCC, then every adjacent transposition of unequal characters is detected', () => {
      fc.assert(
        fc.property(validUscc, fc.integer({ min: 0, max: 16 }), (code, at) => {
          fc.pre(code[at] !== code[at + 1]);
          expect(isUscc(transpose(code, at)), transpose(code, at)).to.equal(false);
        }),
        options,
      );
    });
  });

  describe('typed fields never cross-accept (H5)', () => {
    it('given a valid resident ID typed into a USCC field, then it is never accepted without a warning', () => {
      fc.assert(
        fc.property(validId, (id) => {
          expect(verdictOf('cn-uscc', id), id).to.not.equal('accept');
        }),
        options,
      );
    });

    it('given a registered USCC typed into a resident-ID field, then it is never accepted without a warning', () => {
      fc.assert(
        fc.property(registeredUscc, (code) => {
          expect(isUscc(code) && hasValidOrganizationCode(code), code).to.equal(true);
          expect(verdictOf('cn-resident-id', code), code).to.not.equal('accept');
        }),
        options,
      );
    });
  });
});
