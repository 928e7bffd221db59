/**
 * Counter mode (窗口受理: staff register a case on an applicant's behalf), the progress lookup
 * code carried by the case, reassignment (转办), how a case's time limits stand at a moment and
 * which inbox queue it sits in.
 */
import { expect } from 'chai';
import { decide } from '../../../engine/runtime/decide.js';
import { dueStateOf, nextWarnAt } from '../../../engine/runtime/clocks.js';
import { caseQueue } from '../../../engine/runtime/queue.js';
import type { Actor } from '../../../engine/runtime/case.js';
import { applicant, contextAt, deepFreeze, file, pledgeData, staff } from './harness.js';
import { at, awaitingAcceptance, inImplementation, step, submittedIncomplete } from './scenario.js';

const otherStaff: Actor = { id: 'u-staff-2', roles: ['staff'], platformId: 'mianyang', name: '赵七' };

describe('decide: counter mode and the lookup code', () => {
  it('given staff registering on behalf of an applicant, when created and submitted, then the applicant owns it and the channel and clerk are recorded', () => {
    const decision = step(
      undefined,
      {
        type: 'create',
        caseId: 'c-counter',
        number: 'N-COUNTER',
        data: pledgeData(),
        files: { application: [file('申请表.pdf')] },
        action: 'submit',
        onBehalfOf: 'u-offline',
        verificationCode: 'K7M2Q9',
      },
      contextAt(at.created, staff),
    );
    expect(decision.case).to.include({ applicantId: 'u-offline', channel: 'counter', registeredBy: staff.id, verificationCode: 'K7M2Q9' });
    expect(decision.events[0]).to.deep.include({ type: 'case.created', actorId: staff.id });
    expect(decision.events[0]?.data).to.include({ channel: 'counter', applicantId: 'u-offline', registeredBy: staff.id });
    expect(decision.events.find((e) => e.type === 'case.acted')?.actorId).to.equal(staff.id);
  });

  it('given an applicant applying online, when created, then the channel is online and nobody registered it for them', () => {
    const decision = step(undefined, { type: 'create', caseId: 'c1', number: 'N1', data: pledgeData() }, contextAt(at.created, applicant));
    expect(decision.case).to.include({ applicantId: applicant.id, channel: 'online' });
    expect(decision.case).not.to.have.property('registeredBy');
    expect(decision.case).not.to.have.property('verificationCode');
    expect(decision.events[0]?.data).to.include({ channel: 'online' }).and.not.to.have.property('registeredBy');
  });
});

describe('decide: reassign', () => {
  it('given a case in implementation assigned to staff, when another staff member is given it, then the assignee changes and the timeline says from whom to whom', () => {
    const before = deepFreeze(inImplementation().case);
    expect(before.assigneeId).to.equal(staff.id);
    const decision = step(before, { type: 'assign', assigneeId: otherStaff.id }, contextAt(at.progressed, staff));
    expect(decision.case.assigneeId).to.equal(otherStaff.id);
    expect(decision.case.updatedAt).to.equal(at.progressed);
    expect(decision.events).to.deep.equal([{ type: 'case.reassigned', at: at.progressed, actorId: staff.id, data: { from: staff.id, to: otherStaff.id } }]);
    expect(decision.outcomes).to.deep.equal([]);
  });

  it('given the applicant, when they try to reassign their own case, then it is refused as forbidden', () => {
    const decision = decide(awaitingAcceptance().case, { type: 'assign', assigneeId: otherStaff.id }, contextAt(at.accepted, applicant));
    expect(decision.ok).to.equal(false);
    if (!decision.ok) expect(decision.problems.map((p) => p.code)).to.deep.equal(['case.forbidden']);
  });

  it('given the current assignee named again, when reassigned, then it is refused as unchanged', () => {
    const decision = decide(inImplementation().case, { type: 'assign', assigneeId: staff.id }, contextAt(at.progressed, staff));
    expect(decision.ok).to.equal(false);
    if (!decision.ok) expect(decision.problems[0]).to.include({ code: 'case.assignee-unchanged', path: '/userId' });
  });

  it('given a rejected case, when reassigned, then it is refused as closed', () => {
    const rejected = { ...inImplementation().case, status: 'rejected' as const };
    const decision = decide(rejected, { type: 'assign', assigneeId: otherStaff.id }, contextAt(at.progressed, staff));
    expect(decision.ok).to.equal(false);
    if (!decision.ok) expect(decision.problems.map((p) => p.code)).to.deep.equal(['case.closed']);
  });
});

describe('clocks: due state', () => {
  it('given a running clock with a warning, when asked before, between and after, then ok, dueSoon, overdue', () => {
    const kase = inImplementation().case;
    const clocks = Object.values(kase.clocks).filter((c) => c.status === 'running');
    expect(clocks.length).to.be.greaterThan(0);
    const warnAt = nextWarnAt(kase) as string;
    const dueAt = clocks.map((c) => c.dueAt).sort()[0] as string;
    expect(Date.parse(warnAt)).to.be.lessThan(Date.parse(dueAt));
    const before = new Date(Date.parse(warnAt) - 1000).toISOString();
    expect(dueStateOf(kase, before)).to.equal('ok');
    expect(dueStateOf(kase, warnAt)).to.equal('dueSoon');
    expect(dueStateOf(kase, dueAt)).to.equal('overdue');
  });

  it('given a case without a running clock, when asked, then there is no due state', () => {
    const kase = submittedIncomplete().case;
    const running = Object.values(kase.clocks).filter((c) => c.status === 'running');
    expect(running).to.deep.equal([]);
    expect(dueStateOf(kase, at.accepted)).to.equal(null);
    expect(nextWarnAt(kase)).to.equal(null);
  });
});

describe('caseQueue', () => {
  it('given cases along the pledge flow, when queued, then draft, returned, toAccept, inProgress and done follow the steps and who may act', () => {
    const workflow = contextAt(at.created).bundle.workflow;
    const created = step(undefined, { type: 'create', caseId: 'c1', number: 'N1', data: pledgeData() }, contextAt(at.created)).case;
    expect(caseQueue(created, workflow)).to.equal('draft');
    expect(caseQueue(submittedIncomplete().case, workflow)).to.equal('returned');
    expect(caseQueue(awaitingAcceptance().case, workflow)).to.equal('toAccept');
    const accepted = inImplementation().case;
    expect(caseQueue(accepted, workflow)).to.equal('inProgress');
    expect(caseQueue({ ...accepted, status: 'completed' }, workflow)).to.equal('done');
    expect(caseQueue({ status: 'open', step: 'check' }, workflow)).to.equal('waiting');
  });
});
