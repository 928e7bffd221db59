import { expect } from 'chai';
import { decide } from '../../../engine/runtime/decide.js';
import { contextAt, deepFreeze, staff } from './harness.js';
import { inImplementation } from './scenario.js';

describe('decide: snapshots', () => {
  it('given a case mid-flow, when saved as JSON and reloaded, then it is equal and decide gives the same result on it', () => {
    const live = inImplementation().case;
    const reloaded = JSON.parse(JSON.stringify(live)) as typeof live;
    expect(reloaded).to.deep.equal(live);
    const command = { type: 'act' as const, action: 'complete', payload: { result: '已办理质押登记' } };
    const fromLive = decide(live, command, contextAt('2026-09-24T09:00:00+08:00', staff));
    const fromReloaded = decide(reloaded, command, contextAt('2026-09-24T09:00:00+08:00', staff));
    expect(fromReloaded).to.deep.equal(fromLive);
    expect(fromLive.ok).to.equal(true);
  });

  it('given a frozen case, when decided, then decide never mutates it', () => {
    const frozen = deepFreeze(inImplementation().case);
    const before = JSON.stringify(frozen);
    const decision = decide(frozen, { type: 'act', action: 'complete', payload: { result: '已办结' } }, contextAt('2026-09-24T09:00:00+08:00', staff));
    expect(decision.ok).to.equal(true);
    expect(JSON.stringify(frozen)).to.equal(before);
  });
});

describe('decide: pins', () => {
  it('given a bundle with another workflow version than the case pinned, when decided, then case.bundle-mismatch', () => {
    const live = inImplementation().case;
    const context = contextAt('2026-09-24T09:00:00+08:00', staff);
    context.bundle.workflow.version = 2;
    const decision = decide(live, { type: 'act', action: 'progress', payload: { note: '进度' } }, context);
    expect(decision.ok ? [] : decision.problems.map((p) => p.code)).to.deep.equal(['case.bundle-mismatch']);
  });
});
