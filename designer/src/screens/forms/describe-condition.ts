/** A condition in the builder's words, for tooltips: 是否委托代理 为“是”, 申请人类型 等于 单位. */
import type { TFunction } from 'i18next';
import { takesValue } from './conditions';
import { labelOf, listFields, type FieldInfo, type FormParts, type RuleRef } from './field-list';
import { jsonEqual } from './json-path';
import { readChoices } from './options';

export function describeRule(parts: FormParts, field: FieldInfo, rule: RuleRef, t: TFunction): string {
  const { condition } = rule;
  if (!condition) return t('customWords', { ns: 'forms' });
  const tested = listFields(parts, field.container).find((f) => f.key === condition.field);
  const name = tested ? labelOf(tested) : condition.field;
  const op = t(`op_${condition.op}`, { ns: 'forms' });
  if (!takesValue(condition.op)) return `${name} ${op}`;
  const choice = tested ? readChoices(parts, tested).find((c) => jsonEqual(c.value, condition.value)) : undefined;
  const value = typeof condition.value === 'boolean' ? t(condition.value ? 'yes' : 'no', { ns: 'forms' }) : (choice?.label ?? String(condition.value));
  return `${name} ${op} ${value}`;
}
