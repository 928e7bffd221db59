/**
 * A platform's `network` rules: every naming, award and mistake pattern compiles (a rule that
 * cannot run would refuse every name), and the construction item, when it is in the set, has
 * the workflow steps and form fields the registry reads.
 */
import type { Network } from '../kinds/network.js';
import { compileNamePattern } from '../network/check-platform-name.js';
import type { Problem } from '../problem.js';
import { hasFormField } from '../forms/fields.js';
import { didYouMean } from '../suggest.js';
import { entriesOf, getDefinition, type DefinitionSet } from './definition-set.js';
import { problemIn, type Finding } from './problem-in.js';

type Tokens = Array<string | number>;

function patternsOf(network: Network): Array<{ pattern: string; at: Tokens }> {
  const rules: Array<{ rule: { pattern: string; mistakes?: Array<{ pattern: string }> }; at: Tokens }> = [
    ...network.naming.map((rule, i) => ({ rule, at: ['network', 'naming', i] })),
    ...(network.awards === undefined ? [] : [{ rule: network.awards, at: ['network', 'awards'] }]),
  ];
  return rules.flatMap(({ rule, at }) => [
    { pattern: rule.pattern, at: [...at, 'pattern'] },
    ...(rule.mistakes ?? []).map((m, j) => ({ pattern: m.pattern, at: [...at, 'mistakes', j, 'pattern'] })),
  ]);
}

function constructionFindings(set: DefinitionSet, network: Network, owner: string): Finding[] {
  const construction = network.construction;
  const item = construction === undefined ? undefined : getDefinition(set, 'ServiceItem', construction.item);
  if (construction === undefined || item === undefined) return [];
  const workflow = getDefinition(set, 'Workflow', item.workflow);
  const form = getDefinition(set, 'Form', item.form);
  const steps = workflow === undefined ? [] : Object.keys(workflow.steps);
  const stepFindings = Object.entries(construction.statusBySteps)
    .filter(([, step]) => workflow !== undefined && !steps.includes(step))
    .map(([status, step]): Finding => {
      const hint = didYouMean(step, steps);
      return { code: 'platform.construction-step-unknown', at: ['network', 'construction', 'statusBySteps', status], message: `${owner}: status "${status}" names step "${step}", which workflow "${item.workflow}" does not have.${hint.text}`, suggestion: hint.suggestion };
    });
  const fieldFindings = Object.entries(construction.fields)
    .filter(([, field]) => form !== undefined && !hasFormField(form.schema, field))
    .map(([role, field]): Finding => ({ code: 'platform.construction-field-unknown', at: ['network', 'construction', 'fields', role], message: `${owner}: "${role}" is read from form field "${field}", which form "${item.form}" does not have.` }));
  return [...stepFindings, ...fieldFindings];
}

/** Problems of the network rules of every platform in the set. */
export function checkNetwork(set: DefinitionSet): Problem[] {
  return entriesOf(set, 'Platform').flatMap((entry) => {
    const network = entry.definition.network;
    if (network === undefined) return [];
    const owner = `Platform "${entry.definition.id}"`;
    const patternFindings = patternsOf(network)
      .filter(({ pattern }) => compileNamePattern(pattern) === undefined)
      .map(({ pattern, at }): Finding => ({ code: 'platform.name-pattern-invalid', at, message: `${owner}: "${pattern}" is not a valid regular expression (JavaScript, Unicode mode); fix it or every name checked against it is refused.` }));
    return [...patternFindings, ...constructionFindings(set, network, owner)].map((f) => problemIn(entry, f));
  });
}
