/**
 * The case export (办件导出): the caller's cases, filtered exactly like the inbox (view, status,
 * step, mine, search) and further by item and application date, one row per case with its
 * number, item, applicant, masked ID numbers and phones, status, step, dates, due date, whether
 * it kept its time limit, and its channel. Read in keyset pages of the inbox's own query.
 */
import type { Writable } from 'node:stream';
import { TZDate } from '@date-fns/tz';
import { CHINA_TIME_ZONE, formatLocalDate } from '../../../engine/calendar/local-date.js';
import { dueStateOf, nextDueAt } from '../../../engine/runtime/clocks.js';
import type { Actor, Case, CaseStatus } from '../../../engine/runtime/case.js';
import { listCases, type CaseFilter } from '../../../storage/cases.js';
import { displayNames } from '../../../storage/users.js';
import { sanitizeFileName } from '../../http/uploads.js';
import type { Services } from '../../services.js';
import { caseListFilter, INBOX_VIEWS, type CaseListQuery, type InboxView } from '../inbox.js';
import { maskedText } from '../personal-data-view.js';
import { caseTitles, closedAtOf, maskedIdentity, type CaseTitles } from './case-facts.js';
import { aboutWords, exportWords, localeOf, type Bilingual, type ExportLang, type Timeliness } from './export-labels.js';
import { filterText, invalidQuery, isWithin, langOf, limitOf, rangeOf, type ExportQueryText, type InstantRange } from './export-query.js';
import { writeExportSheet, type ExportColumn, type ExportOutcome } from './export-sheet.js';

/** The query parameters the case export reads, in the order 导出说明 lists them. */
export const CASE_EXPORT_PARAMETERS = ['view', 'status', 'step', 'mine', 'q', 'item', 'from', 'to', 'lang', 'limit'] as const;

/** Cases read per query: large enough to keep round trips few, small enough to hold. */
export const EXPORT_PAGE_SIZE = 500;

const CASES_SHEET: Bilingual = { zh: '办件', en: 'Cases' };

const STATUSES: readonly CaseStatus[] = ['open', 'completed', 'rejected', 'withdrawn'];

interface CaseRow {
  kase: Case;
  titles: CaseTitles;
  applicant: string;
  identity: { idNumbers: string[]; phones: string[] };
  closedAt: string | null;
  timeliness: Timeliness;
}

/** A completed case kept its limits when none of its clocks fired 示警 (as the network overview counts). */
function timelinessOf(kase: Case, now: string): Timeliness {
  const hasFired = Object.values(kase.clocks).some((clock) => clock.overdueAt !== undefined);
  if (kase.status === 'completed') return hasFired ? 'late' : 'onTime';
  if (kase.status === 'open' && (hasFired || dueStateOf(kase, now) === 'overdue')) return 'overdue';
  return 'none';
}

/** The due date the inbox shows for an open case; for a closed one, the last any of its clocks had. */
function dueAtOf(kase: Case): string | null {
  const dues = Object.values(kase.clocks).map((clock) => clock.dueAt);
  return nextDueAt(kase) ?? (dues.sort().at(-1) ?? null);
}

const instant = (value: string | null) => (value === null ? null : { instant: value });

const columns: Array<ExportColumn<CaseRow>> = [
  { header: { zh: '办件编号', en: 'Case number' }, width: 34, cell: (r) => r.kase.number },
  { header: { zh: '服务事项', en: 'Service item' }, width: 28, cell: (r) => r.titles.item },
  { header: { zh: '申请人', en: 'Applicant' }, width: 16, cell: (r) => r.applicant },
  { header: { zh: '证件号码', en: 'ID number' }, width: 22, cell: (r) => r.identity.idNumbers.join('、') },
  { header: { zh: '联系电话', en: 'Phone' }, width: 16, cell: (r) => r.identity.phones.join('、') },
  { header: { zh: '办件状态', en: 'Status' }, width: 10, cell: (r, lang) => exportWords.status(r.kase.status, lang) },
  { header: { zh: '当前环节', en: 'Step' }, width: 14, cell: (r) => r.titles.step(r.kase.step) },
  { header: { zh: '申请时间', en: 'Submitted' }, width: 17, cell: (r) => instant(r.kase.createdAt) },
  { header: { zh: '办结时间', en: 'Closed' }, width: 17, cell: (r) => instant(r.closedAt) },
  { header: { zh: '办理时限', en: 'Due' }, width: 17, cell: (r) => instant(dueAtOf(r.kase)) },
  { header: { zh: '是否按时', en: 'On time' }, width: 10, cell: (r, lang) => exportWords.timeliness(r.timeliness, lang) },
  { header: { zh: '申请渠道', en: 'Channel' }, width: 10, cell: (r, lang) => exportWords.channel(r.kase.channel ?? 'online', lang) },
];

