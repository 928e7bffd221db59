/** The rule builder's model: JSON Logic ↔ rows, in words, and the fields a form offers. No DOM. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { commonFields, formRuleFields } from '../../designer/src/components/rule-fields.js';
import {
  buildRule,
  isCompleteRow,
  operatorsFor,
  parseRule,
  ruleWords,
  type RuleField,
  type RuleModel,
} from '../../designer/src/components/rule-model.js';
import { workflowRules } from '../../engine/load/workflow-parts.js';
import type { Workflow } from '../../engine/kinds/workflow.js';
import type { Checklist } from '../../engine/kinds/checklist.js';

const province = join(import.meta.dirname, '..', '..', 'definitions', 'province');
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

const fields: RuleField[] = [
  { path: 'form.isAgent', label: '是否委托代理', type: 'boolean' },
  { path: 'form.amount', label: '金额', type: 'number' },
  { path: 'form.channel', label: '服务方式', type: 'string', options: [{ value: 'online', label: '线上' }, { value: 'phone', label: '电话' }] },
  { path: 'actor.roles', label: '操作人角色', type: 'array' },
];

describe('rule model', () => {
  describe('round trip rule → rows → rule', () => {
    const cases: Array<[string, unknown]> = [
      ['为是', { '==': [{ var: 'form.isAgent' }, true] }],
      ['为否', { '!': [{ var: 'form.isAgent' }] }],
      ['等于 false (kept as written, not turned into 为否)', { '==': [{ var: 'form.isAgent' }, false] }],
      ['等于 a string', { '==': [{ var: 'form.channel' }, 'online'] }],
      ['不等于', { '!=': [{ var: 'form.channel' }, 'phone'] }],
      ['大于', { '>': [{ var: 'materials.blockingCount' }, 0] }],
      ['大于等于', { '>=': [{ var: 'form.amount' }, 100] }],
      ['小于', { '<': [{ var: 'form.amount' }, 5] }],
      ['小于等于', { '<=': [{ var: 'command.level' }, 2] }],
      ['已填写', { '!': { missing: ['form.agentName'] } }],
      ['未填写', { missing: ['form.agentName'] }],
      ['包含于', { in: [{ var: 'form.channel' }, ['online', 'phone']] }],
      ['包含', { in: ['staff', { var: 'actor.roles' }] }],
      ['且', { and: [{ '==': [{ var: 'form.isAgent' }, true] }, { '>': [{ var: 'form.amount' }, 100] }] }],
      ['或', { or: [{ missing: ['form.a'] }, { '==': [{ var: 'form.b' }, 'x'] }, { '<': [{ var: 'form.c' }, 3] }] }],
    ];
    for (const [name, rule] of cases) {
      it(`given ${name}, when read as rows and built again, then the rule is the same`, () => {
        const model = parseRule(rule);
        expect(model, 'representable').to.not.equal(undefined);
        expect(buildRule(model!)).to.deep.equal(rule);
      });
    }

    it('given no condition, when read, then there are no rows, and no rows build no condition', () => {
      expect(parseRule(undefined)).to.deep.equal({ join: 'and', rows: [] });
      expect(buildRule({ join: 'or', rows: [] })).to.equal(undefined);
    });

    it('given every rule in the province checklists and the standard flow, when read, then each is rows that build back exactly', () => {
      const rules: unknown[] = [];
      for (const file of readdirSync(join(province, 'checklists'))) {
        const checklist = readJson(join(province, 'checklists', file)) as Checklist;
        rules.push(...checklist.materials.map((m) => m.required).filter((r) => typeof r === 'object'));
      }
      const workflow = readJson(join(province, 'workflows', 'standard-service.json')) as Workflow;
      rules.push(...workflowRules(workflow).map((r) => r.rule));
      expect(rules.length).to.be.greaterThan(5);
      for (const rule of rules) expect(buildRule(parseRule(rule)!), JSON.stringify(rule)).to.deep.equal(rule);
    });
  });

  describe('rules the rows cannot say', () => {
    const cases: Array<[string, unknown]> = [
      ['a nested group', { and: [{ or: [{ missing: ['form.a'] }, { missing: ['form.b'] }] }, { missing: ['form.c'] }] }],
      ['reversed operands', { '==': [true, { var: 'form.isAgent' }] }],
      ['a var with a default', { '==': [{ var: ['form.isAgent', false] }, true] }],
      ['a var compared with a var', { '==': [{ var: 'form.a' }, { var: 'form.b' }] }],
      ['a one-row group (would lose its and)', { and: [{ missing: ['form.a'] }] }],
      ['an operator the builder lacks', { '!!': [{ var: 'form.a' }] }],
      ['between (three arguments)', { '<': [1, { var: 'form.a' }, 9] }],
      ['not with a list argument', { '!': [{ missing: ['form.a'] }] }],
      ['strict equality', { '===': [{ var: 'form.a' }, 1] }],
      ['a constant', true],
    ];
    for (const [name, rule] of cases) {
      it(`given ${name}, when read, then it is not rows (shown as JSON, never rewritten)`, () => {
        expect(parseRule(rule)).to.equal(undefined);
      });
    }
  });

  describe('rows → rule', () => {
    it('given rows still being filled in, when built, then only complete rows count', () => {
      const model: RuleModel = {
        join: 'and',
        rows: [
          { field: '', op: 'eq', value: 1 },
          { field: 'form.amount', op: 'gt' },
          { field: 'form.channel', op: 'in', value: [] },
          { field: 'form.isAgent', op: 'isTrue' },
        ],
      };
      expect(model.rows.map(isCompleteRow)).to.deep.equal([false, false, false, true]);
      expect(buildRule(model)).to.deep.equal({ '==': [{ var: 'form.isAgent' }, true] });
    });

    it('given a boolean field, when its operators are listed, then 为是/为否/已填写/未填写 are offered and 大于 is not', () => {
      expect(operatorsFor('boolean').map((o) => o.zh)).to.deep.equal(['为是', '为否', '已填写', '未填写']);
      expect(operatorsFor('number').map((o) => o.op)).to.include.members(['gt', 'ge', 'lt', 'le', 'in']);
      expect(operatorsFor(undefined)).to.have.length(12);
    });
  });

  describe('in words', () => {
    it('given 是否委托代理 为是, when put in words, then the guide text reads so', () => {
      expect(ruleWords(parseRule({ '==': [{ var: 'form.isAgent' }, true] })!, fields)).to.equal('是否委托代理 为是');
    });

    it('given choices and a join, when put in words, then option labels and 且/或 are used', () => {
      const model = parseRule({ or: [{ in: [{ var: 'form.channel' }, ['online', 'phone']] }, { '>=': [{ var: 'form.amount' }, 100] }] })!;
      expect(ruleWords(model, fields)).to.equal('服务方式 包含于 线上、电话 或 金额 大于等于 100');
      expect(ruleWords(model, fields, 'en')).to.equal('服务方式 is one of 线上, 电话 or 金额 is at least 100');
    });

    it('given a field not in the list, when put in words, then its path stands in for the label', () => {
      expect(ruleWords(parseRule({ missing: ['form.other'] })!, fields)).to.equal('form.other 未填写');
    });
  });

  describe('fields of a form', () => {
    it('given the pledge registration form, when its fields are read, then labels, types and choices come from the schema and uiSchema, in ui:order', () => {
      const form = readJson(join(province, 'forms', 'patent-pledge-registration.json')) as { schema: unknown; uiSchema: unknown };
      const found = formRuleFields(form.schema, form.uiSchema);
      expect(found[0]).to.deep.equal({
        path: 'form.pledgorType',
        label: '出质人类型',
        type: 'string',
        options: [{ value: 'organization', label: '单位' }, { value: 'individual', label: '个人' }],
      });
      expect(found.find((f) => f.path === 'form.isAgent')).to.deep.include({ label: '是否委托代理人办理', type: 'boolean' });
      expect(found.find((f) => f.path === 'form.debtAmount')?.type).to.equal('number');
      expect(found.find((f) => f.path === 'form.patentNumbers')?.type).to.equal('array');
      // pledgorCertificateNo appears again under then/else with a format only: listed once, with its title.
      expect(found.filter((f) => f.path === 'form.pledgorCertificateNo').map((f) => f.label)).to.deep.equal(['出质人统一社会信用代码 / 身份证号码']);
    });

    it('given a field only under a condition and a section, when read, then both are offered with dotted paths', () => {
      const schema = {
        type: 'object',
        properties: { agent: { type: 'boolean', title: '委托' }, applicant: { type: 'object', title: '申请人', properties: { name: { type: 'string', title: '姓名' } } } },
        allOf: [{ if: { properties: { agent: { const: true } } }, then: { properties: { agentName: { type: 'string', title: '代理人' } } } }],
      };
      expect(formRuleFields(schema, {}).map((f) => [f.path, f.label])).to.deep.equal([
        ['form.agent', '委托'],
        ['form.applicant.name', '申请人 · 姓名'],
        ['form.agentName', '代理人'],
      ]);
    });

    it('given several forms, when their common fields are taken, then only fields all of them have remain', () => {
      const a = formRuleFields({ type: 'object', properties: { x: { type: 'string' }, y: { type: 'boolean' } } }, {});
      const b = formRuleFields({ type: 'object', properties: { y: { type: 'boolean' }, z: { type: 'string' } } }, {});
      expect(commonFields([a, b]).map((f) => f.path)).to.deep.equal(['form.y']);
      expect(commonFields([])).to.deep.equal([]);
    });
  });
});
