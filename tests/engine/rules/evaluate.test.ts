import { expect } from 'chai';
import jsonLogic from 'json-logic-js';
import type { RuleContext } from '../../../engine/rules/context.js';
import { evaluateRule, readPath } from '../../../engine/rules/evaluate.js';

const context: RuleContext = {
  form: { isAgent: true, applicant: { name: '张三' } },
  case: { step: 'check', status: 'open', fields: {}, returns: 1, sample: 42, isSampled: false },
  materials: { missing: ['contract'], deficient: [], missingCount: 1, deficientCount: 0, blockingCount: 1 },
  eligibility: { unmet: [], unmetCount: 0 },
  command: { level: 2 },
  actor: { roles: ['applicant'] },
  platform: { followUp: { sampleRate: 10 } },
};

describe('evaluateRule', () => {
  it('given boolean rules, when evaluated, then they are their own value', () => {
    expect(evaluateRule(true, context)).to.equal(true);
    expect(evaluateRule(false, context)).to.equal(false);
  });

  it('given a rule over form and materials, when evaluated, then it reads the context by dotted path', () => {
    expect(evaluateRule({ '==': [{ var: 'form.isAgent' }, true] }, context)).to.equal(true);
    expect(evaluateRule({ '>': [{ var: 'materials.blockingCount' }, 0] }, context)).to.equal(true);
    expect(evaluateRule({ '==': [{ var: 'materials.missing.length' }, 0] }, context)).to.equal(false);
    expect(evaluateRule({ '<=': [{ var: 'command.level' }, 2] }, context)).to.equal(true);
    expect(evaluateRule({ in: ['applicant', { var: 'actor.roles' }] }, context)).to.equal(true);
  });

  it('given a rule yielding a non-boolean, when evaluated, then JSON Logic truthiness decides (empty list is false)', () => {
    expect(evaluateRule({ var: 'materials.deficient' }, context)).to.equal(false);
    expect(evaluateRule({ var: 'materials.missing' }, context)).to.equal(true);
    expect(evaluateRule({ var: 'form.absent' }, context)).to.equal(false);
  });

  it('given a checklist rule, when evaluated over form data only, then it works without the other roots', () => {
    expect(evaluateRule({ '==': [{ var: 'form.isAgent' }, true] }, { form: { isAgent: false } })).to.equal(false);
  });

  it('given an unknown operator, when evaluated, then it throws and adds nothing to json-logic', () => {
    expect(() => evaluateRule({ eval: ['1+1'] }, context)).to.throw(/Unrecognized operation eval/);
    expect(() => jsonLogic.apply({ eval: ['1+1'] } as never, {})).to.throw();
  });
});

describe('readPath', () => {
  it('given a dotted path, when read, then it returns the value or null when absent', () => {
    expect(readPath(context, 'form.applicant.name')).to.equal('张三');
    expect(readPath(context, 'command.level')).to.equal(2);
    expect(readPath(context, 'command.missing')).to.equal(null);
  });
});
