import { expect } from 'chai';
import { getDefinition, loadDefinitions, resolveBundle, type LoadInput } from '../../../engine/load/index.js';
import { validMini } from './fixtures.js';

function withDoc(file: string, change: (doc: Record<string, any>) => void): LoadInput[] {
  return validMini().map((input) => {
    if (input.file !== file) return input;
    const doc = structuredClone(input.doc) as Record<string, any>;
    change(doc);
    return { file, doc };
  });
}

function problemsOf(inputs: LoadInput[]) {
  const result = loadDefinitions(inputs);
  return result.ok ? [] : result.problems;
}

describe('loadDefinitions', () => {
  it('given valid-mini, when loaded, then the set holds every definition by kind and id', () => {
    const result = loadDefinitions(validMini());
    expect(result.ok, JSON.stringify(result)).to.equal(true);
    if (!result.ok) return;
    expect(getDefinition(result.set, 'ServiceItem', 'patent-pledge')?.form).to.equal('patent-pledge-form');
    expect(getDefinition(result.set, 'Workflow', 'pledge-flow')?.start).to.equal('apply');
    expect(getDefinition(result.set, 'Form', 'pledge-flow')).to.equal(undefined);
    expect([...result.set.byKind.Template.keys()]).to.have.members(['patent-pledge-guide', 'pledge-receipt']);
  });

  it('given a shape problem and a semantic problem in different documents, when loaded, then both come back at once', () => {
    const inputs = withDoc('item.json', (item) => { item.channel = 'web'; }).map((input) =>
      input.file === 'list.json' ? { ...input, doc: { ...(input.doc as object), entries: [{ item: 'nope' }] } } : input,
    );
    expect(problemsOf(inputs).map((p) => [p.file, p.code])).to.have.deep.members([
      ['item.json', 'shape.enum'],
      ['list.json', 'list.item-missing'],
    ]);
  });

  it('given a form that fails shape validation, when loaded, then the item referring to it is not also blamed', () => {
    const problems = problemsOf(withDoc('form.json', (form) => { form.titel = form.title; }));
    expect(problems.map((p) => p.code)).to.deep.equal(['shape.additional-property']);
  });

  it('given documents without file names, when loaded, then problems still come back without a file', () => {
    const inputs = validMini().map(({ doc }) => ({ doc }));
    inputs.push({ doc: structuredClone(inputs[0]!.doc) });
    const problems = problemsOf(inputs);
    expect(problems).to.have.length(1);
    expect(problems[0]).to.include({ code: 'definition.duplicate-id', path: '/id' });
    expect(problems[0]).to.not.have.property('file');
    expect(problems[0]!.message).to.contain('another document');
  });

  it('given a workflow step that sets a field from an unknown root, when loaded, then the set path is a rule variable problem', () => {
    const problems = problemsOf(withDoc('workflow.json', (wf) => { wf.steps.implement.actions.complete.effects[0].from = 'payload.result'; }));
    expect(problems.map((p) => [p.code, p.path])).to.deep.equal([['rule.var-unknown', '/steps/implement/actions/complete/effects/0/from']]);
  });

  it('given a guide template in the case context, when loaded, then the item is told guides render without a case', () => {
    const problems = problemsOf(withDoc('guide.json', (guide) => { guide.context = 'case'; }));
    expect(problems.map((p) => [p.file, p.code, p.path])).to.deep.equal([['item.json', 'item.guide-context-invalid', '/guide']]);
  });

  it('given a step with a limit, when an effect pauses a clock named after the step, then the clock is unknown', () => {
    // Step limits run on "step:<name>" clocks, which no clock name can spell.
    const problems = problemsOf(withDoc('workflow.json', (wf) => { wf.steps.review.actions.return.effects[0].pauseClock = 'review'; }));
    expect(problems.map((p) => p.code)).to.deep.equal(['workflow.effect.clock-unknown']);
    expect(problems[0]!.message).to.contain('started clocks: item');
  });
});

