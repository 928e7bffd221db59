/** Section 7 of docs/benchmarks.md: a large form in the browser, from the figures of forms-bench.ts. */
import { formatMs, formatRatio, row } from '../markdown.js';
import type { FileSetSize } from './bundle-size.js';
import type { ApplyFigures, FormsResult } from './forms-bench.js';

/** The issue's targets. */
export const formTargets = { keystrokeP95Ms: 50, timeToInteractiveMs: 1000, initialGzipKB: 500 };

const kb = (bytes: number) => (bytes / 1024).toFixed(0);

/** `met` or `missed by …` for a figure that must stay at or under `target`. */
function verdict(value: number, target: number, unit: string): string {
  return value <= target ? `met (${formatMs(target - value)} ${unit} to spare)` : `**missed** by ${formatMs(value - target)} ${unit} (${formatRatio(value, target)} the target)`;
}

function applyRows(large: ApplyFigures, baseline: ApplyFigures): string[] {
  const line = (what: string, pick: (f: ApplyFigures) => number, target: string) =>
    row([what, formatMs(pick(large)), formatMs(pick(baseline)), formatRatio(pick(large), pick(baseline)), target]);
  return [
    row(['figure (median of loads, p95 of keys)', `large form, ms`, `baseline, ms`, 'ratio', 'target']),
    row(['---', '---:', '---:', '---:', '---']),
    line('first field in the DOM', (f) => f.firstField.medianMs, ''),
    line('**time to interactive** (a typed character painted in the first field)', (f) => f.timeToInteractive.medianMs, `<= ${formTargets.timeToInteractiveMs} ms: ${verdict(large.timeToInteractive.medianMs, formTargets.timeToInteractiveMs, 'ms')}`),
    line('whole form in the DOM', (f) => f.wholeForm.medianMs, ''),
    line('keystroke to paint, median', (f) => f.keystrokes.medianMs, ''),
    line('**keystroke to paint, p95**', (f) => f.keystrokes.p95Ms, `<= ${formTargets.keystrokeP95Ms} ms: ${verdict(large.keystrokes.p95Ms, formTargets.keystrokeP95Ms, 'ms')}`),
    line('keystroke to paint, p99', (f) => f.keystrokes.p99Ms, ''),
  ];
}

/** Why a browser target was missed and what would close it, from the figures of the same run. */
function missNotes(result: FormsResult): string[] {
  const { large, baseline, loadAverages } = result;
  const isTtiMissed = large.timeToInteractive.medianMs > formTargets.timeToInteractiveMs;
  const isKeyMissed = large.keystrokes.p95Ms > formTargets.keystrokeP95Ms;
  if (!isTtiMissed && !isKeyMissed) return [];
  const load = `${Math.min(...loadAverages).toFixed(1)}–${Math.max(...loadAverages).toFixed(1)}`;
  const baselineMisses = [
    baseline.timeToInteractive.medianMs > formTargets.timeToInteractiveMs ? `time to interactive ${formatMs(baseline.timeToInteractive.medianMs)} ms` : '',
    baseline.keystrokes.p95Ms > formTargets.keystrokeP95Ms ? `keystroke p95 ${formatMs(baseline.keystrokes.p95Ms)} ms` : '',
  ].filter(Boolean);
  return [
    '**Why missed, and what would close it.** ' +
      `The machine's 1-minute load average was ${load} during this run on ${result.cpus} cores: the browser waited for a CPU much of the time, and every figure above stretches with that. ` +
      (baselineMisses.length > 0
        ? `The province's ${baseline.inputs}-input form misses the same targets on the same page in the same run (${baselineMisses.join(', ')}), so what is left is the page and the machine, not the size of the form: the large form costs ${formatRatio(large.timeToInteractive.medianMs, baseline.timeToInteractive.medianMs)} the small one's time to interactive and ${formatRatio(large.keystrokes.p95Ms, baseline.keystrokes.p95Ms)} its keystroke p95. `
        : `The province's ${baseline.inputs}-input form meets them in the same run, so the gap is the form's size: ${formatRatio(large.timeToInteractive.medianMs, baseline.timeToInteractive.medianMs)} the small form's time to interactive and ${formatRatio(large.keystrokes.p95Ms, baseline.keystrokes.p95Ms)} its keystroke p95. `) +
      'A quiet machine is the first step (run `npx tsx bench/forms/run.ts` alone). Beyond it: each rjsf change still copies the whole form data and recomputes its defaults and the omitted hidden fields over the whole form (rjsf 6 has no switch for the copy), so every group row re-renders its (now plain) template on each key; every field is an antd Form.Item with CSS-in-JS hooks, and each number field builds an `Intl.NumberFormat` per render inside rjsf. Lighter leaf widgets, rows drawn only when scrolled near (virtualising the group), and the portal chunk (rjsf, Ajv, the antd form controls: about 250 KB gzip after the entry) split further would cut the work per key and per load.',
    '',
  ];
}

