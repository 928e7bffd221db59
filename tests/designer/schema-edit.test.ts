/**
 * The form designer's pure schema edits: each patches only what changed, keeps key order and
 * unknown keywords, and expresses "show when" / "required when" as standard allOf/if/then that
 * the server's Ajv reads the same way (a hidden required field does not block a submission).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { Ajv } from 'ajv';
import { conditionSchema, parseCondition } from '../../designer/src/screens/forms/conditions.js';
import { detectFieldType, fieldTypes } from '../../designer/src/screens/forms/field-types.js';
import { flatten, listFields, rootContainer, type FieldInfo, type FormParts } from '../../designer/src/screens/forms/field-list.js';
import { setIn } from '../../designer/src/screens/forms/json-path.js';
import { readChoices, textToChoices, writeChoices } from '../../designer/src/screens/forms/options.js';
import {
  addField,
  moveField,
  removeField,
  renameField,
  setFieldSchema,
  setFieldUi,
  setRequired,
  setRequiredWhen,
  setVisibleWhen,
} from '../../designer/src/screens/forms/schema-edit.js';
import { projectRoot } from '../../server/paths.js';

type Node = Record<string, unknown>;

const pledgeForm = JSON.parse(readFileSync(join(projectRoot, 'definitions/province/forms/patent-pledge-registration.json'), 'utf8')) as { schema: Node; uiSchema: Node };

function field(parts: FormParts, key: string): FieldInfo {
  const found = flatten(listFields(parts)).find((f) => f.key === key);
  if (!found) throw new Error(`no field ${key}`);
  return found;
}

function keys(parts: FormParts): string[] {
  return listFields(parts).map((f) => f.key);
}

/** A small form: a yes/no question and two text fields. */
function agentForm(): FormParts {
  return {
    schema: {
      type: 'object',
      'x-note': 'kept',
      required: ['name'],
      properties: { name: { type: 'string', title: '姓名' }, isAgent: { type: 'boolean', title: '是否委托代理' }, agentName: { type: 'string', title: '代理人姓名' } },
    },
    uiSchema: {},
  };
}

