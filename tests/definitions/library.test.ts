/**
 * The province library as shipped: it loads with no problem, every item resolves on the demo
 * city, the lists hold what the seeds ask for, and every guide renders completely.
 */
import { expect } from 'chai';
import { join } from 'node:path';
import { createWorkingCalendar } from '../../engine/calendar/index.js';
import { entriesOf, getDefinition, loadDefinitions, resolveBundle, type DefinitionSet } from '../../engine/load/index.js';
import { buildItemContext } from '../../engine/templates/item-context.js';
import { renderTemplate } from '../../engine/templates/render.js';
import { readDefinitionFiles } from '../../server/definition-files.js';
import { definitionsDir } from '../../server/paths.js';

describe('province template library', () => {
  let set: DefinitionSet;

  before(async () => {
    const { files, errors } = await readDefinitionFiles(['province', 'demo', 'calendars'].map((d) => join(definitionsDir, d)));
    expect(errors).to.deep.equal([]);
    const loaded = loadDefinitions(files);
    if (!loaded.ok) expect.fail(loaded.problems.map((p) => `${p.file} ${p.path} ${p.code} ${p.message}`).join('\n'));
    set = loaded.set;
  });

  it('given the library, when every item is resolved on the demo city, then each yields a bundle', () => {
    const items = entriesOf(set, 'ServiceItem');
    expect(items.length).to.be.greaterThanOrEqual(18);
    for (const { definition } of items) {
      const bundle = resolveBundle(set, definition.id, 'mianyang');
      expect(bundle.ok, `${definition.id}: ${bundle.ok ? '' : JSON.stringify(bundle.problems)}`).to.equal(true);
    }
  });

  it('given the value-added list, then it holds the 12 services of Appendix B in order', () => {
    const list = getDefinition(set, 'ServiceList', 'province-value-added-list');
    const titles = list?.entries.map((e) => String(getDefinition(set, 'ServiceItem', e.item)?.title));
    expect(titles).to.have.length(12);
    expect(titles?.[0]).to.include('咨询');
    expect(titles?.[11]).to.include('其他');
  });

  it('given the implementation list, then every item on it is fully specified with conditional materials', () => {
    const list = getDefinition(set, 'ServiceList', 'province-implementation-list');
    expect(list?.entries.length).to.be.greaterThanOrEqual(5);
    for (const entry of list?.entries ?? []) {
      const item = getDefinition(set, 'ServiceItem', entry.item);
      const checklist = getDefinition(set, 'Checklist', item?.checklist ?? '');
      expect(item?.legalBasis.length, entry.item).to.be.greaterThan(0);
      expect(item?.steps.map((s) => s.stage), entry.item).to.include.members(['consult', 'accept', 'implement', 'feedback', 'supervise']);
      expect(checklist?.materials.some((m) => typeof m.required === 'object'), `${entry.item} has a conditional material`).to.equal(true);
    }
  });

  it('given each item, when its guide is rendered, then nothing prints as undefined, null or [object Object]', () => {
    const calendar = createWorkingCalendar({ years: entriesOf(set, 'Calendar').map((e) => e.definition) });
    for (const { definition: item } of entriesOf(set, 'ServiceItem')) {
      const bundle = resolveBundle(set, item.id, 'mianyang');
      if (!bundle.ok) expect.fail(item.id);
      const { body } = renderTemplate({
        template: bundle.value.templates[item.guide]!,
        context: buildItemContext({ item, platform: bundle.value.platform, checklist: bundle.value.checklist, now: '2026-03-02T02:00:00Z' }),
        calendar,
      });
      expect(body, item.id).to.include(String(item.title)).and.not.match(/undefined|null|\[object Object\]/);
    }
  });
});