function bundleRow(set: FileSetSize, whole: FileSetSize, target?: string): string {
  return row([set.label, String(set.files), kb(set.bytes), kb(set.gzipBytes), formatRatio(set.gzipBytes, whole.gzipBytes), target ?? '']);
}

/**
 * The markdown lines of the section.
 *
 * @example lines.push(...renderForms(await benchForms()));
 */
export function renderForms(result: FormsResult): string[] {
  const { large, baseline, bundle } = result;
  const initialKB = bundle.initial.gzipBytes / 1024;
  return [
    '## 7. Forms in the browser',
    '',
    `Chromium (headless, playwright-core) on the portal's apply page, signed in as the demo applicant: the ${large.label} form — text, number, date, select and checkbox fields in ${result.shape.sections} sections, ${result.shape.conditionals} fields shown only while a sibling's condition holds (\`allOf\`/\`if\`/\`then\`, as the form designer writes them), a repeating group prefilled with ${result.shape.rows} rows from a saved draft; ${large.inputs} inputs once drawn. The baseline is the same page with the province form ${baseline.label}, ${baseline.inputs} inputs, in the same run. Time to interactive: a fresh browser context per load (nothing cached), navigation start to the paint that shows a character typed into the first field as soon as it was there (the harness's reaction time included). Keystroke to paint: from the keydown event's \`timeStamp\` to the first frame painted after the input's value changed (checked each animation frame, then a MessageChannel task posted from that frame, which runs after its paint), one key at a time; ${large.keystrokes.count} keys on the large form, a third each in the fields below, ${baseline.keystrokes.count} on the baseline.`,
    '',
    ...applyRows(large, baseline),
    '',
    row(['large form: field typed in', 'keys', 'median ms', 'p95 ms', 'p99 ms']),
    row(['---', '---:', '---:', '---:', '---:']),
    ...large.perField.map((s) => row([`${s.label} (\`#${s.inputId}\`)`, String(s.timing.count), formatMs(s.timing.medianMs), formatMs(s.timing.p95Ms), formatMs(s.timing.p99Ms)])),
    '',
    ...missNotes(result),
    `The studio's form designer opening the large form (navigation start to its canvas showing the last top-level field): median ${formatMs(result.studioOpen.medianMs)} ms over ${result.studioOpen.count} loads (p95 ${formatMs(result.studioOpen.p95Ms)} ms).`,
    '',
    '### The front-end bundle',
    '',
    'Sizes of the built JS and CSS (`dist/designer/.vite/manifest.json`), gzipped with zlib at its default level. The initial route is what every page loads first (the entry chunk, its static imports and their CSS); the studio, desk, portal and statistics dashboard load their own chunk on first use (`React.lazy` per screen group).',
    '',
    row(['files', 'count', 'KB', 'KB gzip', 'of whole app (gzip)', 'target']),
    row(['---', '---:', '---:', '---:', '---:', '---']),
    bundleRow(bundle.initial, bundle.whole, `<= ${formTargets.initialGzipKB} KB gzip: ${initialKB <= formTargets.initialGzipKB ? `met (${(formTargets.initialGzipKB - initialKB).toFixed(0)} KB to spare)` : `**missed** by ${(initialKB - formTargets.initialGzipKB).toFixed(0)} KB`}`),
    ...bundle.lazy.map((set) => bundleRow({ ...set, label: `+ ${set.label.replace(/^src\//, '')} (on demand)` }, bundle.whole)),
    bundleRow(bundle.whole, bundle.whole),
    '',
    ...(result.pageErrors.length > 0 ? [`Errors the pages reported: ${result.pageErrors.map((e) => `\`${e}\``).join('; ')}.`, ''] : []),
  ];
}
