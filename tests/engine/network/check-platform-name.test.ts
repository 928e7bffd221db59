/**
 * The seed's naming rules (挂牌/授牌) as the province's data holds them, checked by the pure
 * engine function: the seed's examples pass; each common mistake gets the rule, the example
 * and its own hint.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Network } from '../../../engine/kinds/network.js';
import { checkAwardTitle, checkPlatformName, compileNamePattern } from '../../../engine/network/index.js';
import { definitionsDir } from '../../../server/paths.js';

const network = (JSON.parse(readFileSync(join(definitionsDir, 'province', 'platforms', 'sichuan-province.json'), 'utf8')) as { network: Network }).network;

const messageOf = (level: 'city' | 'park' | 'workstation' | 'county', name: string): string => {
  const problems = checkPlatformName(network, { level, name });
  expect(problems, name).to.have.length(1);
  expect(problems[0]).to.include({ code: 'platform.name-rule', path: '/name' });
  return problems[0]?.message ?? '';
};

describe('checkPlatformName with the Sichuan naming rules', () => {
  it('given every pattern of the data, when compiled, then each is a valid anchored expression', () => {
    const patterns = [...network.naming.map((r) => r.pattern), network.awards?.pattern ?? ''];
    for (const pattern of patterns) expect(compileNamePattern(pattern), pattern).to.be.instanceOf(RegExp);
    for (const mistake of [...network.naming.flatMap((r) => r.mistakes ?? []), ...(network.awards?.mistakes ?? [])]) {
      expect(compileNamePattern(mistake.pattern), mistake.pattern).to.be.instanceOf(RegExp);
    }
  });

  it("given the seed's examples, when checked at their level, then there is no problem", () => {
    expect(checkPlatformName(network, { level: 'city', name: '四川省（绵阳）知识产权公共服务平台' })).to.deep.equal([]);
    expect(checkPlatformName(network, { level: 'city', name: '四川省（达州）知识产权公共服务平台' })).to.deep.equal([]);
    expect(checkPlatformName(network, { level: 'park', name: '四川省（广安经开区）知识产权公共服务平台' })).to.deep.equal([]);
    expect(checkPlatformName(network, { level: 'park', name: '四川省（绵阳高新区）知识产权公共服务平台' })).to.deep.equal([]);
    expect(checkPlatformName(network, { level: 'workstation', name: '四川省（绵阳）知识产权公共服务平台科技城工作站' })).to.deep.equal([]);
    expect(checkPlatformName(network, { level: 'workstation', name: '四川省（绵阳）知识产权公共服务平台 科技城 工作站' })).to.deep.equal([]);
  });

  it('given 市 or 州 left in the city name, when checked, then the message quotes the rule and the example and says to drop it', () => {
    const message = messageOf('city', '四川省（绵阳市）知识产权公共服务平台');
    expect(message).to.include('不含“市、州”等行政区划字样');
    expect(message).to.include('例：四川省（绵阳）知识产权公共服务平台');
    expect(message).to.include('写“绵阳”而不是“绵阳市”');
    expect(messageOf('city', '四川省（凉山州）知识产权公共服务平台')).to.include('写“凉山”而不是“凉山州”');
  });

  it('given half-width brackets, when checked, then the hint names the full-width ones', () => {
    expect(messageOf('city', '四川省(绵阳)知识产权公共服务平台')).to.include('括号应为全角“（）”');
    expect(messageOf('park', '四川省(广安经开区)知识产权公共服务平台')).to.include('括号应为全角“（）”');
  });

  it('given a workstation name without 工作站, when checked, then the hint says it ends with 工作站', () => {
    const message = messageOf('workstation', '四川省（绵阳）知识产权公共服务平台科技城');
    expect(message).to.include('以“工作站”结尾');
    expect(message).to.include('例：四川省（绵阳）知识产权公共服务平台科技城工作站');
  });

  it('given a park named by its full name, when checked, then the hint asks for the short form', () => {
    expect(messageOf('park', '四川省（广安经济技术开发区）知识产权公共服务平台')).to.include('规范简称');
  });

  it('given several mistakes in one name, when checked, then every hint is given at once', () => {
    const message = messageOf('city', '四川省(绵阳市)知识产权公共服务平台');
    expect(message).to.include('全角').and.to.include('而不是“绵阳市”');
  });

  it('given an empty or an over-long name, when checked, then it is refused without running the pattern', () => {
    expect(messageOf('city', '')).to.include('请填写平台名称');
    expect(messageOf('city', '四'.repeat(101))).to.include('不能超过 100 个字');
  });

  it('given a level the data names no rule for, when checked, then nothing is said', () => {
    expect(checkPlatformName(network, { level: 'county', name: '任意名称' })).to.deep.equal([]);
  });
});

describe('checkAwardTitle with the Sichuan award rule', () => {
  it("given the seed's example, when checked for a city, then there is no problem", () => {
    expect(checkAwardTitle(network.awards, { level: 'city', title: '四川省知识产权保护中心德阳分中心' })).to.deep.equal([]);
  });

  it('given 市 before 分中心 or brackets, when checked, then the rule, example and hint are quoted', () => {
    const [problem] = checkAwardTitle(network.awards, { level: 'city', title: '四川省知识产权保护中心德阳市分中心' });
    expect(problem).to.include({ code: 'platform.award-rule', path: '/title' });
    expect(problem?.message).to.include('例：四川省知识产权保护中心德阳分中心').and.to.include('不含“市”字');
    expect(checkAwardTitle(network.awards, { level: 'city', title: '四川省知识产权保护中心（德阳）分中心' })[0]?.message).to.include('不加括号');
  });

  it('given a park platform, when awarded, then the level is refused', () => {
    expect(checkAwardTitle(network.awards, { level: 'park', title: '四川省知识产权保护中心德阳分中心' })[0]?.code).to.equal('platform.award-level');
  });
});
