import { expect } from 'chai';
import { kindNames, kinds } from '../../../engine/kinds/index.js';

type Node = Record<string, unknown>;

/** JSON paths of properties (at any depth, in unions, arrays and maps) whose schema has no description. */
function undescribed(node: unknown, path: string): string[] {
  if (typeof node !== 'object' || node === null) return [];
  const schema = node as Node;
  const found: string[] = [];
  for (const [name, child] of Object.entries((schema.properties ?? {}) as Node)) {
    const childPath = `${path}.${name}`;
    if (typeof (child as Node).description !== 'string' || (child as Node).description === '') found.push(childPath);
    found.push(...undescribed(child, childPath));
  }
  for (const child of Object.values((schema.patternProperties ?? {}) as Node)) found.push(...undescribed(child, `${path}.*`));
  if (typeof schema.additionalProperties === 'object') found.push(...undescribed(schema.additionalProperties, `${path}.*`));
  if (schema.items !== undefined) found.push(...undescribed(schema.items, `${path}[]`));
  for (const [i, branch] of ((schema.anyOf ?? []) as unknown[]).entries()) found.push(...undescribed(branch, `${path}|${i}`));
  return found;
}

describe('definition kind schemas (the single source of truth)', () => {
  for (const kind of kindNames) {
    it(`given the ${kind} schema, when every property is walked, then each has a description`, () => {
      expect(undescribed(kinds[kind], kind)).to.deep.equal([]);
    });
  }

  it('given a schema missing one description, when walked, then its path is reported', () => {
    const schema = { type: 'object', properties: { a: { type: 'object', description: 'x', properties: { b: { type: 'string' } } } } };
    expect(undescribed(schema, 'Sample')).to.deep.equal(['Sample.a.b']);
  });
});
