/**
 * A realistic sample case for previewing notice templates in the studio, built with the same
 * buildCaseContext real notices use: an application of the item, filled in with its form's
 * `sampleData`, accepted and being worked on, with one material accepted, one found deficient
 * and the rest still to supply, so every part of a notice has something to show. Sample people
 * and reasons say 示例 so a preview is never mistaken for a real notice.
 */
import { evaluateChecklist } from '../checklist/evaluate.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { workflowEffects } from '../load/workflow-parts.js';
import type { Bundle } from '../runtime/bundle.js';
import { buildCaseContext } from '../runtime/case-context.js';
import type { Case, MaterialState, StepVisit } from '../runtime/case.js';
import { stepClockName } from '../runtime/clocks.js';
import { pinsOf } from '../runtime/create.js';
import { createDraft } from '../runtime/draft.js';
import { textOf } from '../text.js';
import type { CaseContext } from './context.js';

export interface SampleCaseInput {
  bundle: Bundle;
  calendar: WorkingCalendar;
  /** The sample's instant (ISO 8601): the application was made, accepted and is worked on then. */
  now: string;
  /** The number the platform would give the case. */
  number: string;
}

export const sampleApplicant = { id: 'sample-applicant', name: '张三（示例）', phone: '13800000000', email: 'applicant@example.com' };
const sampleStaff = { id: 'sample-staff', name: '李四（示例）' };
const DEFICIENT_REASON = '（示例）材料字迹不清，请提交清晰完整的扫描件';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The step the sample stands in: the first of the implement stage (accepted, so every date is set), else the start. */
function sampleStep(bundle: Bundle): string {
  const steps = Object.entries(bundle.workflow.steps);
  return steps.find(([, step]) => step.stage === 'implement')?.[0] ?? bundle.workflow.start;
}

function sampleFile(key: string, name: string): MaterialState['files'][number] {
  return { id: `sample-${key}`, name: `${name}.pdf`, size: 102_400, sha256: '0'.repeat(64), mediaType: 'application/pdf' };
}

/** The first required material accepted, the second deficient, the rest not yet supplied. */
function sampleMaterials(bundle: Bundle, data: Record<string, unknown>, now: string): Case['materials'] {
  const required = evaluateChecklist({ checklist: bundle.checklist, data, materials: {} }).materials.filter((m) => m.isRequired);
  const verdicts = [{ status: 'ok' as const }, { status: 'deficient' as const, reason: DEFICIENT_REASON }];
  return Object.fromEntries(
    required.slice(0, verdicts.length).map((m, i) => [m.key, { files: [sampleFile(m.key, m.material.name)], verdict: { ...verdicts[i]!, by: sampleStaff.id, at: now } }]),
  );
}

/** Every field a `set` effect of the workflow writes, with a sample value naming it. */
function sampleFields(bundle: Bundle): Record<string, unknown> {
  const names = workflowEffects(bundle.workflow).flatMap(({ effect }) => ('set' in effect ? [effect.set] : []));
  return Object.fromEntries(names.map((name) => [name, `（示例：${name}）`]));
}

function sampleCase(input: SampleCaseInput): Case {
  const { bundle, now } = input;
  const data = isRecord(bundle.form.sampleData) ? structuredClone(bundle.form.sampleData) : {};
  const step = sampleStep(bundle);
  const visit: StepVisit = { count: 1, firstAt: now, lastAt: now };
  const visited = Object.entries(bundle.workflow.steps).filter(([name, s]) => name === step || name === bundle.workflow.start || s.stage === 'accept');
  return {
    id: '00000000-0000-4000-8000-000000000000',
    number: input.number,
    platformId: bundle.platform.id,
    applicantId: sampleApplicant.id,
    pins: pinsOf(bundle),
    step,
    status: 'open',
    data,
    materials: sampleMaterials(bundle, data, now),
    clocks: {
      [stepClockName(step)]: { limit: bundle.item.timeLimit, startedAt: now, dueAt: input.calendar.dueAt(now, bundle.item.timeLimit), status: 'running' },
    },
    fields: sampleFields(bundle),
    evaluations: [{ level: 5, comment: '（示例）办理高效，服务热情', step, at: now, by: sampleApplicant.id }],
    visits: Object.fromEntries(visited.map(([name]) => [name, visit])),
    channel: 'online',
    verificationCode: 'ABC234',
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * The context a notice template previews with.
 *
 * @example
 * const context = sampleCaseContext({ bundle, calendar, now: '2026-03-02T02:00:00.000Z', number: '…202603020001' });
 * context.materials.deficient[0].reason; // '（示例）材料字迹不清，…'
 */
export function sampleCaseContext(input: SampleCaseInput): CaseContext {
  const { bundle, calendar, now } = input;
  const actor = { ...sampleStaff, roles: ['staff' as const], platformId: bundle.platform.id };
  const newId = () => 'sample-id';
  const draft = createDraft({
    caseState: sampleCase(input),
    context: { now, actor, bundle, calendar, newId, applicant: sampleApplicant },
    actorId: actor.id,
  });
  const dueAt = draft.case.clocks[stepClockName(draft.case.step)]?.dueAt ?? '';
  draft.task = { id: 'sample-task', kind: 'work', title: `办理：${textOf(bundle.item.title)}（示例）`, dueAt, to: 'staff' };
  return buildCaseContext(draft);
}
