/**
 * The forms benchmark runs end to end at smoke size: a small generated form is published and
 * opened in Chromium, keystrokes are measured in each of the three fields, the studio opens it,
 * the bundle is sized, and the report shows it all. No timing is asserted.
 */
import { expect } from 'chai';
import { benchForms, type FormsResult } from '../../bench/forms/forms-bench.js';
import { renderForms } from '../../bench/forms/forms-report.js';
import { describeBrowser } from '../browser/support/studio.js';

describeBrowser('forms benchmark smoke run (30 fields, 3 conditional, 5 rows)', () => {
  let result: FormsResult;

  before(async function () {
    this.timeout(180_000);
    result = await benchForms({ shape: { fields: 30, conditionals: 3, rows: 5, sections: 1 }, keystrokes: 6, loads: 1 });
  });

  it('given the small form, when loaded and typed in, then every figure is measured on both forms without page errors', () => {
    expect(result.pageErrors).to.deep.equal([]);
    for (const figures of [result.large, result.baseline]) {
      for (const timing of [figures.firstField, figures.timeToInteractive, figures.wholeForm]) {
        expect(timing.count).to.equal(1);
        expect(timing.medianMs).to.be.greaterThan(0);
      }
      expect(figures.timeToInteractive.medianMs).to.be.at.least(figures.firstField.medianMs);
    }
    expect(result.large.perField.map((s) => [s.inputId, s.timing.count])).to.deep.equal([
      ['root_s0_f10', 2],
      ['root_s0_t0', 2],
      ['root_rows_2_name', 2],
    ]);
    expect(result.large.keystrokes.count).to.equal(6);
    expect(result.baseline.keystrokes.count).to.equal(1);
    // Every section field, the conditional ones shown by the draft, and five cells per row.
    expect(result.large.inputs).to.be.greaterThan(25 + 5 * 5);
    expect(result.studioOpen.count).to.equal(1);
  });

  it('given the built front end, when sized, then the initial route, the on-demand groups and the whole app are counted', () => {
    const { initial, lazy, whole } = result.bundle;
    expect(initial.files).to.be.greaterThan(0);
    expect(initial.gzipBytes).to.be.within(1, initial.bytes);
    expect(whole.bytes).to.be.greaterThan(initial.bytes);
    expect(lazy.map((set) => set.label).sort()).to.deep.equal(['src/screens/dashboard/dashboard-screens.ts', 'src/screens/desk/desk-screens.ts', 'src/screens/portal/portal-screens.ts', 'src/screens/studio-screens.tsx']);
  });

  it('given the figures, when rendered, then the section shows each against its baseline and target', () => {
    const text = renderForms(result).join('\n');
    expect(text).to.contain('## 7. Forms in the browser');
    expect(text).to.match(/time to interactive.*\| <= 1000 ms: (met|\*\*missed\*\*)/);
    expect(text).to.match(/keystroke to paint, p95.*\| <= 50 ms: (met|\*\*missed\*\*)/);
    expect(text).to.match(/initial route .*<= 500 KB gzip: (met|\*\*missed\*\*)/);
  });
});
