/**
 * The reports as printable HTML: a Handlebars template per report (templates/*.hbs) inside one
 * A4 layout with its print CSS. Handlebars runs in its own environment with only the helpers
 * below; every value is HTML-escaped (the default), except the charts, which are SVG that
 * ECharts wrote on the server with its own escaping of every text (report-charts.ts). The page
 * carries no script, so it satisfies a CSP with no script source and prints as it shows.
 */
import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDays, formatRate } from '../../../engine/statistics/figure-format.js';
import { projectRoot } from '../../paths.js';
import type { AnnualReport } from './annual-report.js';
import type { EvaluationReport } from './evaluation-report.js';
import type { ReportCharts } from './report-charts.js';

/** Where the report templates are, from source and from dist/ alike. */
export const reportTemplatesDir = join(projectRoot, 'server', 'operations', 'reports', 'templates');

const handlebars = Handlebars.create();

const asNumber = (value: unknown): number | null => (typeof value === 'number' ? value : null);

// The dashboard's formatting, so a figure reads the same on screen and on paper.
const helpers: Record<string, Handlebars.HelperDelegate> = {
  /** A rate 0–1 as a percentage with one decimal (`87.7 %`), `—` when there is none. */
  percent: (rate: unknown) => formatRate(asNumber(rate)),
  /** `part` of `whole` as a percentage, `—` when the whole is 0. */
  share: (part: unknown, whole: unknown) => formatRate(typeof part === 'number' && typeof whole === 'number' && whole > 0 ? part / whole : null),
  /** Working days with one decimal, `—` when there are none. */
  days: (value: unknown) => formatDays(asNumber(value)),
  /** `YYYY-MM` as `M 月`. */
  monthLabel: (month: unknown) => `${Number(String(month).slice(5, 7))} 月`,
  /** The list joined with 、. */
  join: (list: unknown) => (Array.isArray(list) ? list.join('、') : ''),
};
for (const [name, helper] of Object.entries(helpers)) handlebars.registerHelper(name, helper);

const knownHelpers = Object.fromEntries(Object.keys(helpers).map((name) => [name, true])) as KnownHelpers;

type Compiled = HandlebarsTemplateDelegate<unknown>;
const compiled = new Map<string, Compiled>();

/** A template of templates/, compiled once. */
function template(name: string): Compiled {
  let found = compiled.get(name);
  if (found === undefined) {
    const source = readFileSync(join(reportTemplatesDir, `${name}.hbs`), 'utf8');
    found = handlebars.compile(source, { knownHelpers, knownHelpersOnly: true, noEscape: false });
    compiled.set(name, found);
  }
  return found;
}

const runtime: RuntimeOptions = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false };

/** The report's CSS (A4, print rules, page breaks), read once. */
let css: string | undefined;
const reportCss = () => (css ??= readFileSync(join(reportTemplatesDir, 'report.css'), 'utf8'));

/**
 * The report as a complete HTML document.
 *
 * @example const html = reportHtml(await evaluationReport(services, actor, query), charts);
 */
export function reportHtml(report: EvaluationReport | AnnualReport, charts: ReportCharts): string {
  const context = { ...report, charts };
  const body = template(report.kind)(context, runtime);
  return template('layout')({ ...context, css: reportCss(), body }, runtime);
}
