import { expect } from 'chai';
import { diffDocuments, isSameValue } from '../../../engine/load/index.js';

describe('diffDocuments', () => {
  it('given two versions of an item, when diffed, then each change is one entry with a JSON Pointer', () => {
    const before = { id: 'x', version: 1, title: '旧', timeLimit: { value: 3, unit: 'workingDay' }, keywords: ['a'], contact: { phone: '1' } };
    const after = { id: 'x', version: 2, title: '新', timeLimit: { value: 2, unit: 'workingDay' }, keywords: ['a', 'b'], channelNote: '窗口' };
    expect(diffDocuments(before, after)).to.have.deep.members([
      { path: '/version', op: 'changed', before: 1, after: 2 },
      { path: '/title', op: 'changed', before: '旧', after: '新' },
      { path: '/timeLimit/value', op: 'changed', before: 3, after: 2 },
      { path: '/keywords/1', op: 'added', after: 'b' },
      { path: '/contact', op: 'removed', before: { phone: '1' } },
      { path: '/channelNote', op: 'added', after: '窗口' },
    ]);
  });

  it('given keys that need escaping, when diffed, then the pointer escapes "/" and "~" (RFC 6901)', () => {
    expect(diffDocuments({ notices: { 'a/b': 'x', 'c~d': 'y' } }, { notices: { 'a/b': 'z' } })).to.deep.equal([
      { path: '/notices/a~1b', op: 'changed', before: 'x', after: 'z' },
      { path: '/notices/c~0d', op: 'removed', before: 'y' },
    ]);
  });

  it('given a value that turns from a list into an object or text, when diffed, then it changes as a whole', () => {
    expect(diffDocuments({ a: [1] }, { a: { 0: 1 } })).to.deep.equal([{ path: '/a', op: 'changed', before: [1], after: { 0: 1 } }]);
    expect(diffDocuments({ title: { 'zh-CN': '甲' } }, { title: '甲' })).to.deep.equal([{ path: '/title', op: 'changed', before: { 'zh-CN': '甲' }, after: '甲' }]);
  });

  it('given equal documents in another key order, when diffed, then nothing changed', () => {
    expect(diffDocuments({ a: 1, b: { c: [1, { d: 2 }] } }, { b: { c: [1, { d: 2 }] }, a: 1 })).to.deep.equal([]);
    expect(isSameValue({ a: 1, b: 2 }, { b: 2, a: 1 })).to.equal(true);
    expect(isSameValue(undefined, undefined)).to.equal(true);
    expect(isSameValue(undefined, [])).to.equal(false);
    expect(isSameValue(['a'], ['a', 'b'])).to.equal(false);
  });
});
