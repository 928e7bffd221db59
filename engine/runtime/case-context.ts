/**
 * Builds the CaseContext notice templates render with: the item context (item, platform,
 * checklist as the guide prints it) plus the case, its applicant, its materials as the one-time
 * notice lists them, the actor, the task just opened and the latest evaluation.
 */
import { evaluateEligibility } from '../checklist/eligibility.js';
import { evaluateChecklist, type MaterialEvaluation } from '../checklist/evaluate.js';
import { evaluationLevelLabel } from '../labels.js';
import type { CaseContext, ItemContext } from '../templates/context.js';
import { buildItemContext } from '../templates/item-context.js';
import type { Case } from './case.js';
import { stepClockName } from './clocks.js';
import type { Draft } from './draft.js';
import { textOf } from '../text.js';

type MaterialLine = CaseContext['materials']['required'][number];
type ChecklistEntry = ItemContext['checklist'][number];

/** The stages after acceptance: entering one of them means the case was accepted. */
const ACCEPTED_STAGES = new Set(['implement', 'feedback', 'supervise']);

/** The case context for the draft as it stands now. */
export function buildCaseContext(draft: Draft): CaseContext {
  const { bundle, actor, now, applicant } = draft.context;
  const c = draft.case;
  const itemContext = buildItemContext({ item: bundle.item, platform: bundle.platform, checklist: bundle.checklist, now });
  const evaluation = c.evaluations.at(-1);
  return {
    ...itemContext,
    case: {
      id: c.id,
      number: c.number,
      status: c.status,
      step: c.step,
      stepTitle: textOf(bundle.workflow.steps[c.step]?.title),
      createdAt: c.createdAt,
      submittedAt: firstEntry(draft, (name) => name !== bundle.workflow.start),
      acceptedAt: firstEntry(draft, (_, stage) => stage !== undefined && ACCEPTED_STAGES.has(stage)),
      dueAt: dueAtOf(c),
      verificationCode: c.verificationCode ?? '',
      channel: c.channel ?? 'online',
      fields: c.fields,
    },
    form: c.data,
    applicant: { id: c.applicantId, name: applicant?.name ?? '', phone: applicant?.phone ?? '', email: applicant?.email ?? '' },
    materials: materialLines(draft, itemContext.checklist),
    eligibility: evaluateEligibility(bundle.item.eligibility, c.data),
    actor: { id: actor.id, name: actor.name ?? '' },
    task: { title: draft.task?.title ?? '', kind: draft.task?.kind ?? '', dueAt: draft.task?.dueAt ?? '' },
    evaluation: {
      level: evaluation?.level ?? 0,
      levelLabel: evaluation === undefined ? '' : evaluationLevelLabel(evaluation.level),
      comment: evaluation?.comment ?? '',
    },
  };
}

/** The earliest first entry into a step that matches, '' when none. */
function firstEntry(draft: Draft, matches: (name: string, stage: string | undefined) => boolean): string {
  const steps = draft.context.bundle.workflow.steps;
  const instants = Object.entries(draft.case.visits ?? {})
    .filter(([name]) => matches(name, steps[name]?.stage))
    .map(([, visit]) => visit.firstAt)
    .sort((a, b) => Date.parse(a) - Date.parse(b));
  return instants[0] ?? '';
}

/** The current step's due instant, else the earliest live clock's, else ''. */
function dueAtOf(c: Case): string {
  const own = c.clocks[stepClockName(c.step)];
  if (own !== undefined && own.status !== 'stopped') return own.dueAt;
  const live = Object.values(c.clocks)
    .filter((clock) => clock.status !== 'stopped')
    .map((clock) => clock.dueAt)
    .sort((a, b) => Date.parse(a) - Date.parse(b));
  return live[0] ?? '';
}

function materialLines(draft: Draft, entries: ChecklistEntry[]): CaseContext['materials'] {
  const state = evaluateChecklist({ checklist: draft.context.bundle.checklist, data: draft.case.data, materials: draft.case.materials });
  const byKey = new Map(entries.map((e) => [e.key, e]));
  const line = (e: MaterialEvaluation): MaterialLine => {
    const entry = byKey.get(e.key);
    return {
      key: e.key,
      name: e.material.name,
      formLabel: entry?.formLabel ?? '',
      count: e.material.count,
      condition: e.material.condition ?? '',
      note: e.material.note ?? '',
      reason: e.reason ?? '',
      isDeferrable: e.isDeferrable,
    };
  };
  const where = (statuses: string[]) => state.materials.filter((e) => statuses.includes(e.status)).map(line);
  return {
    required: state.materials.filter((e) => e.isRequired).map(line),
    provided: where(['provided']),
    missing: where(['missing', 'deferred']),
    deficient: where(['deficient']),
    toSupply: where(['missing', 'deferred', 'deficient']),
  };
}
