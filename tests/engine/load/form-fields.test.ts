import { expect } from 'chai';
import { extractFormFields, hasFormField } from '../../../engine/forms/fields.js';
import { validMini } from './fixtures.js';

const formSchema = (validMini().find((i) => i.file === 'form.json')!.doc as { schema: unknown }).schema;

describe('form fields', () => {
  it('given the valid-mini form, when fields are extracted, then nested, array and dependency fields appear', () => {
    expect(extractFormFields(formSchema)).to.have.members([
      'pledgor', 'pledgor.name', 'pledgor.uscc', 'pledgee', 'pledgee.name',
      'patents', 'patents.*.number', 'patents.*.title', 'hasValuation', 'hasAgent', 'agent', 'agent.name', 'agent.phone',
    ]);
  });

  it('given paths into the form, when checked, then indices, * and length work on arrays', () => {
    for (const path of ['pledgor.name', 'patents.0.number', 'patents.*.title', 'patents.length', 'agent.phone']) {
      expect(hasFormField(formSchema, path), path).to.equal(true);
    }
    for (const path of ['pledgor.nmae', 'patents.number', 'hasAgent.x', 'agent.email']) {
      expect(hasFormField(formSchema, path), path).to.equal(false);
    }
  });

  it('given fields under allOf if/then and a $ref, when checked, then they are found', () => {
    const schema = {
      type: 'object',
      definitions: { person: { type: 'object', properties: { name: { type: 'string' } } } },
      properties: { kind: { type: 'string' }, owner: { $ref: '#/definitions/person' } },
      allOf: [{ if: { properties: { kind: { const: 'a' } } }, then: { properties: { licence: { type: 'string' } } } }],
    };
    expect(hasFormField(schema, 'owner.name')).to.equal(true);
    expect(hasFormField(schema, 'licence')).to.equal(true);
    expect(hasFormField(schema, 'owner.age')).to.equal(false);
    expect(extractFormFields(schema)).to.include.members(['owner.name', 'licence']);
  });

  it('given an object field without declared properties, when checked, then anything below it is accepted', () => {
    const schema = { type: 'object', properties: { extra: { type: 'object' } } };
    expect(hasFormField(schema, 'extra.whatever.deep')).to.equal(true);
    expect(hasFormField(schema, 'other')).to.equal(false);
  });
});
