/**
 * Names against the network's naming rules (挂牌) and award titles against its award rule
 * (授牌). The rules are data (a Platform's `network`); this only matches them and explains a
 * mismatch: the rule, its example, and the hint of the first common mistake the name shows.
 */
import type { AwardRule, Network, NamingRule } from '../kinds/network.js';
import type { PlatformLevel } from '../kinds/platform-level.js';
import type { Problem } from '../problem.js';
import { textOf } from '../text.js';

/** Names longer than this are refused before any pattern runs. */
export const MAX_NAME_LENGTH = 100;

type Rule = Pick<NamingRule, 'pattern' | 'example' | 'rule' | 'mistakes'>;

/** A pattern as a RegExp in Unicode mode, or undefined when it does not compile. */
export function compileNamePattern(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return undefined;
  }
}

/** The naming rule of a level, or undefined when the network names none for it. */
export function namingRuleFor(rules: Pick<Network, 'naming'>, level: PlatformLevel): NamingRule | undefined {
  return rules.naming.find((rule) => rule.levels.includes(level));
}

/** The hints of every common mistake the name shows, in the rule's order: all fixes at once. */
function hintOf(rule: Rule, name: string): string {
  return (rule.mistakes ?? [])
    .filter((mistake) => compileNamePattern(mistake.pattern)?.test(name) === true)
    .map((mistake) => textOf(mistake.hint))
    .join('');
}

/** One problem when `name` breaks `rule`, none when it follows it. */
function check(rule: Rule, input: { name: string; path: string; code: string; what: string }): Problem[] {
  const { name, path, code, what } = input;
  const ruleText = textOf(rule.rule);
  const quote = `${what}“${name}”不符合命名规则：${ruleText}（例：${rule.example}）。`;
  if (name.trim() === '') return [{ code, path, message: `请填写${what}：${ruleText}（例：${rule.example}）。` }];
  if (name.length > MAX_NAME_LENGTH) return [{ code, path, message: `${what}不能超过 ${MAX_NAME_LENGTH} 个字：${ruleText}（例：${rule.example}）。` }];
  const pattern = compileNamePattern(rule.pattern);
  if (pattern === undefined) return [{ code: `${code}-invalid`, path, message: `命名规则“${ruleText}”的表达式无法使用，请联系省级平台修正：${rule.pattern}` }];
  if (pattern.test(name)) return [];
  const hint = hintOf(rule, name);
  return [{ code, path, message: hint === '' ? quote : `${quote}${hint}` }];
}

/**
 * Problems of a platform name under the network's naming rules: none when it follows the rule
 * of its level (or the network names no rule for the level), else one `platform.name-rule`
 * problem quoting the rule, its example and a hint for the mistake it shows.
 *
 * @example
 * // network.naming: [{ levels: ['city'], pattern: '^X（[^市]+）Y$', example: 'X（绵阳）Y', rule: '…', mistakes: [{ pattern: '市）', hint: '不含“市”' }] }]
 * checkPlatformName(network, { level: 'city', name: 'X（绵阳市）Y' });
 * // [{ code: 'platform.name-rule', path: '/name', message: '平台名称“X（绵阳市）Y”不符合命名规则：…（例：X（绵阳）Y）。不含“市”' }]
 */
export function checkPlatformName(rules: Pick<Network, 'naming'>, input: { level: PlatformLevel; name: string; path?: string }): Problem[] {
  const rule = namingRuleFor(rules, input.level);
  if (rule === undefined) return [];
  return check(rule, { name: input.name, path: input.path ?? '/name', code: 'platform.name-rule', what: '平台名称' });
}

/**
 * Problems of an award title (授牌) under the award rule: the title must follow the pattern,
 * and the awarded platform's level must be one the rule allows.
 */
export function checkAwardTitle(rule: AwardRule | undefined, input: { level: PlatformLevel; title: string; path?: string }): Problem[] {
  const path = input.path ?? '/title';
  if (rule === undefined) return [{ code: 'platform.award-rule-missing', path, message: '省级平台尚未设定授牌命名规则（network.awards），暂不能授牌。' }];
  if (rule.levels !== undefined && !rule.levels.includes(input.level)) {
    return [{ code: 'platform.award-level', path: '', message: `该层级（${input.level}）的平台不能授牌；可授牌的层级：${rule.levels.join('、')}。` }];
  }
  return check(rule, { name: input.title, path, code: 'platform.award-rule', what: '授牌名称' });
}
