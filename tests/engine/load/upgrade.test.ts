/**
 * Upgrade plans: what the platform above changed, what the platform changed itself, where both
 * did, and the merged localization, which always passes the new version's locks.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceItem } from '../../../engine/kinds/service-item.js';
import { checkAdoption, planUpgrade } from '../../../engine/load/index.js';
import { definitionsDir } from '../../../server/paths.js';

const provinceV1 = (): ServiceItem =>
  JSON.parse(readFileSync(join(definitionsDir, 'province', 'items', 'patent-pledge-registration.json'), 'utf8')) as ServiceItem;

const CITY_WINDOW = '绵阳窗口：服务大厅一楼3号窗口（示例）';
const NEW_BASIS = '《专利权质押登记办法》（2026年修订，示例）';

/** 绵阳's localization of v1: its own window, a shorter limit, an extra lock of its own. */
function cityV1(from: ServiceItem): ServiceItem {
  return {
    ...from,
    version: 1,
    channelNote: CITY_WINDOW,
    timeLimit: { value: 2, unit: 'workingDay' },
    locked: [...(from.locked ?? []), 'channelNote'],
    extends: { platform: 'sichuan-province', version: 1 },
  };
}

/** The province's v2: a locked field (legalBasis), one the city overrode (channelNote), one it did not (keywords). */
function provinceV2(from: ServiceItem): ServiceItem {
  return { ...from, version: 2, legalBasis: [...from.legalBasis, NEW_BASIS], channelNote: '省级统一办理渠道（示例）', keywords: [...(from.keywords ?? []), '质押融资'] };
}

const plan = (local: ServiceItem, to = provinceV2(provinceV1())) => planUpgrade({ from: provinceV1(), to, local, toPlatform: 'sichuan-province' });

describe('planUpgrade', () => {
  it('given v2 changing three fields, then upstream lists them with their inner changes and whether v2 locks them', () => {
    const { upstream } = plan(cityV1(provinceV1()));
    expect(upstream.map((c) => [c.field, c.locked])).to.deep.equal([
      ['channelNote', false],
      ['legalBasis', true],
      ['keywords', false],
    ]);
    const basis = upstream.find((c) => c.field === 'legalBasis')!;
    expect(basis.changes).to.deep.equal([{ path: '/legalBasis/3', op: 'added', after: NEW_BASIS }]);
    expect(basis.to).to.include(NEW_BASIS);
  });

  it("given the city's localization, then overrides list its own changes, the header fields left out", () => {
    const { overrides } = plan(cityV1(provinceV1()));
    expect(overrides.map((c) => c.field)).to.deep.equal(['channelNote', 'timeLimit', 'locked']);
    expect(overrides[0]).to.include({ from: provinceV1().channelNote, local: CITY_WINDOW });
  });

  it('given a field both changed and unlocked, then it is a conflict kept local; the merged item keeps every override and takes the rest', () => {
    const { conflicts, merged } = plan(cityV1(provinceV1()));
    expect(conflicts).to.deep.equal([{ field: 'channelNote', upstream: '省级统一办理渠道（示例）', local: CITY_WINDOW, resolution: 'keepLocal', reason: 'bothChanged' }]);
    expect(merged.channelNote).to.equal(CITY_WINDOW);
    expect(merged.timeLimit).to.deep.equal({ value: 2, unit: 'workingDay' });
    expect(merged.legalBasis).to.include(NEW_BASIS);
    expect(merged.keywords).to.include('质押融资');
    expect(merged.extends).to.deep.equal({ platform: 'sichuan-province', version: 2 });
    expect(merged.locked).to.deep.equal([...(provinceV1().locked ?? []), 'channelNote']);
    expect(checkAdoption(provinceV2(provinceV1()), merged)).to.deep.equal([]);
  });

  it('given v2 locking a field the city overrode, then upstream wins as a locked conflict', () => {
    const to: ServiceItem = { ...provinceV2(provinceV1()), locked: [...(provinceV1().locked ?? []), 'channelNote'] };
    const { conflicts, merged } = plan(cityV1(provinceV1()), to);
    expect(conflicts.find((c) => c.field === 'channelNote')).to.include({ resolution: 'takeUpstream', reason: 'locked' });
    expect(merged.channelNote).to.equal(to.channelNote);
    expect(checkAdoption(to, merged)).to.deep.equal([]);
  });

  it('given v2 shortening the limit below the city\'s, then the longer local limit gives way (tightenOnly)', () => {
    const to = { ...provinceV2(provinceV1()), timeLimit: { value: 1, unit: 'workingDay' as const } };
    const { conflicts, merged } = plan(cityV1(provinceV1()), to);
    expect(conflicts.find((c) => c.field === 'timeLimit')).to.deep.equal({
      field: 'timeLimit',
      upstream: { value: 1, unit: 'workingDay' },
      local: { value: 2, unit: 'workingDay' },
      resolution: 'takeUpstream',
      reason: 'tightenOnly',
    });
    expect(merged.timeLimit).to.deep.equal({ value: 1, unit: 'workingDay' });
    expect(checkAdoption(to, merged)).to.deep.equal([]);
  });

  it('given v2 with a still longer limit, then the city keeps its shorter one: a conflict kept local', () => {
    const to = { ...provinceV1(), version: 2, timeLimit: { value: 5, unit: 'workingDay' as const } };
    const { conflicts, merged } = plan(cityV1(provinceV1()), to);
    expect(conflicts).to.deep.equal([{ field: 'timeLimit', upstream: { value: 5, unit: 'workingDay' }, local: { value: 2, unit: 'workingDay' }, resolution: 'keepLocal', reason: 'bothChanged' }]);
    expect(merged.timeLimit).to.deep.equal({ value: 2, unit: 'workingDay' });
  });

  it('given a local copy identical to the version it came from, then nothing is overridden and merged is the new version', () => {
    const local = { ...provinceV1(), extends: { platform: 'sichuan-province', version: 1 } };
    const to = provinceV2(provinceV1());
    const { overrides, conflicts, merged } = plan(local, to);
    expect(overrides).to.deep.equal([]);
    expect(conflicts).to.deep.equal([]);
    const { extends: _extends, version: _v, ...rest } = merged;
    const { version: _tv, ...expected } = to;
    expect(rest).to.deep.equal(expected);
  });

  it('given an unlocked code whose basic code the city changed, then the merged code keeps the inherited basic code', () => {
    const from = { ...provinceV1(), locked: (provinceV1().locked ?? []).filter((f) => f !== 'code') };
    const local = { ...from, code: { basic: '999999999999' }, extends: { platform: 'sichuan-province', version: 1 } };
    const to = { ...from, version: 2 };
    const { merged } = planUpgrade({ from, to, local, toPlatform: 'sichuan-province' });
    expect(merged.code).to.deep.equal({ basic: from.code?.basic });
    expect(checkAdoption(to, merged)).to.deep.equal([]);
  });
});
