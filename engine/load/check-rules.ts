/**
 * Rules (JSON Logic) in workflows and checklists: known operators only, variables under the
 * roots the rule context has (engine/rules/context.ts), and `form.…` variables that exist in
 * the form of every item using the rule. Checklist rules read the form only.
 */
import type { Checklist } from '../kinds/checklist.js';
import type { ServiceItem } from '../kinds/service-item.js';
import type { Workflow } from '../kinds/workflow.js';
import type { Problem } from '../problem.js';
import { ruleFixedPaths, ruleRoots } from '../rules/context.js';
import { isJsonLogicOperator, jsonLogicOperators, ruleReferences } from '../rules/vars.js';
import { extractFormFields, hasFormField, normalizeFieldPath } from '../forms/fields.js';
import { didYouMean } from '../suggest.js';
import { entriesOf, getEntry, type DefinitionEntry, type DefinitionSet } from './definition-set.js';
import { problemIn, type Finding } from './problem-in.js';
import { workflowEffects, workflowRules, type Tokens } from './workflow-parts.js';

/** A variable a definition reads, and where. */
interface VarUse {
  name: string;
  at: Tokens;
}

/** Fixed-root paths that hold arrays: `.length` and an index may follow them. */
const arrayPaths = new Set(['materials.missing', 'materials.deficient', 'eligibility.unmet', 'actor.roles']);

/** Every operator and variable of located rules, with pointers into the document. */
function references(rules: Array<{ rule: unknown; at: Tokens }>) {
  return rules.flatMap(({ rule, at }) => ruleReferences(rule).map((ref) => ({ ...ref, at: [...at, ...ref.at] })));
}

function workflowVars(workflow: Workflow): VarUse[] {
  const fromRules = references(workflowRules(workflow)).filter((r) => r.type === 'var');
  const fromSets = workflowEffects(workflow).flatMap(({ effect, at }) => ('set' in effect ? [{ name: effect.from, at: [...at, 'from'] }] : []));
  return [...fromRules, ...fromSets];
}

function checklistRules(checklist: Checklist): Array<{ rule: unknown; at: Tokens }> {
  return checklist.materials.flatMap((m, i) => (typeof m.required === 'object' ? [{ rule: m.required, at: ['materials', i, 'required'] }] : []));
}

/** True when a rule may read `name`: an open root (form, command) or a fixed path of the rule context. */
export function isKnownRuleVar(name: string): boolean {
  const [root] = name.split('.');
  if (!(ruleRoots as readonly string[]).includes(root ?? '')) return false;
  if (root === 'form' || root === 'command') return true;
  if (name.startsWith('case.fields.')) return true;
  if ((ruleFixedPaths as readonly string[]).some((p) => p === name || p.startsWith(`${name}.`))) return true;
  const parent = name.slice(0, name.lastIndexOf('.'));
  const last = name.slice(name.lastIndexOf('.') + 1);
  return arrayPaths.has(parent) && (last === 'length' || /^\d+$/.test(last));
}

function operatorFindings(owner: string, rules: Array<{ rule: unknown; at: Tokens }>): Finding[] {
  return references(rules)
    .filter((r) => r.type === 'operator' && !isJsonLogicOperator(r.name))
    .map((r) => {
      const hint = didYouMean(r.name, jsonLogicOperators);
      return { code: 'rule.operator-unknown', at: r.at, message: `${owner}: rule uses unknown JSON Logic operator "${r.name}".${hint.text}`, suggestion: hint.suggestion };
    });
}

function varFindings(owner: string, vars: VarUse[]): Finding[] {
  return vars
    .filter((v) => !isKnownRuleVar(v.name))
    .map((v) => {
      const hint = didYouMean(v.name, ruleFixedPaths);
      const roots = ruleRoots.join(', ');
      return { code: 'rule.var-unknown', at: v.at, message: `${owner}: rule reads "${v.name}", which the rule context does not have (roots: ${roots}; fixed paths: ${ruleFixedPaths.join(', ')}).${hint.text}`, suggestion: hint.suggestion };
    });
}

function checkWorkflowRules(entry: DefinitionEntry<'Workflow'>): Problem[] {
  const owner = `Workflow "${entry.definition.id}"`;
  const findings = [...operatorFindings(owner, workflowRules(entry.definition)), ...varFindings(owner, workflowVars(entry.definition))];
  return findings.map((f) => problemIn(entry, f));
}

