/**
 * The engine side of the template editor: the flat variable list agrees with the checker, the
 * sample case fills every part of a notice, and a preview reports problems at line and column
 * and renders whatever can render.
 */
import { expect } from 'chai';
import { createWorkingCalendar } from '../../../engine/calendar/index.js';
import type { Template } from '../../../engine/kinds/template.js';
import { CaseContext, ItemContext } from '../../../engine/templates/context.js';
import { contextOfPurpose, contextVariables } from '../../../engine/templates/context-variables.js';
import { previewTemplate } from '../../../engine/templates/preview.js';
import { sampleCaseContext } from '../../../engine/templates/sample-case.js';
import { checkTemplateSource } from '../../../engine/templates/variables.js';
import { readOfficialCalendars } from '../calendar/official-calendars.js';
import { pledgeBundle } from '../../fixtures/bundles/pledge.js';

const calendar = createWorkingCalendar({ years: readOfficialCalendars() });
const now = '2026-03-02T02:00:00.000Z'; // Monday 10:00 in China

function template(body: string, overrides: Partial<Template> = {}): Template {
  return { kind: 'Template', schemaVersion: 1, id: 'draft-notice', version: 1, title: '草稿', purpose: 'notice', context: 'case', format: 'text', body, ...overrides };
}

function sampleContext(change: (bundle: ReturnType<typeof pledgeBundle>) => void = () => {}) {
  const bundle = pledgeBundle();
  change(bundle);
  return sampleCaseContext({ bundle, calendar, now, number: 'SAMPLE-0001' });
}

describe('template context variables', () => {
  for (const [name, schema] of [['item', ItemContext], ['case', CaseContext]] as const) {
    it(`given the ${name} context, when every listed variable is used in a template, then the checker accepts each`, () => {
      const variables = contextVariables(name);
      expect(variables.length).to.be.greaterThan(40);
      for (const { path } of variables) {
        // `*` is any element: a template reaches one by index (or with {{#each}}).
        expect(checkTemplateSource(`{{${path.replaceAll('*', '0')}}}`, schema), path).to.deep.equal([]);
      }
    });
  }

  it('given the case context, when listed, then every variable has a description and only form and case.fields are open', () => {
    const variables = contextVariables('case');
    expect(variables.filter((v) => v.description === undefined)).to.deep.equal([]);
    expect(variables.filter((v) => v.isOpen).map((v) => v.path)).to.deep.equal(['case.fields', 'form']);
  });

  it('given purposes, when mapped to contexts, then guides use the item context and notices the case context', () => {
    expect(contextOfPurpose('guide')).to.equal('item');
    expect(['receipt', 'oneTimeNotice', 'result', 'notice', 'sms'].map((p) => contextOfPurpose(p as Template['purpose']))).to.deep.equal(['case', 'case', 'case', 'case', 'case']);
  });
});

describe('sampleCaseContext', () => {
  it('given the pledge bundle without sample data, when built, then the case is accepted, dated, due and has materials in every state', () => {
    const context = sampleContext();
    expect(context.case).to.include({ number: 'SAMPLE-0001', status: 'open', createdAt: now, submittedAt: now, acceptedAt: now });
    expect(context.case.dueAt).to.match(/^2026-03-\d\dT15:59:59\.999Z$/);
    expect(context.applicant.name).to.equal('张三（示例）');
    expect(context.materials.provided).to.have.length(1);
    expect(context.materials.deficient).to.have.length(1);
    expect(context.materials.deficient[0]?.reason).to.contain('示例');
    expect(context.materials.toSupply.map((m) => m.key)).to.include(context.materials.deficient[0]!.key);
    expect(context.evaluation).to.include({ level: 5, levelLabel: '非常满意' });
    expect(context.form).to.deep.equal({});
  });

  it('given the form\'s sampleData, when built, then it is the form data and decides which materials are required', () => {
    const without = sampleContext();
    const withAgent = sampleContext((bundle) => { bundle.form.sampleData = { isAgent: true, contactName: '示例联系人' }; });
    expect(withAgent.form).to.deep.equal({ isAgent: true, contactName: '示例联系人' });
    expect(withAgent.materials.required.length).to.be.greaterThan(without.materials.required.length);
  });

  it('given sampleData that is not an object, when built, then the form data is empty', () => {
    expect(sampleContext((bundle) => { bundle.form.sampleData = 'initial value'; }).form).to.deep.equal({});
  });

  it('given a workflow that sets fields, when built, then each field has a sample value naming it', () => {
    const fields = sampleContext().case.fields as Record<string, unknown>;
    expect(Object.keys(fields).length).to.be.greaterThan(0);
    for (const [name, value] of Object.entries(fields)) expect(value).to.equal(`（示例：${name}）`);
  });
});

describe('previewTemplate', () => {
  const context = sampleContext();

  it('given a valid template, when previewed, then subject and body render and there are no problems', () => {
    const result = previewTemplate({ template: template('{{applicant.name}}：{{case.number}}', { subject: '{{item.title}}' }), context, calendar });
    expect(result).to.deep.equal({ output: { subject: context.item.title, body: '张三（示例）：SAMPLE-0001' }, problems: [] });
  });

  it('given an unknown variable, when previewed, then it renders blank there and the problem has line, column, name and the file', () => {
    const result = previewTemplate({ template: template('第一行\n{{case.numbr}}号'), context, calendar, file: 'request#/template' });
    expect(result.output?.body).to.equal('第一行\n号');
    expect(result.problems).to.deep.equal([{
      code: 'template.variable-unknown',
      path: '/body',
      message: 'Template "draft-notice" body line 2, column 3 uses unknown variable "case.numbr". Did you mean "case.number"?',
      file: 'request#/template',
      suggestion: 'case.number',
      line: 2,
      column: 3,
      name: 'case.numbr',
    }]);
  });

  it('given a partial, when previewed, then nothing renders and the partial is placed', () => {
    const result = previewTemplate({ template: template('a {{> footer}}'), context, calendar });
    expect(result.output).to.equal(null);
    expect(result.problems.map((p) => [p.code, p.line, p.column])).to.deep.equal([['template.partial-unsupported', 1, 3]]);
  });

  it('given a template the checks accept but Handlebars cannot run, when previewed, then one render problem says why', () => {
    const result = previewTemplate({ template: template('{{#each}}x{{/each}}'), context, calendar });
    expect(result.output).to.equal(null);
    expect(result.problems.map((p) => p.code)).to.deep.equal(['template.render-failed']);
    expect(result.problems[0]?.message).to.contain('Must pass iterator to #each');
  });
});
