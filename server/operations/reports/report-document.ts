/**
 * A report as the file the caller asked for: the model from the statistics, its charts, the
 * HTML, and — for `format=pdf` — that HTML printed by Chromium. The routes and the CLI call
 * this; they only send what it returns. The audit detail names the report and its scope,
 * never a figure (the audit trail keeps who generated which report, not what it said).
 */
import type { Actor } from '../../../engine/runtime/case.js';
import { Failure } from '../../http/failure.js';
import type { Services } from '../../services.js';
import { annualReport, type AnnualReport, type AnnualReportQuery } from './annual-report.js';
import { evaluationReport, type EvaluationReport, type EvaluationReportQuery } from './evaluation-report.js';
import { annualCharts, evaluationCharts } from './report-charts.js';
import { reportHtml } from './report-html.js';
import { pdfRendererOf } from './pdf-renderer.js';

export type ReportFormat = 'html' | 'pdf';

export interface ReportDocument {
  fileName: string;
  mediaType: 'text/html; charset=utf-8' | 'application/pdf';
  body: string | Buffer;
  /** What the audit trail records of this report. */
  auditDetail: { report: string; platformId: string; from: string; to: string; format: ReportFormat };
}

/** `format` as given: html (default) or pdf. */
export function reportFormatOf(value: string | undefined): ReportFormat {
  if (value === undefined || value === '' || value === 'html' || value === 'pdf') return (value || 'html') as ReportFormat;
  throw new Failure('request.report-format', `Unknown report format "${value}"; use html or pdf.`, [{ code: 'request.report-format', path: '/format', message: 'format 须为 html 或 pdf。' }]);
}

/** The platform's title as a file name says it: without the characters file systems refuse. */
const platformPart = (title: string): string => title.replace(/[\\/:*?"<>|\s]+/g, '_');

/** The period as a file name says it: `2026` for a whole year, `2026-10` for a whole month, else `from至to`. */
function periodPart(from: string, to: string): string {
  if (from.endsWith('-01-01') && to === `${from.slice(0, 4)}-12-31`) return from.slice(0, 4);
  const [year, month] = from.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (from.endsWith('-01') && to === `${from.slice(0, 8)}${String(lastDay).padStart(2, '0')}`) return from.slice(0, 7);
  return from === to ? from : `${from}至${to}`;
}

/**
 * The file name: report, platform title and period, e.g. `服务评价报告-<platform title>-2026-10.pdf`.
 *
 * @example reportFileName(report, 'pdf')
 */
export function reportFileName(report: EvaluationReport | AnnualReport, format: ReportFormat): string {
  const period = report.kind === 'annual' ? String(report.year) : periodPart(report.period.from, report.period.to);
  return `${report.title}-${platformPart(report.platform.title)}-${period}.${format}`;
}

async function documentOf(services: Services, report: EvaluationReport | AnnualReport, format: ReportFormat): Promise<ReportDocument> {
  // After the model: who may not see the platform learns that (403/404) before what the server lacks.
  if (format === 'pdf') pdfRendererOf(services).assertAvailable();
  const html = reportHtml(report, report.kind === 'evaluation' ? evaluationCharts(report) : annualCharts(report));
  const auditDetail = { report: report.kind, platformId: report.platform.id, from: report.period.from, to: report.period.to, format };
  const fileName = reportFileName(report, format);
  if (format === 'html') return { fileName, mediaType: 'text/html; charset=utf-8', body: html, auditDetail };
  const frame = { title: report.title, platform: report.platform.title, period: report.period.label, generatedAt: report.generatedAtText };
  return { fileName, mediaType: 'application/pdf', body: await pdfRendererOf(services).render(html, frame), auditDetail };
}

/**
 * The service evaluation report (服务评价报告) as HTML or PDF.
 *
 * @example const { fileName, body } = await evaluationReportDocument(services, cityAdmin, { from: '2026-10-01', to: '2026-10-31' }, 'pdf');
 */
export async function evaluationReportDocument(services: Services, actor: Actor, query: EvaluationReportQuery, format: ReportFormat): Promise<ReportDocument> {
  return documentOf(services, await evaluationReport(services, actor, query), format);
}

/** The annual summary (年度总结) as HTML or PDF. */
export async function annualReportDocument(services: Services, actor: Actor, query: AnnualReportQuery, format: ReportFormat): Promise<ReportDocument> {
  return documentOf(services, await annualReport(services, actor, query), format);
}