function checkChecklistRules(entry: DefinitionEntry<'Checklist'>): Problem[] {
  const owner = `Checklist "${entry.definition.id}"`;
  const rules = checklistRules(entry.definition);
  const invalidRoots = references(rules)
    .filter((r) => r.type === 'var' && !r.name.startsWith('form.') && r.name !== 'form')
    .map((r) => ({
      code: 'checklist.rule-root-invalid',
      at: r.at,
      message: `${owner}: a material's "required" rule reads "${r.name}", but checklist rules may read the form data only ("form.…").`,
    }));
  return [...operatorFindings(owner, rules), ...invalidRoots].map((f) => problemIn(entry, f));
}

function eligibilityRules(item: ServiceItem): Array<{ rule: unknown; at: Tokens }> {
  return (item.eligibility ?? []).flatMap((c, i) => [
    { rule: c.rule, at: ['eligibility', i, 'rule'] },
    ...(c.when === undefined ? [] : [{ rule: c.when, at: ['eligibility', i, 'when'] }]),
  ]);
}

/** Eligibility rules (受理条件) are judged against the form data alone, like checklist rules. */
function checkEligibilityRules(entry: DefinitionEntry<'ServiceItem'>): Problem[] {
  const owner = `ServiceItem "${entry.definition.id}"`;
  const rules = eligibilityRules(entry.definition);
  const invalidRoots = references(rules)
    .filter((r) => r.type === 'var' && !r.name.startsWith('form.') && r.name !== 'form')
    .map((r) => ({
      code: 'item.eligibility-root-invalid',
      at: r.at,
      message: `${owner}: an eligibility rule reads "${r.name}", but eligibility rules may read the form data only ("form.…").`,
    }));
  const keys = new Set<string>();
  const duplicates = (entry.definition.eligibility ?? []).flatMap((c, i) => {
    if (!keys.has(c.key)) {
      keys.add(c.key);
      return [];
    }
    return [{ code: 'item.eligibility-duplicate', at: ['eligibility', i, 'key'], message: `${owner}: eligibility key "${c.key}" is used twice; keys must be unique.` }];
  });
  return [...operatorFindings(owner, rules), ...invalidRoots, ...duplicates].map((f) => problemIn(entry, f));
}

/** Form variables of a workflow or checklist that the item's form does not declare. */
function formFieldFindings(item: string, form: DefinitionEntry<'Form'>, vars: VarUse[]): Finding[] {
  const schema = form.definition.schema;
  const fields = extractFormFields(schema);
  return vars
    .filter((v) => v.name.startsWith('form.') && !hasFormField(schema, v.name.slice('form.'.length)))
    .map((v) => {
      const field = v.name.slice('form.'.length);
      const hint = didYouMean(normalizeFieldPath(field), fields);
      return {
        code: 'rule.form-field-unknown',
        at: v.at,
        message: `ServiceItem "${item}": rule reads "${v.name}", but form "${form.definition.id}" has no field "${field}".${hint.text ? ` Did you mean "form.${hint.suggestion}"?` : ''}`,
        suggestion: hint.suggestion === undefined ? undefined : `form.${hint.suggestion}`,
      };
    });
}

/** Per item: the rules of its workflow and checklist read only fields its form has. */
function checkItemFormFields(set: DefinitionSet): Problem[] {
  return entriesOf(set, 'ServiceItem').flatMap(({ definition: item }) => {
    const form = getEntry(set, 'Form', item.form);
    if (form === undefined) return [];
    const workflow = getEntry(set, 'Workflow', item.workflow);
    const checklist = getEntry(set, 'Checklist', item.checklist);
    const workflowVarUses = workflow === undefined ? [] : workflowVars(workflow.definition);
    const checklistVarUses = checklist === undefined ? [] : references(checklistRules(checklist.definition)).filter((r) => r.type === 'var');
    const itemEntry = getEntry(set, 'ServiceItem', item.id);
    const eligibilityVarUses = references(eligibilityRules(item)).filter((r) => r.type === 'var');
    return [
      ...(itemEntry === undefined ? [] : formFieldFindings(item.id, form, eligibilityVarUses).map((f) => problemIn(itemEntry, f))),
      ...(workflow === undefined ? [] : formFieldFindings(item.id, form, workflowVarUses).map((f) => problemIn(workflow, f))),
      ...(checklist === undefined ? [] : formFieldFindings(item.id, form, checklistVarUses).map((f) => problemIn(checklist, f))),
    ];
  });
}

/** Rule problems of every workflow, checklist and item in the set. */
export function checkRules(set: DefinitionSet): Problem[] {
  return [
    ...entriesOf(set, 'Workflow').flatMap(checkWorkflowRules),
    ...entriesOf(set, 'Checklist').flatMap(checkChecklistRules),
    ...entriesOf(set, 'ServiceItem').flatMap(checkEligibilityRules),
    ...checkItemFormFields(set),
  ];
}
