/**
 * The values the Workflow kind allows (roles, recipients, channels, stages, outcomes, units),
 * read from its TypeBox schemas so the designer offers exactly what the engine accepts, and
 * the variables a flow rule may read (engine/rules/context.ts) for the rule builder.
 */
import type { TFunction } from 'i18next';
import type { TSchema } from '@sinclair/typebox';
import { LimitUnit } from '../../../../engine/kinds/common';
import { Channel, Outcome, Recipient, Role, Stage, type Workflow } from '../../../../engine/kinds/workflow';
import { evaluationLevelLabels } from '../../../../engine/labels';
import type { RuleField } from '../../components/rule-model';

/** The constants of a union of literals. */
function literalsOf<T extends string>(schema: TSchema): T[] {
  return ((schema as { anyOf?: Array<{ const?: unknown }> }).anyOf ?? []).map((s) => s.const as T);
}

export const roles = literalsOf<Role>(Role);
export const recipients = literalsOf<Recipient>(Recipient);
export const channels = literalsOf<Channel>(Channel);
export const stages = literalsOf<Stage>(Stage);
export const outcomes = literalsOf<'completed' | 'rejected' | 'withdrawn'>(Outcome);
export const limitUnits = literalsOf<LimitUnit>(LimitUnit);

const caseStatuses = ['open', 'completed', 'rejected', 'withdrawn'] as const;

/** Case fields the workflow's `set` effects write (case.fields.<key>). */
function setFields(workflow: Workflow): string[] {
  const keys = new Set<string>();
  const visit = (effects: unknown) => {
    if (Array.isArray(effects)) for (const e of effects) if (e && typeof e === 'object' && 'set' in e) keys.add(String((e as { set: unknown }).set));
  };
  for (const step of Object.values(workflow.steps ?? {})) {
    visit(step.onEnter);
    visit(step.onWarn);
    visit(step.onOverdue);
    for (const b of step.next ?? []) visit(b.effects);
    for (const a of Object.values(step.actions ?? {})) visit(a.effects);
  }
  return [...keys].sort();
}

/** The case variables a flow rule may read, labelled for people; form fields come first, from the forms. */
export function caseVariables(t: TFunction, workflow: Workflow): RuleField[] {
  const label = (path: string) => t(`var_${path.replace('.', '_')}`);
  const stepTitle = (name: string) => {
    const title = workflow.steps?.[name]?.title;
    return typeof title === 'string' ? title : (title?.['zh-CN'] ?? name);
  };
  return [
    { path: 'materials.blockingCount', label: label('materials.blockingCount'), type: 'number' },
    { path: 'materials.missingCount', label: label('materials.missingCount'), type: 'number' },
    { path: 'materials.deficientCount', label: label('materials.deficientCount'), type: 'number' },
    { path: 'case.returns', label: label('case.returns'), type: 'number' },
    { path: 'case.isSampled', label: label('case.isSampled'), type: 'boolean' },
    { path: 'case.sample', label: label('case.sample'), type: 'number' },
    { path: 'platform.followUp.sampleRate', label: t('var_platform_sampleRate'), type: 'number' },
    { path: 'case.step', label: label('case.step'), type: 'string', options: Object.keys(workflow.steps ?? {}).map((name) => ({ value: name, label: stepTitle(name) })) },
    { path: 'case.status', label: label('case.status'), type: 'string', options: caseStatuses.map((s) => ({ value: s, label: t(`status_${s}`) })) },
    { path: 'command.level', label: label('command.level'), type: 'number', options: Object.entries(evaluationLevelLabels).map(([v, l]) => ({ value: Number(v), label: `${v} ${l}` })) },
    { path: 'command.reason', label: label('command.reason'), type: 'string' },
    { path: 'command.note', label: label('command.note'), type: 'string' },
    { path: 'command.result', label: label('command.result'), type: 'string' },
    { path: 'actor.roles', label: label('actor.roles'), type: 'array', options: roles.map((r) => ({ value: r, label: t(`role_${r}`) })) },
    ...setFields(workflow).map((key): RuleField => ({ path: `case.fields.${key}`, label: t('var_case_field', { key }), type: 'string' })),
  ];
}
