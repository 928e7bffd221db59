/**
 * Adoption locks: a platform's own version of an inherited item keeps the locked fields and
 * locks, and may only tighten an unlocked time limit.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceItem } from '../../../engine/kinds/service-item.js';
import { checkAdoption, validateShape } from '../../../engine/load/index.js';
import { definitionsDir } from '../../../server/paths.js';

const provinceItem = (): ServiceItem =>
  JSON.parse(readFileSync(join(definitionsDir, 'province', 'items', 'patent-pledge-registration.json'), 'utf8')) as ServiceItem;

const codesAndPaths = (inherited: ServiceItem, localized: ServiceItem) =>
  checkAdoption(inherited, localized, 'platform "sichuan-province"').map((p) => [p.code, p.path]);

describe('checkAdoption', () => {
  it('given the province item, then it locks its legal facts and leaves the local ones and the time limit open', () => {
    const { locked } = provinceItem();
    expect(locked).to.include.members(['code', 'category', 'targets', 'content', 'legalBasis', 'conditions', 'refusalGrounds', 'fee', 'form', 'checklist', 'workflow', 'title']);
    expect(locked).not.to.include.members(['department', 'channel', 'channelNote', 'contact', 'guide', 'notices', 'keywords', 'steps', 'description', 'timeLimit']);
  });

  it('given a copy with only unlocked fields changed, when checked, then there is no problem', () => {
    const inherited = provinceItem();
    const localized = {
      ...inherited,
      version: 1,
      channelNote: '绵阳窗口：绵阳市知识产权公共服务平台服务大厅（示例）',
      department: { name: '绵阳市知识产权服务中心（示例）' },
      contact: { phone: '0816-0000000' },
      keywords: ['质押'],
      // Keys in another order are the same value.
      fee: { description: inherited.fee.description, isFree: inherited.fee.isFree },
    } as ServiceItem;
    expect(checkAdoption(inherited, localized)).to.deep.equal([]);
  });

  it('given a changed locked field, when checked, then one problem at that field names the field and the inherited version', () => {
    const inherited = provinceItem();
    const problems = checkAdoption(inherited, { ...inherited, legalBasis: ['《专利法》'] }, 'platform "sichuan-province"');
    expect(problems).to.have.length(1);
    expect(problems[0]).to.include({ code: 'adoption.locked-field-changed', path: '/legalBasis' });
    expect(problems[0]!.message).to.equal(
      'legalBasis is locked by the inherited ServiceItem "patent-pledge-registration" version 1 of platform "sichuan-province" and cannot be changed; keep the inherited value.',
    );
  });

  it('given a locked field that is absent in the template, when the copy adds it, then that is a change too', () => {
    const { conditions: _conditions, ...inherited } = provinceItem();
    expect(codesAndPaths(inherited, { ...inherited, conditions: ['本市企业'] })).to.deep.equal([['adoption.locked-field-changed', '/conditions']]);
  });

  it('given a copy that drops locks or has none, when checked, then one lock-removed problem names each dropped lock', () => {
    const inherited = provinceItem();
    const { locked: _locked, ...unlocked } = inherited;
    const fewer = { ...inherited, locked: inherited.locked!.filter((f) => f !== 'fee' && f !== 'title') };
    expect(codesAndPaths(inherited, unlocked as ServiceItem)).to.deep.equal([['adoption.lock-removed', '/locked']]);
    const [problem] = checkAdoption(inherited, fewer);
    expect(problem).to.include({ code: 'adoption.lock-removed', path: '/locked' });
    expect(problem!.message).to.contain('"title", "fee"');
  });

  it('given a copy that locks more than the template, when checked, then that is allowed (locks are handed down)', () => {
    const inherited = provinceItem();
    expect(checkAdoption(inherited, { ...inherited, locked: [...inherited.locked!, 'channel'] })).to.deep.equal([]);
  });

  it('given an unlocked time limit, when shortened or given a new note, then fine; when longer or in another unit, then refused', () => {
    const inherited = provinceItem();
    const withLimit = (timeLimit: ServiceItem['timeLimit']) => codesAndPaths(inherited, { ...inherited, timeLimit });
    expect(withLimit({ value: 2, unit: 'workingDay', note: '绵阳承诺时限' })).to.deep.equal([]);
    expect(withLimit({ value: 3, unit: 'workingDay' })).to.deep.equal([]);
    expect(withLimit({ value: 4, unit: 'workingDay' })).to.deep.equal([['adoption.limit-longer', '/timeLimit/value']]);
    expect(withLimit({ value: 3, unit: 'calendarDay' })).to.deep.equal([['adoption.limit-unit-changed', '/timeLimit/unit']]);
  });

  it('given a locked time limit, when shortened, then equality applies and it is refused', () => {
    const inherited = { ...provinceItem(), locked: ['timeLimit' as const] };
    expect(codesAndPaths(inherited, { ...inherited, timeLimit: { value: 2, unit: 'workingDay' } })).to.deep.equal([
      ['adoption.locked-field-changed', '/timeLimit'],
    ]);
  });

  it('given no locks at all, when every field changes but the limit stays, then there is no problem', () => {
    const { locked: _locked, ...inherited } = provinceItem();
    expect(checkAdoption(inherited as ServiceItem, { ...inherited, title: '别的标题', legalBasis: [] } as ServiceItem)).to.deep.equal([]);
  });

  it('given a changed basic code, when checked, then code-changed at /code/basic whether or not code is locked', () => {
    const inherited = provinceItem();
    const changed = { ...inherited, code: { ...inherited.code, basic: '512199001999' } };
    expect(codesAndPaths(inherited, changed)).to.deep.equal([
      ['adoption.locked-field-changed', '/code'],
      ['adoption.code-changed', '/code/basic'],
    ]);
    const unlocked = { ...inherited, locked: (inherited.locked ?? []).filter((f) => f !== 'code') };
    const problems = checkAdoption(unlocked, { ...changed, locked: unlocked.locked });
    expect(problems.map((p) => [p.code, p.path, p.suggestion])).to.deep.equal([['adoption.code-changed', '/code/basic', '512199001000']]);
    // Another implementation code is a local matter when code is not locked.
    expect(checkAdoption(unlocked, { ...unlocked, code: { basic: '512199001000' } })).to.deep.equal([]);
  });
});

describe('ServiceItem locked (shape)', () => {
  it('given a lock naming no field, or an identity field, or twice the same, when validated, then each is a shape problem', () => {
    const item = provinceItem();
    const at = (locked: unknown[]) => validateShape({ ...item, locked }).map((p) => [p.code, p.path]);
    expect(at(['legalBasiss'])).to.deep.equal([['shape.enum', '/locked/0']]);
    expect(validateShape({ ...item, locked: ['legalBasiss'] })[0]?.suggestion).to.equal('legalBasis');
    expect(at(['id'])).to.deep.equal([['shape.enum', '/locked/0']]);
    expect(at(['fee', 'fee']).map(([code]) => code)).to.deep.equal(['shape.unique-items']);
  });
});
