import { expect } from 'chai';
import { decide } from '../../../engine/runtime/decide.js';
import type { TaskOpenOutcome } from '../../../engine/runtime/decision.js';
import { applicant, contextAt, otherApplicant } from './harness.js';
import { at, awaitingEvaluation, step } from './scenario.js';

/**
 * 2026 days off and make-up days near 国庆, from 《国务院办公厅关于2026年部分节假日安排的通知》
 * (中秋 09-25..27; 国庆 10-01..07; make-up 09-20 Sun, 10-10 Sat), typed here so the expected
 * date is computed independently of the engine's calendar.
 */
const daysOff = new Set(['2026-09-25', '2026-09-26', '2026-09-27', ...[1, 2, 3, 4, 5, 6, 7].map((d) => `2026-10-0${d}`)]);
const makeUpDays = new Set(['2026-09-20', '2026-10-10']);

function addWorkingDaysByHand(date: string, n: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  for (let counted = 0; counted < n; ) {
    day.setUTCDate(day.getUTCDate() + 1);
    const iso = day.toISOString().slice(0, 10);
    const isWeekend = day.getUTCDay() === 0 || day.getUTCDay() === 6;
    if (makeUpDays.has(iso) || (!isWeekend && !daysOff.has(iso))) counted += 1;
  }
  return day.toISOString().slice(0, 10);
}

describe('decide: evaluation (好差评)', () => {
  it('given a bad review (level 2), when the applicant evaluates, then a rectification task is due 15 working days later across 国庆', () => {
    const expectedDate = addWorkingDaysByHand('2026-09-24', 15);
    expect(expectedDate).to.equal('2026-10-22');
    const decision = step(awaitingEvaluation().case, { type: 'act', action: 'evaluate', payload: { level: 2, comment: '等待时间太长' } }, contextAt(at.evaluated, applicant));
    expect(decision.case).to.include({ step: 'closed', status: 'completed' });
    expect(decision.case.evaluations).to.deep.equal([{ level: 2, comment: '等待时间太长', step: 'supervise', stage: 'supervise', at: at.evaluated, by: applicant.id }]);
    const tasks = decision.outcomes.filter((o): o is TaskOpenOutcome => o.type === 'task.open');
    expect(tasks).to.have.length(1);
    // End of 2026-10-22 in China is 15:59:59.999 UTC.
    expect(tasks[0]?.task).to.deep.equal({ id: 'id-1', kind: 'rectification', title: '差评整改', dueAt: `${expectedDate}T15:59:59.999Z`, to: 'assignee' });
    expect(decision.events.map((e) => e.type)).to.deep.equal(['case.acted', 'case.evaluated', 'case.closed', 'task.opened']);
    expect(decision.events[1]?.data).to.deep.equal({ level: 2, step: 'supervise', stage: 'supervise', comment: '等待时间太长' });
  });

  it('given a good review (level 5), when the applicant evaluates, then the case closes and no task opens', () => {
    const decision = step(awaitingEvaluation().case, { type: 'act', action: 'evaluate', payload: { level: 5 } }, contextAt(at.evaluated, applicant));
    expect(decision.case.status).to.equal('completed');
    expect(decision.outcomes.filter((o) => o.type === 'task.open')).to.deep.equal([]);
    expect(decision.case.evaluations[0]).to.not.have.property('comment');
  });

  it('given a level out of the scale or not whole, when evaluating, then evaluation.level-invalid at /payload/level', () => {
    const waiting = awaitingEvaluation().case;
    for (const level of [0, 6, 2.5, '5', undefined]) {
      const decision = decide(waiting, { type: 'act', action: 'evaluate', payload: { level } }, contextAt(at.evaluated, applicant));
      expect(decision.ok ? [] : decision.problems.map((p) => [p.code, p.path]), String(level)).to.deep.equal([['evaluation.level-invalid', '/payload/level']]);
    }
  });

  it('given someone else\'s case, when another applicant evaluates, then case.forbidden', () => {
    const decision = decide(awaitingEvaluation().case, { type: 'act', action: 'evaluate', payload: { level: 1 } }, contextAt(at.evaluated, otherApplicant));
    expect(decision.ok ? [] : decision.problems.map((p) => p.code)).to.deep.equal(['case.forbidden']);
  });
});
