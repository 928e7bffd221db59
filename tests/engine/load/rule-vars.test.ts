import { expect } from 'chai';
import jsonLogic from 'json-logic-js';
import { jsonLogicOperators, ruleReferences, ruleVars } from '../../../engine/rules/vars.js';
import { isKnownRuleVar } from '../../../engine/load/check-rules.js';

/** Arguments each operator can run with; every operator must be applied, so the list cannot drift. */
const sampleArgs: Record<string, unknown> = {
  var: 'a', missing: ['a'], missing_some: [1, ['a']], if: [true, 1, 2], '?:': [true, 1, 2],
  '==': [1, 1], '===': [1, 1], '!=': [1, 2], '!==': [1, 2], '!': [false], '!!': [1], or: [false, true], and: [true, true],
  '>': [2, 1], '>=': [2, 1], '<': [1, 2], '<=': [1, 2], max: [1, 2], min: [1, 2],
  '+': [1, 2], '-': [2, 1], '*': [2, 3], '/': [6, 3], '%': [7, 3],
  map: [[1], { var: '' }], reduce: [[1], { '+': [{ var: 'current' }, { var: 'accumulator' }] }, 0], filter: [[1], true],
  all: [[1], true], none: [[1], false], some: [[1], true], merge: [[1], [2]], in: ['a', 'abc'],
  cat: ['a', 'b'], substr: ['abc', 1], log: [1],
};

describe('JSON Logic operators and variables', () => {
  it('given the explicit operator list, when each is applied with json-logic-js, then json-logic-js knows every one', () => {
    expect(Object.keys(sampleArgs)).to.have.members([...jsonLogicOperators]);
    const originalLog = console.log;
    console.log = () => {};
    try {
      for (const op of jsonLogicOperators) expect(() => jsonLogic.apply({ [op]: sampleArgs[op] } as never, { a: 1 }), op).to.not.throw();
    } finally {
      console.log = originalLog;
    }
  });

  it('given an operator not on the list, when applied with json-logic-js, then it is refused too', () => {
    expect(() => jsonLogic.apply({ equals: [1, 1] } as never, {})).to.throw(/Unrecognized operation/);
  });

  it('given var, var with default, missing and missing_some, when read, then every named path is returned once', () => {
    const rule = {
      and: [
        { var: 'form.agent' },
        { '==': [{ var: ['case.fields.result', 'none'] }, 'ok'] },
        { missing: ['form.name', 'form.agent'] },
        { missing_some: [1, ['form.phone', 'form.email']] },
      ],
    };
    expect(ruleVars(rule)).to.deep.equal(['form.agent', 'case.fields.result', 'form.name', 'form.phone', 'form.email']);
  });

  it('given map over a form array, when read, then the element variables inside the body are not context paths', () => {
    const rule = { some: [{ var: 'form.patents' }, { '==': [{ var: 'number' }, ''] }] };
    expect(ruleVars(rule)).to.deep.equal(['form.patents']);
  });

  it('given a nested rule, when referenced, then positions point into the rule', () => {
    const refs = ruleReferences({ if: [{ var: 'form.a' }, 1, 2] });
    expect(refs).to.deep.include({ type: 'var', name: 'form.a', at: ['if', 0, 'var'] });
    expect(refs).to.deep.include({ type: 'operator', name: 'if', at: ['if'] });
  });

  it('given rule context paths, when checked, then roots and fixed paths decide', () => {
    for (const ok of ['form.anything.deep', 'command.reason', 'case.fields.result', 'case.step', 'materials.missing.length', 'actor.roles.0', 'materials']) {
      expect(isKnownRuleVar(ok), ok).to.equal(true);
    }
    for (const bad of ['forms.agent', 'case.number', 'materials.blockingcount', 'actor.name', 'now']) {
      expect(isKnownRuleVar(bad), bad).to.equal(false);
    }
  });
});