describe('loadDefinitions on forms', () => {
  it('given a misspelt custom format, when loaded, then the format is refused with the closest known one', () => {
    const problems = problemsOf(withDoc('form.json', (form) => { form.schema.properties.pledgor.properties.uscc.format = 'cn-usc'; }));
    expect(problems.map((p) => [p.code, p.path, p.suggestion])).to.deep.equal([
      ['form.schema-invalid', '/schema/properties/pledgor/properties/uscc/format', 'cn-uscc'],
    ]);
  });

  it('given a field named "format", when loaded, then it is a field, not a keyword', () => {
    const problems = problemsOf(withDoc('form.json', (form) => { form.schema.properties.format = { type: 'string' }; }));
    expect(problems).to.deep.equal([]);
  });

  it('given a $ref to a missing definition, when loaded, then the schema does not compile', () => {
    const problems = problemsOf(withDoc('form.json', (form) => { form.schema.properties.pledgee = { $ref: '#/definitions/party' }; }));
    expect(problems.map((p) => [p.code, p.path])).to.deep.equal([['form.schema-invalid', '/schema']]);
    expect(problems[0]!.message).to.contain('party');
  });

  it('given a misspelt field inside array items of the uiSchema, when loaded, then the ui path and the closest field are given', () => {
    const problems = problemsOf(withDoc('form.json', (form) => { form.uiSchema.patents.items = { numbr: {} }; }));
    expect(problems.map((p) => [p.code, p.path, p.suggestion])).to.deep.equal([
      ['form.ui-field-unknown', '/uiSchema/patents/items/numbr', 'patents.*.number'],
    ]);
  });

  it('given ui:order naming a field the schema lacks, when loaded, then the entry is reported', () => {
    const problems = problemsOf(withDoc('form.json', (form) => { form.uiSchema['ui:order'].push('agnet'); }));
    expect(problems.map((p) => [p.code, p.path])).to.deep.equal([['form.ui-field-unknown', '/uiSchema/ui:order/6']]);
  });
});

describe('resolveBundle', () => {
  it('given valid-mini, when the item is resolved on the platform, then the bundle holds its definitions and templates', () => {
    const result = loadDefinitions(validMini());
    if (!result.ok) throw new Error('valid-mini must load');
    const bundle = resolveBundle(result.set, 'patent-pledge', 'mianyang');
    expect(bundle.ok).to.equal(true);
    if (!bundle.ok) return;
    expect(bundle.value.item.id).to.equal('patent-pledge');
    expect(bundle.value.form.id).to.equal('patent-pledge-form');
    expect(bundle.value.checklist.id).to.equal('patent-pledge-materials');
    expect(bundle.value.workflow.id).to.equal('pledge-flow');
    expect(bundle.value.platform.id).to.equal('mianyang');
    expect(Object.keys(bundle.value.templates)).to.have.members(['pledge-receipt', 'patent-pledge-guide']);
  });

  it('given an item replacing a notice, when resolved, then the replacement is in the bundle under its own id', () => {
    const inputs = withDoc('item.json', (item) => { item.notices = { 'pledge-receipt': 'my-receipt' }; });
    const receipt = structuredClone(inputs.find((i) => i.file === 'receipt.json')!.doc) as Record<string, any>;
    inputs.push({ file: 'my-receipt.json', doc: { ...receipt, id: 'my-receipt', title: '本地受理回执' } });
    const result = loadDefinitions(inputs);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const bundle = resolveBundle(result.set, 'patent-pledge', 'mianyang');
    expect(bundle.ok && Object.keys(bundle.value.templates)).to.have.members(['my-receipt', 'patent-pledge-guide']);
  });

  it('given only the pinned documents of an item that replaces a notice, when loaded again, then the set loads', () => {
    const inputs = withDoc('item.json', (item) => { item.notices = { 'pledge-receipt': 'my-receipt' }; })
      .filter((i) => i.file !== 'receipt.json' && i.file !== 'list.json')
      .map((i) => (i.file === 'platform.json' ? { ...i, doc: { ...(i.doc as object), lists: [] } } : i));
    const receipt = structuredClone(validMini().find((i) => i.file === 'receipt.json')!.doc) as Record<string, any>;
    inputs.push({ file: 'my-receipt.json', doc: { ...receipt, id: 'my-receipt' } });
    const result = loadDefinitions(inputs);
    expect(result.ok, JSON.stringify(result)).to.equal(true);
  });

  it('given an unknown item or platform, when resolved, then bundle.reference-missing with a suggestion', () => {
    const result = loadDefinitions(validMini());
    if (!result.ok) throw new Error('valid-mini must load');
    const bundle = resolveBundle(result.set, 'patent-pledg', 'nowhere');
    expect(bundle.ok).to.equal(false);
    if (bundle.ok) return;
    expect(bundle.problems.map((p) => [p.code, p.suggestion])).to.deep.equal([
      ['bundle.reference-missing', 'patent-pledge'],
      ['bundle.reference-missing', undefined],
    ]);
  });
});
