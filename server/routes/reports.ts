/**
 * The supervision reports (服务评价报告, 年度总结) as printable HTML or PDF, built from the
 * statistics with the same access rules (docs/reports.md). Each generation is a named action
 * of the audit trail, GET though it is, like the exports: who reported on which platform and
 * period, in which format.
 */
import { Type } from '@sinclair/typebox';
import { contentDisposition, setAttachmentHeaders } from '../http/attachment.js';
import { actorOf, defineRoute, type RouteContext } from '../http/route.js';
import { annualReportDocument, evaluationReportDocument, reportFormatOf, type ReportDocument } from '../operations/reports/report-document.js';

const access = ['staff', 'platform-admin', 'province-admin'] as const;

/** The page carries no script and loads nothing: its styles are inline, its charts inline SVG. */
const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const text = (description: string) => Type.Optional(Type.String({ description }));
const common = {
  platformId: text('Report on this platform: the caller’s own (default) or one below it (province admin: any)'),
  format: text('html (default: a printable page) or pdf (A4, needs Chromium on the server; 503 without it)'),
};
const answer = {
  contentType: 'text/html',
  description: 'The report as a printable HTML page (format=html), or as an A4 PDF download (format=pdf, application/pdf); the file name says report, platform and period.',
};

/** Sends a report: HTML shown in place (to print), PDF as a download; records what was generated. */
function send(context: RouteContext, document: ReportDocument): { isRaw: true } {
  const { res } = context;
  res.locals.auditDetail = document.auditDetail;
  if (document.mediaType === 'application/pdf') {
    setAttachmentHeaders(res, { fileName: document.fileName, mediaType: document.mediaType, size: document.body.length });
  } else {
    res.setHeader('Content-Type', document.mediaType);
    res.setHeader('Content-Disposition', contentDisposition(document.fileName).replace(/^attachment/, 'inline'));
    res.setHeader('Content-Security-Policy', REPORT_CSP);
    res.setHeader('Cache-Control', 'private, no-store');
  }
  res.status(200).end(document.body);
  return { isRaw: true };
}

const queryOf = (context: RouteContext, names: string[]): Record<string, string> => {
  const q = context.req.query as Record<string, unknown>;
  return Object.fromEntries(names.filter((name) => typeof q[name] === 'string' && q[name] !== '').map((name) => [name, q[name] as string]));
};

export const reportRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/reports/evaluation',
    summary: 'The service evaluation report (服务评价报告) of a period: volume, satisfaction, bad reviews and their rectification, per-item satisfaction, items flagged for review; HTML or PDF; audited',
    tag: 'network',
    auditAction: 'report.evaluation',
    access: [...access],
    query: Type.Object({ from: text('First day, YYYY-MM-DD (default: 1 January of the last day’s year)'), to: text('Last day, YYYY-MM-DD (default: today)'), ...common }),
    responses: { 200: answer },
    async handler(context) {
      const { format, ...query } = queryOf(context, ['from', 'to', 'platformId', 'format']);
      const formatOf = reportFormatOf(format);
      return send(context, await evaluationReportDocument(context.services, actorOf(context), query, formatOf));
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/reports/annual',
    summary: 'The annual summary (年度总结) of a platform for the province’s assessment: volume by month and channel, on-time, working days, 一次办结率, satisfaction, rectification, by class and platform; HTML or PDF; audited',
    tag: 'network',
    auditAction: 'report.annual',
    access: [...access],
    query: Type.Object({ year: text('The year, YYYY (default: this year, counted up to today)'), ...common }),
    responses: { 200: answer },
    async handler(context) {
      const { format, ...query } = queryOf(context, ['year', 'platformId', 'format']);
      const formatOf = reportFormatOf(format);
      return send(context, await annualReportDocument(context.services, actorOf(context), query, formatOf));
    },
  }),
];
