/**
 * The password profile as a pure check (goal C4): each rule refused with its own code and a
 * Chinese + English message at /newPassword, good passwords (64 characters, pasted random
 * ones) accepted, and the age rule's warning and forced change.
 */
import { expect } from 'chai';
import { passwordState } from '../../../engine/security/password-age.js';
import { checkPasswordPolicy, commonForms, contextTokens, type PasswordProfile } from '../../../engine/security/password-policy.js';
import { commonPasswords } from '../../../server/operations/password-rules.js';

const contextWords = ['zhangsan', '张三（演示申请人）', 'mianyang', '绵阳市知识产权公共服务平台', '13800138000', '51070419900307123X'];

const codesOf = (password: string, profile: PasswordProfile = 'mlps') =>
  checkPasswordPolicy({ password, profile, contextWords, commonPasswords: commonPasswords() }).map((p) => p.code);

describe('engine: password policy', () => {
  it('given the list from @zxcvbn-ts/language-common, when loaded, then it holds the 3,000 most common passwords in lower case', () => {
    const list = commonPasswords();
    expect(list.size).to.be.within(2990, 3000);
    expect(list.has('password')).to.equal(true);
    expect(list.has('123456')).to.equal(true);
    expect([...list].every((p) => p === p.toLowerCase())).to.equal(true);
  });

  const refusals: Array<[string, string, string]> = [
    ['7 characters', 'Ab1#xyz', 'password.too-short'],
    ['2 of 4 classes', 'longpassphrase99', 'password.too-few-classes'],
    ['a top-3000 password decorated', 'Dragon2026!', 'password.common'],
    ['a top-3000 password in look-alikes', 'P@ssw0rd', 'password.common'],
    ['the username', 'Zhangsan#2026', 'password.context'],
    ['the display name', '张三Love#2026', 'password.context'],
    ['the platform id', 'Mianyang@2026', 'password.context'],
    ['the own phone number', 'Tel13800138000!', 'password.context'],
    ['the last 6 of the own ID number', 'Ab#07123x', 'password.context'],
  ];
  for (const [what, password, code] of refusals) {
    it(`given ${what} (${password}), when checked, then it is refused with ${code} at /newPassword in Chinese and English`, () => {
      const problems = checkPasswordPolicy({ password, profile: 'mlps', contextWords, commonPasswords: commonPasswords() });
      const problem = problems.find((p) => p.code === code);
      expect(problem, JSON.stringify(problems)).to.not.equal(undefined);
      expect(problem?.path).to.equal('/newPassword');
      expect(problem?.message).to.match(/[\u4e00-\u9fff]/).and.to.match(/[A-Za-z]{4,}/);
    });
  }

  it('given a password breaking several rules, when checked, then every broken rule is listed', () => {
    expect(codesOf('zhangsan')).to.have.members(['password.too-few-classes', 'password.context']);
    expect(codesOf('abc')).to.include.members(['password.too-short', 'password.too-few-classes']);
  });

  it('given good passwords, a 64-character one and a pasted random one, when checked, then none is refused', () => {
    const pasted = 'q7$Lm9#vT2!xW4@kP8%zR3^bN6&cY1*d';
    const long64 = 'Correct-Horse-Battery-Staple-2026-Sichuan-Chengdu-Pingan-Xyz!!#A'.slice(0, 64);
    expect(long64).to.have.length(64);
    for (const password of ['Kx7#mQ2v', 'Bluewater-Canoe-81', pasted, long64]) expect(codesOf(password), password).to.deep.equal([]);
  });

  it('given the asvs profile, when a long lower-case passphrase is checked, then the class rule does not apply but the list does', () => {
    expect(codesOf('longpassphrase of mine', 'asvs')).to.deep.equal([]);
    expect(codesOf('password', 'asvs')).to.deep.equal(['password.common']);
  });

  it('given decorations, when the forms looked up are listed, then the word inside is one of them', () => {
    expect(commonForms('Dragon2026!')).to.include('dragon');
    expect(commonForms('P@ssw0rd')).to.include('password');
    expect(contextTokens(['张三（演示申请人）', 'ab', '51070419900307123X'])).to.include.members(['张三', '演示申请人', '07123x']).and.not.include('ab');
  });
});

describe('engine: password age', () => {
  const rule = { warnDays: 83, maxAgeDays: 90 };
  const at = (days: number, seconds = 0) => new Date(Date.parse('2026-01-01T00:00:00.000Z') + days * 86_400_000 + seconds * 1000).toISOString();
  const stateAt = (days: number, seconds = 0) => passwordState({ changedAt: at(0), now: at(days, seconds), mustChange: false }, rule).state;

  it('given a password set on day 0, when days pass, then it is ok until day 83, warned from day 83 and expired from day 90', () => {
    expect([stateAt(82, 86_399), stateAt(83), stateAt(89, 86_399), stateAt(90)]).to.deep.equal(['ok', 'warn', 'warn', 'expired']);
    expect(passwordState({ changedAt: at(0), now: at(84), mustChange: false }, rule)).to.deep.equal({ state: 'warn', reason: null, expiresAt: at(90), daysLeft: 6 });
  });

  it('given a one-time password, when checked at once, then it must be changed; with expiry off nothing ever expires', () => {
    expect(passwordState({ changedAt: at(0), now: at(0), mustChange: true }, rule)).to.include({ state: 'expired', reason: 'one-time' });
    expect(passwordState({ changedAt: at(0), now: at(5000), mustChange: false }, { warnDays: 0, maxAgeDays: 0 })).to.deep.equal({ state: 'ok', reason: null, expiresAt: null, daysLeft: null });
  });
});
