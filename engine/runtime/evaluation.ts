/** The applicant's evaluation (好差评): a level 1–5 and an optional comment. */
import type { Problem } from '../problem.js';
import type { Evaluation } from './case.js';
import type { Draft } from './draft.js';
import { record } from './draft.js';

/** Problems with an evaluation payload: level must be a whole number 1–5, comment text. */
export function checkEvaluation(payload: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  const level = payload['level'];
  if (typeof level !== 'number' || !Number.isInteger(level) || level < 1 || level > 5) {
    problems.push({ code: 'evaluation.level-invalid', path: '/payload/level', message: '评价等级须为 1 到 5 的整数（1 非常不满意 … 5 非常满意）。' });
  }
  const comment = payload['comment'];
  if (comment !== undefined && comment !== null && typeof comment !== 'string') {
    problems.push({ code: 'evaluation.comment-invalid', path: '/payload/comment', message: '评价意见须为文字。' });
  }
  return problems;
}

/** Appends the (already checked) evaluation to the case and records `case.evaluated`. */
export function recordEvaluation(draft: Draft, payload: Record<string, unknown>): void {
  const level = payload['level'] as Evaluation['level'];
  const comment = typeof payload['comment'] === 'string' && payload['comment'] !== '' ? payload['comment'] : undefined;
  const evaluation: Evaluation = {
    level,
    step: draft.case.step,
    at: draft.context.now,
    by: draft.context.actor.id,
    ...(comment === undefined ? {} : { comment }),
  };
  draft.case.evaluations.push(evaluation);
  record(draft, 'case.evaluated', { level, ...(comment === undefined ? {} : { comment }) });
}
