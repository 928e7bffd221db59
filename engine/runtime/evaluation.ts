/**
 * The applicant's evaluation (好差评): a level 1–5, an optional comment and the indicators the
 * action declares, each rated 1–5. A case may be evaluated at several stages (受理评价 while the
 * service runs, 办结评价 after it), but once per step.
 */
import type { Action } from '../kinds/workflow.js';
import type { Problem } from '../problem.js';
import { textOf } from '../text.js';
import type { Evaluation } from './case.js';
import type { Draft } from './draft.js';
import { record } from './draft.js';

const isLevel = (value: unknown): value is Evaluation['level'] =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;

/** Problems with an evaluation payload: level a whole number 1–5, comment text, each indicator rated 1–5. */
export function checkEvaluation(payload: Record<string, unknown>, action: Pick<Action, 'indicators'> = {}): Problem[] {
  const problems: Problem[] = [];
  if (!isLevel(payload['level'])) {
    problems.push({ code: 'evaluation.level-invalid', path: '/payload/level', message: '评价等级须为 1 到 5 的整数（1 非常不满意 … 5 非常满意）。' });
  }
  const comment = payload['comment'];
  if (comment !== undefined && comment !== null && typeof comment !== 'string') {
    problems.push({ code: 'evaluation.comment-invalid', path: '/payload/comment', message: '评价意见须为文字。' });
  }
  return [...problems, ...indicatorProblems(payload['indicators'], action)];
}

/** Each declared indicator required and missing, or rated outside 1–5; each rated one the action does not declare. */
function indicatorProblems(given: unknown, action: Pick<Action, 'indicators'>): Problem[] {
  if (given !== undefined && (typeof given !== 'object' || given === null || Array.isArray(given))) {
    return [{ code: 'evaluation.indicators-invalid', path: '/payload/indicators', message: '评价指标须为对象，形如 { "attitude": 5 }。' }];
  }
  const ratings = (given ?? {}) as Record<string, unknown>;
  const declared = action.indicators ?? [];
  const problems: Problem[] = [];
  for (const indicator of declared) {
    const path = `/payload/indicators/${indicator.key}`;
    const title = textOf(indicator.title);
    if (!Object.hasOwn(ratings, indicator.key)) {
      if (indicator.isRequired === true) problems.push({ code: 'evaluation.indicator-missing', path, message: `请为评价指标“${title}”评分（1 到 5）。` });
    } else if (!isLevel(ratings[indicator.key])) {
      problems.push({ code: 'evaluation.indicator-invalid', path, message: `评价指标“${title}”的评分须为 1 到 5 的整数。` });
    }
  }
  const known = declared.map((indicator) => indicator.key);
  for (const key of Object.keys(ratings).filter((k) => !known.includes(k))) {
    const which = known.length > 0 ? `可评价的指标：${known.join('、')}。` : '此评价没有评价指标。';
    problems.push({ code: 'evaluation.indicator-unknown', path: `/payload/indicators/${key}`, message: `未知的评价指标“${key}”；${which}` });
  }
  return problems;
}

/** `evaluation.already-given` when the case was already evaluated in its current step. */
export function checkNotYetEvaluated(draft: Draft): Problem[] {
  const step = draft.case.step;
  if (!draft.case.evaluations.some((evaluation) => evaluation.step === step)) return [];
  const title = textOf(draft.context.bundle.workflow.steps[step]?.title) || step;
  return [{ code: 'evaluation.already-given', path: '/action', message: `办件在步骤“${title}”（${step}）已评价过，每个步骤只能评价一次。` }];
}

/** Appends the (already checked) evaluation to the case and records `case.evaluated` with its step's stage. */
export function recordEvaluation(draft: Draft, payload: Record<string, unknown>, action: Pick<Action, 'indicators'> = {}): void {
  const level = payload['level'] as Evaluation['level'];
  const comment = typeof payload['comment'] === 'string' && payload['comment'] !== '' ? payload['comment'] : undefined;
  const stage = draft.context.bundle.workflow.steps[draft.case.step]?.stage;
  const given = (payload['indicators'] ?? {}) as Record<string, number>;
  const rated = (action.indicators ?? []).filter((indicator) => Object.hasOwn(given, indicator.key));
  const indicators = rated.length > 0 ? Object.fromEntries(rated.map((indicator) => [indicator.key, given[indicator.key] as number])) : undefined;
  const details = {
    ...(comment === undefined ? {} : { comment }),
    ...(stage === undefined ? {} : { stage }),
    ...(indicators === undefined ? {} : { indicators }),
  };
  draft.case.evaluations.push({ level, step: draft.case.step, at: draft.context.now, by: draft.context.actor.id, ...details });
  record(draft, 'case.evaluated', { level, step: draft.case.step, ...details });
}
