/**
 * Benchmark 7: a large form in the browser. The generated form (generated-form.ts) is published
 * on the real server; Chromium (playwright-core, headless) opens the portal's apply page as the
 * demo applicant and the studio's form designer as the platform admin. The baseline, in the
 * same run, is the same page with a real province form (专利权质押登记, 19 fields).
 *
 * - time to interactive: navigation start to the paint that shows a character typed into the
 *   form's first field, typed as soon as the field is there (a fresh context each load, so
 *   nothing is cached); also when the whole form is in the DOM;
 * - keystroke to paint: keys spread over a plain text field, a field whose value shows and
 *   hides three conditional fields (a character, then Backspace, so every key toggles them), and
 *   a cell in the middle of the repeating group; page-probes.ts says how a sample is taken;
 * - the studio: navigation start to the designer's canvas showing the form's last top-level field;
 * - the bundle: bundle-size.ts.
 */
import { availableParallelism, loadavg } from 'node:os';
import type { Browser } from 'playwright-core';
import { designerDistDir } from '../../server/paths.js';
import { ensureFrontEndBuilt, launchChromium } from '../../tests/browser/support/chromium.js';
import { summarize, type Timing } from '../stats.js';
import { loadApplyPage, probedPage, signedInContext, typeInto, type ApplyLoad } from './apply-page.js';
import { measureBundle, type BundleSize } from './bundle-size.js';
import { APPLICANT, DESIGNER, openFormsSite, type FormsSite } from './forms-site.js';
import { fullShape, type FormShape } from './generated-form.js';
import { readProbes, type Probes } from './page-probes.js';

export interface FormsOptions {
  shape?: FormShape;
  /** Keystrokes measured on the large form (spread over three fields); the baseline takes a quarter. */
  keystrokes?: number;
  /** Page loads timed for time to interactive and for the studio (medians over them). */
  loads?: number;
  log?: (line: string) => void;
}

export interface KeystrokeSeries {
  label: string;
  inputId: string;
  timing: Timing;
}

/** One form on the apply page. */
export interface ApplyFigures {
  label: string;
  /** Inputs on the page once the whole form is drawn. */
  inputs: number;
  firstField: Timing;
  timeToInteractive: Timing;
  wholeForm: Timing;
  /** All keystrokes, then each field's. */
  keystrokes: Timing;
  perField: KeystrokeSeries[];
}

export interface FormsResult {
  shape: FormShape;
  large: ApplyFigures;
  /** The province's pledge form on the same page, in the same run. */
  baseline: ApplyFigures;
  /** Navigation start to the designer's canvas showing the large form's last top-level field. */
  studioOpen: Timing;
  bundle: BundleSize;
  /** Errors the pages reported (none expected). */
  pageErrors: string[];
  /** The machine's 1-minute load average at the start and after each part (2 cores: above 2, the browser waits for a CPU). */
  loadAverages: number[];
  cpus: number;
}

const BASELINE = { itemId: 'patent-pledge-registration', label: '专利权质押登记 (19 fields)', firstId: 'root_pledgorName', lastId: 'root_remarks' };
const letters = 'abcdefghijklmnopqrstuvwxyz';
const sumOf = (values: number[]) => values.reduce((sum, value) => sum + value, 0);
const timingOf = (values: number[]) => summarize(values, sumOf(values));
const typing = (count: number) => Array.from({ length: count }, (_, i) => letters[i % 26] as string);

interface Plan {
  label: string;
  itemId: string;
  firstId: string;
  lastId: string;
  fields: Array<{ label: string; inputId: string; keys: string[] }>;
}

function largePlan(site: FormsSite, total: number): Plan {
  const { firstField, lastCell, plainText, toggle, groupCell } = site.form.inputs;
  const third = Math.max(1, Math.floor(total / 3));
  return {
    label: `generated (${site.form.fieldCount} fields, ${site.form.rows} rows)`,
    itemId: site.form.itemId,
    firstId: firstField,
    lastId: lastCell,
    fields: [
      { label: 'plain text field', inputId: plainText, keys: typing(third) },
      // A character shows the field's conditional fields; Backspace hides them again.
      { label: 'field toggling 3 conditional fields', inputId: toggle, keys: Array.from({ length: third }, (_, i) => (i % 2 === 0 ? 'a' : 'Backspace')) },
      { label: 'cell of the repeating group', inputId: groupCell, keys: typing(total - 2 * third) },
    ],
  };
}

