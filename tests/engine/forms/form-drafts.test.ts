/**
 * Forms in either JSON Schema draft rjsf supports: draft-07 by default, 2020-12 where `$schema`
 * names it. The loader and the server's validation pick the same draft, forms that declare the
 * same `$id` do not collide, and a form with any root loads unless an item uses it.
 */
import { expect } from 'chai';
import { declaresIds, formDraftOf } from '../../../engine/forms/form-ajv.js';
import { validateFormData } from '../../../engine/forms/validate.js';
import type { Form } from '../../../engine/kinds/form.js';
import { loadDefinitions } from '../../../engine/load/index.js';
import { validMini } from '../load/fixtures.js';

const DRAFT_2020 = 'https://json-schema.org/draft/2020-12/schema';

function formWith(id: string, schema: Record<string, unknown>, extra: Partial<Form> = {}): Form {
  return { kind: 'Form', schemaVersion: 1, id, version: 1, title: '测试表单', schema, ...extra };
}

/** A 2020-12 form: `$defs`, `dependentRequired` and `prefixItems` are 2020-12 keywords draft-07 does not know. */
const form2020 = formWith('applicant-2020', {
  $schema: DRAFT_2020,
  type: 'object',
  $defs: { phone: { type: 'string', format: 'cn-mobile', title: '手机号码' } },
  properties: {
    name: { type: 'string', title: '姓名' },
    phone: { $ref: '#/$defs/phone' },
    agentName: { type: 'string', title: '代理人' },
    agentPhone: { type: 'string', title: '代理人电话' },
    range: { type: 'array', prefixItems: [{ type: 'integer' }, { type: 'integer' }], items: false },
  },
  dependentRequired: { agentName: ['agentPhone'] },
});

function problemsLoading(...extra: Array<{ file: string; doc: unknown }>) {
  const result = loadDefinitions([...validMini(), ...extra]);
  return result.ok ? [] : result.problems;
}

describe('form drafts', () => {
  it('given $schema values, when read, then 2020-12 and draft-07 are named, none means draft-07, others are unsupported', () => {
    expect(formDraftOf({ $schema: DRAFT_2020 })).to.equal('2020-12');
    expect(formDraftOf({ $schema: `${DRAFT_2020}#` })).to.equal('2020-12');
    expect(formDraftOf({ $schema: 'http://json-schema.org/draft-07/schema#' })).to.equal('draft-07');
    expect(formDraftOf({ type: 'object' })).to.equal('draft-07');
    expect(formDraftOf({ $schema: 'http://json-schema.org/draft-04/schema#' })).to.equal(undefined);
  });

  it('given schemas, when asked whether they declare ids, then $id anywhere counts and an enum value named $id does not', () => {
    expect(declaresIds({ properties: { a: { $defs: { x: { $id: '/x' } } } } })).to.equal(true);
    expect(declaresIds({ enum: [{ $id: 'data' }], const: { $id: 'data' } })).to.equal(false);
  });

  it('given a 2020-12 form, when loaded with valid-mini, then it has no problems', () => {
    expect(problemsLoading({ file: 'form-2020.json', doc: form2020 })).to.deep.equal([]);
  });

  it('given a 2020-12 form, when data is validated, then 2020-12 keywords apply and messages name the field', () => {
    expect(validateFormData(form2020, { name: '张三', phone: '13800138000', range: [1, 2] })).to.deep.equal([]);
    const problems = validateFormData(form2020, { phone: '12345', agentName: '李四', range: [1, 2, 3] });
    expect(problems.map((p) => [p.code, p.path])).to.have.deep.members([
      ['form.format', '/phone'],
      ['form.dependentRequired', '/agentPhone'],
      ['form.items', '/range'],
    ]);
    expect(problems.find((p) => p.path === '/range')?.message).to.equal('"range" 最多 2 项');
    expect(problems.find((p) => p.path === '/agentPhone')?.message).to.equal('填写了"代理人"时，还需填写"代理人电话"');
  });

  it('given two forms declaring the same $id differently, when loaded and validated, then each keeps its own meaning', () => {
    const idOf = (type: string) => ({ $defs: { code: { $id: 'https://example.org/code', type } }, type: 'object', properties: { code: { $ref: 'https://example.org/code' } } });
    const asText = formWith('code-as-text', idOf('string'));
    const asNumber = formWith('code-as-number', idOf('number'));
    expect(problemsLoading({ file: 'a.json', doc: asText }, { file: 'b.json', doc: asNumber })).to.deep.equal([]);
    expect(validateFormData(asText, { code: 'A1' })).to.deep.equal([]);
    expect(validateFormData(asNumber, { code: 'A1' }).map((p) => p.code)).to.deep.equal(['form.type']);
  });

  it('given forms with a string root, no type, and sample data, when loaded without an item using them, then they load', () => {
    const single = formWith('single-answer', { type: 'string', title: '一句话' }, { sampleData: 'initial value' });
    const untyped = formWith('untyped', { title: '任意值' }, { sampleData: 1234 });
    expect(problemsLoading({ file: 'single.json', doc: single }, { file: 'untyped.json', doc: untyped })).to.deep.equal([]);
    expect(validateFormData(single, 'initial value')).to.deep.equal([]);
    expect(validateFormData(single, 5).map((p) => p.code)).to.deep.equal(['form.type']);
  });

  it('given uiSchema for the extra elements of a tuple array (additionalItems), when loaded, then it is not an unknown field', () => {
    const tuple = formWith('tuple', {
      type: 'object',
      properties: { people: { type: 'array', items: [{ type: 'object', properties: { name: { type: 'string' } } }], additionalItems: { type: 'object', properties: { name: { type: 'string' } } } } },
    }, { uiSchema: { people: { items: { name: { 'ui:autofocus': true } }, additionalItems: { name: { 'ui:widget': 'textarea' } } } } });
    expect(problemsLoading({ file: 'tuple.json', doc: tuple })).to.deep.equal([]);
  });

  it('given colors and data urls, when validated, then rjsf\'s two extra formats are checked as rjsf checks them', () => {
    const media = formWith('media', { type: 'object', properties: { color: { type: 'string', format: 'color' }, file: { type: 'string', format: 'data-url' } } });
    expect(problemsLoading({ file: 'media.json', doc: media })).to.deep.equal([]);
    expect(validateFormData(media, { color: '#ff0000', file: 'data:text/plain;name=a.txt;base64,YQ==' })).to.deep.equal([]);
    expect(validateFormData(media, { color: 'not-a-colour', file: 'a.txt' }).map((p) => p.path)).to.deep.equal(['/color', '/file']);
  });
});
