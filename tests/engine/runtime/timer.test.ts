import { expect } from 'chai';
import { decide } from '../../../engine/runtime/decide.js';
import type { NoticeOutcome } from '../../../engine/runtime/decision.js';
import { contextAt, staff } from './harness.js';
import { at, inImplementation, step } from './scenario.js';

const overdueAt = '2026-09-30T15:59:59.999Z';
const warnAt = '2026-09-29T15:59:59.999Z';

describe('decide: timers', () => {
  it('given the implement clock falls due, when its overdue timer fires, then 示警 and 催告 are recorded once with a notice to the assignee', () => {
    const implementing = inImplementation().case;
    const decision = step(implementing, { type: 'timer', timer: { kind: 'overdue', clock: 'step:implement', dueAt: overdueAt } }, contextAt('2026-10-01T00:00:05+08:00', staff));
    expect(decision.events.map((e) => e.type)).to.deep.equal(['case.overdue', 'notice.queued', 'case.urged']);
    expect(decision.events.every((e) => e.actorId === null)).to.equal(true);
    expect(decision.events[2]?.data).to.deep.equal({ to: 'supervisor' });
    const notices = decision.outcomes.filter((o): o is NoticeOutcome => o.type === 'notice');
    expect(notices.map((n) => [n.template, n.to])).to.deep.equal([['overdue-warning', 'assignee']]);
    expect(notices[0]?.body).to.contain('服务实施').and.to.contain('2026年9月30日 23:59');
    expect(decision.case.clocks['step:implement']?.overdueAt).to.equal('2026-10-01T00:00:05+08:00');

    const again = step(decision.case, { type: 'timer', timer: { kind: 'overdue', clock: 'step:implement', dueAt: overdueAt } }, contextAt('2026-10-01T00:01:00+08:00', staff));
    expect(again.events).to.deep.equal([]);
    expect(again.outcomes).to.deep.equal([]);
    expect(again.case).to.deep.equal(decision.case);
  });

  it('given the warning share has passed, when the warn timer fires, then clock.warned and the onWarn notice', () => {
    const decision = step(inImplementation().case, { type: 'timer', timer: { kind: 'warn', clock: 'step:implement', dueAt: warnAt } }, contextAt('2026-09-30T00:00:01+08:00', staff));
    expect(decision.events.map((e) => e.type)).to.deep.equal(['clock.warned', 'notice.queued']);
    expect(decision.outcomes.map((o) => o.type)).to.deep.equal(['notice']);
  });

  it('given a timer whose instant no longer matches its clock, when it fires, then it is ignored', () => {
    const implementing = inImplementation().case;
    const stale = decide(implementing, { type: 'timer', timer: { kind: 'overdue', clock: 'step:implement', dueAt: '2026-09-28T15:59:59.999Z' } }, contextAt('2026-10-01T00:00:00+08:00'));
    expect(stale).to.deep.equal({ ok: true, case: implementing, events: [], outcomes: [] });
  });

  it('given a timer of a step the case has left, when it fires, then it is ignored', () => {
    const implementing = inImplementation().case;
    const acceptDue = '2026-09-24T15:59:59.999Z';
    const decision = step(implementing, { type: 'timer', timer: { kind: 'overdue', clock: 'step:accept', dueAt: acceptDue } }, contextAt('2026-09-25T00:00:00+08:00'));
    expect(decision.events).to.deep.equal([]);
  });

  it('given a named clock falls due, when its timer fires, then 示警 is recorded without the step\'s handlers', () => {
    const decision = step(inImplementation().case, { type: 'timer', timer: { kind: 'overdue', clock: 'item', dueAt: overdueAt } }, contextAt('2026-10-01T00:00:00+08:00'));
    expect(decision.events.map((e) => [e.type, e.data['clock']])).to.deep.equal([['case.overdue', 'item']]);
  });

  it('given the item clock is paused for 3 working days, when resumed, then its due date moves 3 working days (onto the 10-10 make-up day)', () => {
    const implementing = inImplementation().case;
    const paused = step(implementing, { type: 'act', action: 'suspend', payload: { reason: '等待质权人补签' } }, contextAt('2026-09-23T10:00:00+08:00', staff));
    expect(paused.case.clocks['item']).to.include({ status: 'paused', pausedAt: '2026-09-23T10:00:00+08:00' });
    expect(paused.outcomes).to.deep.equal([{ type: 'timer.cancel', clock: 'item' }]);
    expect(paused.case.clocks['step:implement']?.status).to.equal('running');

    const whilePaused = step(paused.case, { type: 'timer', timer: { kind: 'overdue', clock: 'item', dueAt: overdueAt } }, contextAt('2026-10-01T00:00:00+08:00'));
    expect(whilePaused.events).to.deep.equal([]);

    // Working days paused in (09-23, 09-29]: 09-24, 09-28, 09-29 (09-25..27 are 中秋 and the weekend).
    const resumed = step(paused.case, { type: 'act', action: 'resume' }, contextAt('2026-09-29T10:00:00+08:00', staff));
    const moved = '2026-10-10T15:59:59.999Z';
    expect(resumed.case.clocks['item']).to.include({ status: 'running', dueAt: moved });
    expect(resumed.case.clocks['item']).to.not.have.property('pausedAt');
    expect(resumed.outcomes).to.deep.equal([{ type: 'timer.schedule', timer: { kind: 'overdue', clock: 'item', dueAt: moved } }]);
    expect(resumed.events.map((e) => e.type)).to.deep.equal(['case.acted', 'clock.resumed']);

    const old = step(resumed.case, { type: 'timer', timer: { kind: 'overdue', clock: 'item', dueAt: overdueAt } }, contextAt('2026-10-01T00:00:00+08:00'));
    expect(old.events).to.deep.equal([]);
    const current = step(resumed.case, { type: 'timer', timer: { kind: 'overdue', clock: 'item', dueAt: moved } }, contextAt('2026-10-11T00:00:00+08:00'));
    expect(current.events.map((e) => e.type)).to.deep.equal(['case.overdue']);
  });
});