function baselinePlan(total: number): Plan {
  return { ...BASELINE, fields: [{ label: 'plain text field', inputId: BASELINE.firstId, keys: typing(Math.max(1, Math.floor(total / 4))) }] };
}

/** `loads` cold loads of the plan's apply page, then its keystrokes on the last one. */
async function measureApply(browser: Browser, site: FormsSite, plan: Plan, loads: number, errors: string[]): Promise<ApplyFigures> {
  const runs: ApplyLoad[] = [];
  try {
    for (let run = 0; run < loads; run++) {
      await runs.at(-1)?.context.close();
      runs.push(await loadApplyPage({ browser, baseURL: site.server.url, username: APPLICANT, itemId: plan.itemId, firstId: plan.firstId, lastId: plan.lastId, errors }));
    }
    const last = runs.at(-1);
    if (!last) throw new RangeError('The forms benchmark needs at least one load.');
    const inputs = await last.page.locator('[data-testid="application-form"] input').count();
    const perField: KeystrokeSeries[] = [];
    const all: number[] = [];
    for (const { label, inputId, keys } of plan.fields) {
      const samples = (await typeInto(last.page, inputId, keys)).map((s) => s.ms);
      all.push(...samples);
      perField.push({ label, inputId, timing: timingOf(samples) });
    }
    return {
      label: plan.label,
      inputs,
      firstField: timingOf(runs.map((r) => r.firstFieldMs)),
      timeToInteractive: timingOf(runs.map((r) => r.interactiveMs)),
      wholeForm: timingOf(runs.map((r) => r.wholeFormMs)),
      keystrokes: timingOf(all),
      perField,
    };
  } finally {
    await runs.at(-1)?.context.close();
  }
}

/** Navigation start to the designer's canvas showing the form's last top-level field. */
async function openStudio(browser: Browser, site: FormsSite, errors: string[]): Promise<number> {
  const context = await signedInContext(browser, site.server.url, DESIGNER);
  try {
    const last = `[data-testid="canvas-field"][data-label="${site.form.canvasLabels.last}"]`;
    const page = await probedPage(context, { lastField: last }, errors);
    await page.goto(`/studio/forms/${site.form.itemId}`, { waitUntil: 'commit' });
    await page.locator(last).waitFor();
    return ((await page.evaluate(readProbes)) as Probes).marks.lastField ?? Number.NaN;
  } finally {
    await context.close();
  }
}

/**
 * Runs the browser benchmark and returns the figures (the front end is built first when stale).
 *
 * @example const result = await benchForms({ keystrokes: 200, loads: 5 }); result.large.keystrokes.p95Ms
 */
export async function benchForms(options: FormsOptions = {}): Promise<FormsResult> {
  const shape = options.shape ?? fullShape;
  const loads = options.loads ?? 3;
  const keystrokes = options.keystrokes ?? 200;
  const log = options.log ?? (() => undefined);
  log('forms: building the front end when stale');
  await ensureFrontEndBuilt();
  const bundle = await measureBundle(designerDistDir);
  const site = await openFormsSite(shape);
  const browser = await launchChromium();
  const errors: string[] = [];
  const loadAverages = [loadavg()[0] ?? 0];
  try {
    log(`forms: the province's pledge form, ${loads} loads`);
    const baseline = await measureApply(browser, site, baselinePlan(keystrokes), loads, errors);
    loadAverages.push(loadavg()[0] ?? 0);
    log(`forms: a ${shape.fields}-field form with ${shape.rows} rows, ${loads} loads, ${keystrokes} keystrokes`);
    const large = await measureApply(browser, site, largePlan(site, keystrokes), loads, errors);
    loadAverages.push(loadavg()[0] ?? 0);
    log('forms: the studio opening it');
    const studio: number[] = [];
    for (let run = 0; run < loads; run++) studio.push(await openStudio(browser, site, errors));
    loadAverages.push(loadavg()[0] ?? 0);
    return { shape, large, baseline, studioOpen: timingOf(studio), bundle, pageErrors: errors, loadAverages, cpus: availableParallelism() };
  } finally {
    await browser.close();
    await site.close();
  }
}