/** The inbox's query from the export's text, refusing unknown views and statuses. */
function listQueryOf(query: ExportQueryText): CaseListQuery {
  const { view, status, step, mine, q } = query;
  if (view && !(INBOX_VIEWS as readonly string[]).includes(view)) throw invalidQuery('view', `give one of ${INBOX_VIEWS.join(', ')}`);
  if (status && !(STATUSES as readonly string[]).includes(status)) throw invalidQuery('status', `give one of ${STATUSES.join(', ')}`);
  return {
    ...(view ? { view: view as InboxView } : {}),
    ...(status ? { status: status as CaseStatus } : {}),
    ...(step ? { step } : {}),
    ...(mine === 'true' ? { isMine: true } : {}),
    ...(q ? { q } : {}),
  };
}

/** Which cases a page keeps: created in `created`; reading stops below `changedFrom`. */
export interface PageBounds {
  created: InstantRange;
  /** No case changed before this instant is wanted. */
  changedFrom?: string;
}

/**
 * The filter's cases a page at a time, most recently changed first, those created in
 * `bounds.created`. A case changes when it is created, acted on or rated, so once a page ends
 * before `bounds.changedFrom` no later page holds a wanted one: reading stops there.
 */
export async function* casePages(services: Services, filter: CaseFilter, bounds: PageBounds): AsyncGenerator<Case[]> {
  let after: string | undefined;
  do {
    const page = await listCases(services.db.knex, { ...filter, limit: EXPORT_PAGE_SIZE, ...(after ? { after } : {}) });
    yield page.cases.filter((kase) => isWithin(kase.createdAt, bounds.created));
    const last = page.cases.at(-1);
    if (bounds.changedFrom !== undefined && last !== undefined && Date.parse(last.updatedAt) < Date.parse(bounds.changedFrom)) return;
    after = page.next;
  } while (after !== undefined);
}

async function* caseRows(services: Services, pages: AsyncIterable<Case[]>, input: { lang: ExportLang; now: string }): AsyncGenerator<CaseRow[]> {
  for await (const cases of pages) {
    const names = await displayNames(services.db.knex, cases.map((c) => c.applicantId));
    const closed = await closedAtOf(services, cases);
    const rows: CaseRow[] = [];
    for (const kase of cases) {
      rows.push({
        kase,
        titles: await caseTitles(services, kase, localeOf(input.lang)),
        applicant: maskedText(names.get(kase.applicantId) ?? ''),
        identity: maskedIdentity(kase),
        closedAt: closed.get(kase.id) ?? null,
        timeliness: timelinessOf(kase, input.now),
      });
    }
    yield rows;
  }
}

export interface ExportRun {
  /** Rows written so far, after each page (the route records the count in the audit trail). */
  onProgress?: (progress: { rows: number }) => void;
  isAborted?: () => boolean;
}

/** An export whose query was checked: nothing is written until `write`, so a wrong query is still a plain problem answer. */
export interface PreparedExport {
  /** The download's name, e.g. mianyang-办件-20260921.xlsx. */
  fileName: string;
  /** The filter as one line (masked), for the audit record. */
  filter: string;
  write(output: Writable, run?: ExportRun): Promise<ExportOutcome>;
}

/** `<platform>-<name>-<yyyyMMdd>.xlsx`, the date in China. */
export function exportFileName(actor: Actor, name: Bilingual, input: { lang: ExportLang; now: Date }): string {
  const day = formatLocalDate(new TZDate(input.now.getTime(), CHINA_TIME_ZONE)).replace(/-/g, '');
  return sanitizeFileName(`${actor.platformId}-${name[input.lang]}-${day}.xlsx`);
}

/**
 * The caller's cases matching `query`, ready to stream as an .xlsx file.
 *
 * @example const prepared = await prepareCaseExport(services, actor, { view: 'overdue', from: '2026-09-01', lang: 'en' });
 * await prepared.write(res);
 */
export async function prepareCaseExport(services: Services, actor: Actor, query: ExportQueryText): Promise<PreparedExport> {
  const lang = langOf(query);
  const range = rangeOf(query);
  const limit = limitOf(query);
  const now = services.now();
  const filter: CaseFilter = { ...(await caseListFilter(services, actor, listQueryOf(query), now.toISOString())), ...(query['item'] ? { itemId: query['item'] } : {}) };
  const filterLine = filterText(query, CASE_EXPORT_PARAMETERS);
  const bounds: PageBounds = { created: range, ...(range.from ? { changedFrom: range.from } : {}) };
  return {
    fileName: exportFileName(actor, CASES_SHEET, { lang, now }),
    filter: filterLine,
    write: (output, run = {}) =>
      writeExportSheet(output, {
        sheetName: CASES_SHEET,
        columns,
        pages: caseRows(services, casePages(services, filter, bounds), { lang, now: now.toISOString() }),
        limit,
        lang,
        about: aboutFacts(actor, now, filterLine),
        createdAt: now,
        ...run,
      }),
  };
}

/** The facts every export's 导出说明 sheet opens with. */
export function aboutFacts(actor: Actor, now: Date, filter: string): Array<[Bilingual, string]> {
  return [
    [aboutWords.platform, actor.platformId],
    [aboutWords.exportedBy, actor.id],
    [aboutWords.exportedAt, now.toISOString()],
    [aboutWords.filter, filter],
  ];
}
