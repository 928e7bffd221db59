/**
 * The template editor's and the history's pure parts: what inserting a variable writes (checked
 * by the engine's own template checker against the real context), the line diff of a changed
 * body, and which two versions the history compares by default. No DOM.
 */
import { expect } from 'chai';
import { contextVariables } from '../../engine/templates/context-variables.js';
import { templateContexts } from '../../engine/templates/context.js';
import { checkTemplateSource } from '../../engine/templates/variables.js';
import type { DefinitionVersion } from '../../designer/src/api/definitions.js';
import { insertionFor, openEach } from '../../designer/src/screens/templates/insertion.js';
import { hunks, lineDiff } from '../../designer/src/screens/versions/lineDiff.js';
import { defaultPair, inDisplayOrder, keyOf } from '../../designer/src/screens/versions/versionChoice.js';

const variables = contextVariables('item');
const variable = (path: string) => {
  const found = variables.find((v) => v.path === path);
  if (!found) throw new Error(`the item context has no ${path}`);
  return found;
};

/** Inserts at the end of `before` and returns the template's text. */
const insertAtEnd = (before: string, path: string, after = '') => before + insertionFor(variable(path), variables, before).text + after;

describe('template editor: inserting a variable', () => {
  it('writes {{path}} for a value', () => {
    expect(insertionFor(variable('item.department.name'), variables, '')).to.deep.equal({ text: '{{item.department.name}}', caret: 24 });
  });

  it('writes an each block for a list, with the caret inside it', () => {
    const insertion = insertionFor(variable('checklist'), variables, '');
    expect(insertion.text).to.equal('{{#each checklist}}\n\n{{/each}}');
    expect(insertion.text.slice(0, insertion.caret)).to.equal('{{#each checklist}}\n');
  });

  it('writes an element field by its own name inside its each block, and wraps it in one outside', () => {
    const inside = insertAtEnd('<ol>{{#each checklist}}<li>', 'checklist.*.name', '</li>{{/each}}</ol>');
    expect(inside).to.equal('<ol>{{#each checklist}}<li>{{name}}</li>{{/each}}</ol>');
    expect(insertAtEnd('<p>', 'checklist.*.name', '</p>')).to.equal('<p>{{#each checklist}}{{name}}{{/each}}</p>');
    // Past the block's end the cursor is outside it again.
    expect(insertAtEnd('{{#each checklist}}{{/each}}', 'checklist.*.name')).to.equal('{{#each checklist}}{{/each}}{{#each checklist}}{{name}}{{/each}}');
  });

  it('yields templates the engine accepts, for every variable of both contexts', () => {
    for (const context of ['item', 'case'] as const) {
      const all = contextVariables(context);
      for (const v of all.filter((candidate) => candidate.type !== 'object')) {
        const source = `<p>${insertionFor(v, all, '<p>').text}</p>`;
        expect(checkTemplateSource(source, templateContexts[context]), `${context}: ${v.path} → ${source}`).to.deep.equal([]);
      }
    }
  });

  it('finds the innermost open each block, through if blocks and past closed ones', () => {
    expect(openEach('{{#each item.steps}}{{#if description}}')).to.equal('item.steps');
    expect(openEach('{{#each checklist}}{{/each}}{{#if item.title}}')).to.equal(undefined);
    expect(openEach('{{#each checklist}}{{#each fileTypes}}{{/each}}')).to.equal('checklist');
  });
});

describe('history: line diff', () => {
  it('shows an inserted line as added, removed before added on a change, with both line numbers', () => {
    const lines = lineDiff('a\nb\nc', 'a\nB\nc\nd')!;
    expect(lines).to.deep.equal([
      { op: 'same', text: 'a', before: 1, after: 1 },
      { op: 'removed', text: 'b', before: 2 },
      { op: 'added', text: 'B', after: 2 },
      { op: 'same', text: 'c', before: 3, after: 3 },
      { op: 'added', text: 'd', after: 4 },
    ]);
  });

  it('folds unchanged runs away from a change', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n');
    const after = before.replace('line 10', 'line ten');
    const shown = hunks(lineDiff(before, after)!, 2);
    expect(shown[0]).to.deep.equal({ op: 'skipped', count: 7 });
    expect(shown.filter((l) => l.op !== 'skipped').map((l) => ('text' in l ? l.text : ''))).to.deep.equal([
      'line 8',
      'line 9',
      'line 10',
      'line ten',
      'line 11',
      'line 12',
    ]);
    expect(shown[shown.length - 1]).to.deep.equal({ op: 'skipped', count: 8 });
  });
});

describe('history: the default comparison', () => {
  const version = (platformId: string, n: number, status: 'draft' | 'published', publishedAt: string | null): DefinitionVersion =>
    ({ platformId, kind: 'Template', id: 't', version: n, status, title: 't', hash: '', publishedAt, isInherited: platformId !== 'mianyang', body: {} }) as DefinitionVersion;
  const province1 = version('sichuan-province', 1, 'published', '2026-01-01T00:00:00Z');
  const province2 = version('sichuan-province', 2, 'published', '2026-02-01T00:00:00Z');
  const draft = version('mianyang', 1, 'draft', null);

  it('compares the newest published version with the draft', () => {
    expect(defaultPair([province1, draft, province2])).to.deep.equal({ from: keyOf(province2), to: keyOf(draft) });
    expect(inDisplayOrder([province1, draft, province2])).to.deep.equal([draft, province2, province1]);
  });

  it('without a draft, compares the newest version with the one before; with one version, nothing', () => {
    expect(defaultPair([province2, province1])).to.deep.equal({ from: keyOf(province1), to: keyOf(province2) });
    expect(defaultPair([province1])).to.deep.equal({});
  });
});
