import { expect } from 'chai';
import { decide } from '../../../engine/runtime/decide.js';
import type { Bundle } from '../../../engine/runtime/bundle.js';
import { pledgeBundle } from '../../fixtures/bundles/pledge.js';
import { applicant, contextAt, file, pledgeData } from './harness.js';
import { at, step } from './scenario.js';

/** The pledge bundle with the check step's `next` replaced. */
function withCheckNext(next: NonNullable<Bundle['workflow']['steps'][string]['next']>): Bundle {
  const bundle = pledgeBundle();
  bundle.workflow.steps['check']!.next = next;
  return bundle;
}

const create = { type: 'create' as const, caseId: 'c1', number: 'N1', data: pledgeData(), action: 'submit' };

describe('decide: automatic moves', () => {
  it('given a rule on case.returns, when the case comes back to check a second time, then it is routed by the count', () => {
    const bundle = withCheckNext([
      { to: 'rejected', when: { '>=': [{ var: 'case.returns' }, 2] } },
      { to: 'supplement', when: { '>': [{ var: 'materials.blockingCount' }, 0] } },
      { to: 'accept' },
    ]);
    const first = step(undefined, create, contextAt(at.created, applicant, bundle));
    expect(first.case.step).to.equal('supplement');
    const second = step(first.case, { type: 'act', action: 'resubmit', files: { application: [file('a.pdf')] } }, contextAt(at.resubmitted, applicant, bundle));
    expect(second.case.step).to.equal('supplement');
    expect(second.case.visits?.['check']?.count).to.equal(2);
    const third = step(second.case, { type: 'act', action: 'resubmit' }, contextAt(at.accepted, applicant, bundle));
    expect(third.case).to.include({ step: 'rejected', status: 'rejected' });
  });

  it('given only a deferrable (容缺) material missing, when submitted, then check routes the case on to accept', () => {
    const files = { application: [file('a.pdf')], contract: [file('c.pdf')], identity: [file('i.pdf')] };
    const decision = step(undefined, { ...create, files }, contextAt(at.created, applicant));
    expect(decision.case.step).to.equal('accept');
    expect(decision.outcomes.filter((o) => o.type === 'notice')).to.deep.equal([]);
  });

  it('given next branches that loop, when the case enters them, then workflow.loop after 20 moves', () => {
    const bundle = pledgeBundle();
    bundle.workflow.steps['check']!.next = [{ to: 'supplement' }];
    bundle.workflow.steps['supplement']!.next = [{ to: 'check' }];
    const decision = decide(undefined, create, contextAt(at.created, applicant, bundle));
    expect(decision.ok ? [] : decision.problems.map((p) => [p.code, p.path])).to.deep.equal([['workflow.loop', '/steps/check/next']]);
  });

  it('given an effect with a when rule, when the rule does not hold, then the effect is skipped', () => {
    const bundle = pledgeBundle();
    bundle.workflow.steps['supplement']!.onEnter = [
      { notify: 'one-time-notice', to: 'applicant', when: { '==': [{ var: 'form.isAgent' }, true] } },
    ];
    const decision = step(undefined, create, contextAt(at.created, applicant, bundle));
    expect(decision.case.step).to.equal('supplement');
    expect(decision.outcomes.filter((o) => o.type === 'notice')).to.deep.equal([]);
  });

  it('given the item replaces a notice template, when notified, then the item\'s template renders', () => {
    const bundle = pledgeBundle();
    bundle.item.notices = { 'one-time-notice': 'pledge-notice' };
    bundle.templates['pledge-notice'] = { ...bundle.templates['one-time-notice']!, id: 'pledge-notice', body: '质押专用告知：{{case.number}}' };
    const decision = step(undefined, create, contextAt(at.created, applicant, bundle));
    const notice = decision.outcomes.find((o) => o.type === 'notice');
    expect(notice).to.deep.include({ template: 'pledge-notice', body: '质押专用告知：N1' });
  });

  it('given a notice template missing from the bundle, when notified, then bundle.template-missing rather than a throw', () => {
    const bundle = pledgeBundle();
    delete bundle.templates['one-time-notice'];
    const decision = decide(undefined, create, contextAt(at.created, applicant, bundle));
    expect(decision.ok ? [] : decision.problems.map((p) => p.code)).to.deep.equal(['bundle.template-missing']);
  });

  it('given a date past the calendar\'s last year, when a clock starts, then calendar.out-of-range is refused as a problem', () => {
    const decision = decide(
      undefined,
      { ...create, files: { application: [file('a.pdf')], contract: [file('c.pdf')], identity: [file('i.pdf')], license: [file('l.pdf')] } },
      contextAt('2026-12-31T10:00:00+08:00', applicant),
    );
    expect(decision.ok ? [] : decision.problems.map((p) => p.code)).to.deep.equal(['calendar.out-of-range']);
  });
});
