/**
 * Goal D2, the one audited place definitions become functions: notice templates. Hostile
 * templates (constructor chains, __proto__ blocks, lookup tricks, unknown helpers, partials)
 * render nothing harmful, run no code and leave every prototype as it was; the loader names
 * what it refuses.
 */
import { expect } from 'chai';
import { createWorkingCalendar } from '../../../engine/calendar/index.js';
import type { Template } from '../../../engine/kinds/template.js';
import { buildItemContext } from '../../../engine/templates/item-context.js';
import { templateProblems } from '../../../engine/templates/preview.js';
import { renderTemplate } from '../../../engine/templates/render.js';
import { prototypeFingerprint } from '../../support/fuzz.js';
import { readOfficialCalendars } from '../calendar/official-calendars.js';
import { assistanceChecklist, assistanceItem, mianyangPlatform } from './assistance-fixture.js';

const calendar = createWorkingCalendar({ years: readOfficialCalendars() });
const context = buildItemContext({ item: assistanceItem(), platform: mianyangPlatform(), checklist: assistanceChecklist(), now: '2026-01-04T06:05:00Z' });
const marker = '__ipspHostileRan';

function template(body: string): Template {
  return { kind: 'Template', schemaVersion: 1, id: 'hostile', version: 1, title: '恶意模板', purpose: 'notice', context: 'item', format: 'text', body };
}

const code = `globalThis.${marker} = true; Object.prototype.polluted = 'yes'`;
const hostile = [
  `{{constructor.constructor "${code}"}}`,
  `{{#with "s" as |string|}}{{#with string.constructor as |c|}}{{c.constructor "${code}"}}{{/with}}{{/with}}`,
  `{{#with __proto__}}{{polluted}}{{/with}}`,
  `{{#with (lookup this "constructor") as |c|}}{{lookup c "prototype"}}{{/with}}`,
  `{{lookup (lookup this "constructor") "constructor"}}`,
  `{{#each this}}{{#with this.constructor as |c|}}{{c.name}}{{/with}}{{/each}}`,
  `{{item.__proto__.constructor.name}}{{item.__defineGetter__}}{{item.hasOwnProperty}}`,
  `{{#with "constructor" as |k|}}{{lookup (lookup this k) k}}{{/with}}`,
  `{{> evil}}`,
  `{{evilHelper "x"}}{{#blockHelper}}{{/blockHelper}}`,
  `{{log "${code}"}}`,
];

describe('Hostile notice templates (goal D2)', () => {
  it('given templates that reach for constructors, prototypes and lookups, when rendered, then no code runs, nothing is printed from a prototype and every prototype is unchanged', () => {
    const before = prototypeFingerprint();
    const outputs: string[] = [];
    for (const body of hostile) {
      try {
        outputs.push(renderTemplate({ template: template(body), context, calendar }).body);
      } catch (error) {
        // Refused at compile time (unknown helper, partial): refusing is fine, running is not.
        outputs.push(`refused: ${(error as Error).message.split('\n')[0]}`);
      }
    }
    expect((globalThis as Record<string, unknown>)[marker], 'the hostile code ran').to.equal(undefined);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect(prototypeFingerprint()).to.equal(before);
    for (const output of outputs) expect(output, output).to.not.match(/function|native code|\[object|return/);
  });

  it('given the hostile templates that name prototype paths, partials or helpers, when checked by the loader, then each is refused with a problem at /body', () => {
    // `lookup` with a literal key and paths inside `#each` are not refused by the loader; the rendering test above shows they reach nothing.
    for (const body of hostile.filter((b) => !b.includes('lookup') && !b.includes('#each'))) {
      const problems = templateProblems(template(body));
      expect(problems, body).to.not.be.empty;
      expect(problems.every((p) => p.path === '/body'), body).to.equal(true);
    }
  });
});
