import { expect } from 'chai';
import { validateShape } from '../../../engine/load/index.js';
import { validMini } from './fixtures.js';

function doc(file: string): Record<string, any> {
  return structuredClone(validMini().find((input) => input.file === file)!.doc) as Record<string, any>;
}

describe('validateShape', () => {
  it('given every valid-mini document, when validated, then there are no problems', () => {
    for (const { file, doc: d } of validMini()) expect(validateShape(d, file), file).to.deep.equal([]);
  });

  it('given something that is not an object, when validated, then one shape.type problem at the root', () => {
    expect(validateShape([1, 2], 'a.json')).to.deep.equal([
      { code: 'shape.type', path: '', message: 'The document must be a JSON object with "kind", "schemaVersion", "id", "version" and "title".', file: 'a.json' },
    ]);
  });

  it('given no kind, when validated, then definition.kind-unknown at /kind and nothing else', () => {
    const problems = validateShape({ id: 'x' });
    expect(problems.map((p) => [p.code, p.path])).to.deep.equal([['definition.kind-unknown', '/kind']]);
  });

  it('given a notify effect with a misspelt recipient and property, when validated, then only the notify branch is judged', () => {
    const workflow = doc('workflow.json');
    workflow.steps.review.actions.accept.effects[0] = { notify: 'pledge-receipt', to: 'applicnt', chanels: ['sms'] };
    const problems = validateShape(workflow, 'workflow.json');
    const at = '/steps/review/actions/accept/effects/0';
    expect(problems.map((p) => [p.code, p.path, p.suggestion])).to.deep.equal([
      ['shape.enum', `${at}/to`, 'applicant'],
      ['shape.additional-property', `${at}/chanels`, 'channels'],
    ]);
  });

  it('given two effects of different kinds failing in one list, when validated, then each is judged against its own branch', () => {
    const workflow = doc('workflow.json');
    workflow.steps.review.actions.accept.effects = [
      { notify: 'pledge-receipt', to: 'applicant', chanels: ['sms'] },
      { startClock: 'item', limit: { value: 0, unit: 'workingDay' } },
    ];
    const problems = validateShape(workflow);
    expect(problems.map((p) => [p.code, p.path])).to.have.deep.members([
      ['shape.additional-property', '/steps/review/actions/accept/effects/0/chanels'],
      ['shape.minimum', '/steps/review/actions/accept/effects/1/limit/value'],
    ]);
  });

  it('given a Text that is a number, when validated, then one shape.type problem using the description', () => {
    const item = doc('item.json');
    item.title = 42;
    const problems = validateShape(item);
    expect(problems).to.have.length(1);
    expect(problems[0]).to.include({ code: 'shape.type', path: '/title' });
    expect(problems[0]!.message).to.contain('a string or an object').and.contain('Human-readable text');
  });

  it('given a rule object with two operators, when validated, then one problem at the rule', () => {
    const workflow = doc('workflow.json');
    workflow.steps.review.actions.accept.when = { '==': [1, 1], '!=': [1, 2] };
    expect(validateShape(workflow).map((p) => [p.code, p.path])).to.deep.equal([['shape.max-properties', '/steps/review/actions/accept/when']]);
  });

  it('given a step name that is not a key, when validated, then the name is refused', () => {
    const workflow = doc('workflow.json');
    workflow.steps['on-hold'] = { title: '挂起' };
    const [problem] = validateShape(workflow);
    expect(problem).to.include({ code: 'shape.additional-property', path: '/steps/on-hold' });
    expect(problem!.message).to.contain('must match');
  });

  it('given an invalid date, when validated, then shape.format names the value', () => {
    const platform = doc('platform.json');
    platform.settings.closures = [{ date: '2025-02-30', name: '停电' }];
    const [problem] = validateShape(platform);
    expect(problem).to.include({ code: 'shape.format', path: '/settings/closures/0/date' });
    expect(problem!.message).to.contain('"2025-02-30"');
  });
});