describe('form designer schema edits', () => {
  describe('json-path', () => {
    it('given a nested object, when one value is replaced, then the other keys keep their order and deleting a missing path creates nothing', () => {
      const before = { a: 1, b: { c: 2, d: 3 }, e: 4 };
      const after = setIn(before, ['b', 'c'], 9);
      expect(JSON.stringify(after)).to.equal('{"a":1,"b":{"c":9,"d":3},"e":4}');
      expect(setIn(before, ['x', 'y'], undefined)).to.equal(before);
    });
  });

  describe('reading a form', () => {
    it('given the province pledge form, when its fields are listed, then they follow ui:order and the agent fields are required when 是否委托代理 is true', () => {
      const fields = listFields(pledgeForm);
      expect(fields.map((f) => f.key)).to.deep.equal(pledgeForm.uiSchema['ui:order']);
      const agentName = fields.find((f) => f.key === 'agentName');
      expect(agentName?.requiredWhen.map((r) => r.condition)).to.deep.equal([{ field: 'isAgent', op: 'isTrue' }]);
      expect(fields.find((f) => f.key === 'pledgeeUscc')?.type).to.equal('uscc');
      expect(fields.find((f) => f.key === 'pledgorType')?.type).to.equal('radio');
      expect(fields.find((f) => f.key === 'remarks')?.type).to.equal('textarea');
      expect(fields.find((f) => f.key === 'contactName')?.isRequired).to.equal(true);
    });

    it('given if schemas the builder writes or the province uses, when parsed, then the condition comes back; other ifs are not guessed', () => {
      for (const condition of [
        { field: 'a', op: 'eq' as const, value: 'x' },
        { field: 'a', op: 'ne' as const, value: 2 },
        { field: 'a', op: 'isTrue' as const },
        { field: 'a', op: 'isFalse' as const },
        { field: 'a', op: 'filled' as const },
      ]) {
        expect(parseCondition(conditionSchema(condition))).to.deep.equal(condition);
      }
      expect(parseCondition({ properties: { kind: { enum: ['organization'] } }, required: ['kind'] })).to.deep.equal({ field: 'kind', op: 'eq', value: 'organization' });
      expect(parseCondition({ properties: { a: { const: 1 } } })).to.equal(undefined);
      expect(parseCondition({ properties: { a: { minimum: 1 } }, required: ['a'] })).to.equal(undefined);
    });

    it('given every palette type, when a new field of it is read back, then it is recognised as that type', () => {
      for (const type of Object.values(fieldTypes)) {
        const made = type.create('字段');
        expect(detectFieldType(made.schema, made.ui ?? {}), type.id).to.equal(type.id);
      }
    });
  });

  describe('losing nothing', () => {
    const samplesDir = join(projectRoot, '..', 'shared', 'peer', 'rjsf-samples');
    const provinceDir = join(projectRoot, 'definitions', 'province', 'forms');
    const forms = [
      ...readdirSync(provinceDir).map((f) => join(provinceDir, f)),
      ...(existsSync(samplesDir) ? readdirSync(samplesDir).filter((f) => f.endsWith('.json')).map((f) => join(samplesDir, f)) : []),
    ];

    it('given every province form and rjsf sample, when each field is moved to its own place, then the form is the very same object', () => {
      expect(forms.length).to.be.greaterThan(8);
      for (const file of forms) {
        const { schema, uiSchema } = JSON.parse(readFileSync(file, 'utf8')) as FormParts;
        const parts: FormParts = { schema, uiSchema };
        for (const info of flatten(listFields(parts))) {
          const siblings = listFields(parts, info.container);
          const moved = moveField(parts, info, siblings.findIndex((f) => f.id === info.id));
          expect(moved.schema, `${file} ${info.id}`).to.equal(schema);
          expect(moved.uiSchema, `${file} ${info.id}`).to.equal(uiSchema);
        }
      }
    });
  });

  describe('adding, moving, removing', () => {
    it('given a form without ui:order, when a field is added at the end, then only properties change', () => {
      const before = agentForm();
      const after = addField(before, { container: rootContainer, key: 'phone1', ...fieldTypes.phone.create('手机') });
      expect(Object.keys((after.schema as Node).properties as Node)).to.deep.equal(['name', 'isAgent', 'agentName', 'phone1']);
      expect(after.uiSchema).to.deep.equal({ phone1: { 'ui:placeholder': '11位手机号码', 'ui:inputType': 'tel' } });
    });

    it('given a field added at the top and one moved, when listed, then ui:order says so and the schema keys stay put', () => {
      let parts = addField(agentForm(), { container: rootContainer, key: 'first', schema: { type: 'string' }, index: 0 });
      expect(keys(parts)).to.deep.equal(['first', 'name', 'isAgent', 'agentName']);
      parts = moveField(parts, field(parts, 'agentName'), 1);
      expect(keys(parts)).to.deep.equal(['first', 'agentName', 'name', 'isAgent']);
      expect(Object.keys((parts.schema as Node).properties as Node)).to.deep.equal(['name', 'isAgent', 'agentName', 'first']);
    });

    it('given a ui:order with "*", when a field moves, then only that key moves and "*" stays', () => {
      const parts: FormParts = { schema: agentForm().schema, uiSchema: { 'ui:order': ['isAgent', '*'] } };
      const moved = moveField(parts, field(parts, 'agentName'), 0);
      expect((moved.uiSchema as Node)['ui:order']).to.deep.equal(['agentName', 'isAgent', '*']);
    });

    it('given a repeating group, when fields are added to it, then they land in items.properties and its uiSchema under items', () => {
      let parts = addField(agentForm(), { container: rootContainer, key: 'inventors', ...fieldTypes.group.create('发明人') });
      const group = field(parts, 'inventors');
      parts = addField(parts, { container: group.inner!, key: 'name', ...fieldTypes.text.create('姓名') });
      parts = addField(parts, { container: group.inner!, key: 'idNumber', ...fieldTypes.residentId.create('身份证号') });
      expect(((parts.schema as Node).properties as Node).inventors).to.deep.include({ items: { type: 'object', properties: { name: { type: 'string', title: '姓名' }, idNumber: { type: 'string', title: '身份证号', format: 'cn-resident-id' } } } });
      expect(field(parts, 'inventors').children?.map((f) => f.id)).to.deep.equal(['/inventors/items/name', '/inventors/items/idNumber']);
      expect((parts.uiSchema as Node).inventors).to.deep.equal({ items: { idNumber: { 'ui:placeholder': '18位居民身份证号码' } } });
    });

    it('given a field with rules, when it is removed, then its required entry, rule and uiSchema go with it', () => {
      let parts = setRequiredWhen(agentForm(), field(agentForm(), 'agentName'), { field: 'isAgent', op: 'isTrue' });
      parts = setFieldUi(parts, field(parts, 'agentName'), { 'ui:help': '说明' });
      parts = removeField(parts, field(parts, 'agentName'));
      expect(parts.schema).to.deep.equal({ type: 'object', 'x-note': 'kept', required: ['name'], properties: { name: { type: 'string', title: '姓名' }, isAgent: { type: 'boolean', title: '是否委托代理' } } });
      expect(parts.uiSchema).to.deep.equal({});
    });
  });

  describe('conditions', () => {
    it('given "show 代理人姓名 when 是否委托代理 is true" on a required field, then it moves under allOf/if/then and Ajv needs it only when shown', () => {
      let parts = setRequired(agentForm(), field(agentForm(), 'agentName'), true);
      parts = setVisibleWhen(parts, field(parts, 'agentName'), { field: 'isAgent', op: 'isTrue' });
      const schema = parts.schema as Node;
      expect(schema.properties).to.not.have.property('agentName');
      expect(schema.required).to.deep.equal(['name']);
      expect(schema.allOf).to.deep.equal([
        { if: { properties: { isAgent: { const: true } }, required: ['isAgent'] }, then: { properties: { agentName: { type: 'string', title: '代理人姓名' } }, required: ['agentName'] } },
      ]);
      expect(keys(parts)).to.deep.equal(['name', 'isAgent', 'agentName']);
      const agentName = field(parts, 'agentName');
      expect(agentName.visibleWhen?.condition).to.deep.equal({ field: 'isAgent', op: 'isTrue' });
      expect(agentName.isRequired).to.equal(true);

      const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
      expect(validate({ name: '张三', isAgent: false }), 'hidden and empty').to.equal(true);
      expect(validate({ name: '张三', isAgent: true }), 'shown and empty').to.equal(false);
      expect(validate({ name: '张三', isAgent: true, agentName: '李四' })).to.equal(true);
    });

    it('given two fields on the same condition, then they share one allOf entry; removing both conditions restores the plain schema', () => {
      const start = addField(agentForm(), { container: rootContainer, key: 'agentPhone', schema: { type: 'string' } });
      let parts = setVisibleWhen(start, field(start, 'agentName'), { field: 'isAgent', op: 'isTrue' });
      parts = setVisibleWhen(parts, field(parts, 'agentPhone'), { field: 'isAgent', op: 'isTrue' });
      expect((parts.schema as Node).allOf).to.have.length(1);
      expect(keys(parts)).to.deep.equal(['name', 'isAgent', 'agentName', 'agentPhone']);
      parts = setVisibleWhen(parts, field(parts, 'agentName'), undefined);
      parts = setVisibleWhen(parts, field(parts, 'agentPhone'), undefined);
      expect(parts.schema).to.deep.equal(start.schema);
      expect(keys(parts)).to.deep.equal(['name', 'isAgent', 'agentName', 'agentPhone']);
    });

    it('given "required when", then the key goes to a then.required only; making it always required drops the rule', () => {
      let parts = setRequiredWhen(agentForm(), field(agentForm(), 'agentName'), { field: 'isAgent', op: 'eq', value: true });
      expect((parts.schema as Node).allOf).to.deep.equal([{ if: { properties: { isAgent: { const: true } }, required: ['isAgent'] }, then: { required: ['agentName'] } }]);
      expect(field(parts, 'agentName').requiredWhen).to.have.length(1);
      parts = setRequired(parts, field(parts, 'agentName'), true);
      expect(parts.schema).to.deep.equal({ ...agentForm().schema as Node, required: ['name', 'agentName'] });
    });

    it('given a field other rules name, when it is renamed, then properties, required, conditions and uiSchema follow in place', () => {
      let parts = setVisibleWhen(agentForm(), field(agentForm(), 'agentName'), { field: 'isAgent', op: 'isTrue' });
      parts = setFieldUi(parts, field(parts, 'isAgent'), { 'ui:widget': 'radio' });
      parts = renameField(parts, field(parts, 'isAgent'), 'hasAgent');
      const schema = parts.schema as Node;
      expect(Object.keys(schema.properties as Node)).to.deep.equal(['name', 'hasAgent']);
      expect((schema.allOf as Node[])[0]?.if).to.deep.equal({ properties: { hasAgent: { const: true } }, required: ['hasAgent'] });
      expect(parts.uiSchema).to.deep.include({ hasAgent: { 'ui:widget': 'radio' } });
      expect(field(parts, 'agentName').visibleWhen?.condition).to.deep.equal({ field: 'hasAgent', op: 'isTrue' });
    });
  });

  describe('properties and choices', () => {
    it('given a field, when keywords are set and cleared, then only those keys change', () => {
      let parts = setFieldSchema(agentForm(), field(agentForm(), 'name'), { minLength: 2, maxLength: 30 });
      parts = setFieldSchema(parts, field(parts, 'name'), { minLength: undefined });
      expect(JSON.stringify(((parts.schema as Node).properties as Node).name)).to.equal('{"type":"string","title":"姓名","maxLength":30}');
    });

    it('given enum choices with names and oneOf choices, when edited as lines, then each keeps its style', () => {
      const radio = { schema: { type: 'object', properties: { kind: fieldTypes.radio.create('类型').schema } }, uiSchema: { kind: fieldTypes.radio.create('类型').ui } };
      const edited = writeChoices(radio, field(radio, 'kind'), textToChoices('organization=单位\nindividual=个人', 'string'));
      expect(((edited.schema as Node).properties as Node).kind).to.deep.include({ enum: ['organization', 'individual'] });
      expect((edited.uiSchema as Node).kind).to.deep.equal({ 'ui:widget': 'radio', 'ui:enumNames': ['单位', '个人'] });

      const oneOf = { schema: { type: 'object', properties: { n: { type: 'number', oneOf: [{ const: 1, title: '一', description: 'kept' }] } } } };
      expect(readChoices(oneOf, field(oneOf, 'n'))).to.deep.equal([{ value: 1, label: '一' }]);
      const more = writeChoices(oneOf, field(oneOf, 'n'), textToChoices('1=壹\n2=贰', 'number'));
      expect(((more.schema as Node).properties as Node).n).to.deep.equal({ type: 'number', oneOf: [{ const: 1, title: '壹', description: 'kept' }, { const: 2, title: '贰' }] });
    });
  });
});
