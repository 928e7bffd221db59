/**
 * The evaluation export (好差评导出): every evaluation given on the caller's platform's cases,
 * one row each (a case may be rated at several stages), with the case number, item, the level
 * as the national five labels, the stage and step it was given at, the comment, the date, the
 * platform's reply and where the rectification a bad review opened stands. Filtered by item,
 * evaluation date and level. Comments and replies are free text: masked like every answer.
 */
import type { Actor, Case, Evaluation } from '../../../engine/runtime/case.js';
import { listEventsOfType, type StoredCaseEvent } from '../../../storage/case-events.js';
import { listTasks, type TaskRecord } from '../../../storage/tasks.js';
import type { Services } from '../../services.js';
import { EVALUATION_REPLIED } from '../evaluation-reply.js';
import { maskedText } from '../personal-data-view.js';
import { isOverdue } from '../tasks.js';
import { caseTitles, type CaseTitles } from './case-facts.js';
import { aboutFacts, casePages, exportFileName, type PageBounds, type PreparedExport } from './case-export.js';
import { exportWords, localeOf, type ExportLang, type RectificationState } from './export-labels.js';
import { filterText, invalidQuery, isWithin, langOf, limitOf, rangeOf, type ExportQueryText, type InstantRange } from './export-query.js';
import { writeExportSheet, type ExportColumn } from './export-sheet.js';

/** The query parameters the evaluation export reads, in the order 导出说明 lists them. */
export const EVALUATION_EXPORT_PARAMETERS = ['item', 'level', 'from', 'to', 'lang', 'limit'] as const;

/** Levels 1 and 2 are bad reviews (差评): they open a rectification task. */
const isBadReview = (evaluation: Evaluation) => evaluation.level <= 2;

interface EvaluationRow {
  kase: Case;
  evaluation: Evaluation;
  titles: CaseTitles;
  reply: StoredCaseEvent | undefined;
  rectification: RectificationState;
}

const sameInstant = (a: string, b: string) => Date.parse(a) === Date.parse(b);

const columns: Array<ExportColumn<EvaluationRow>> = [
  { header: { zh: '办件编号', en: 'Case number' }, width: 34, cell: (r) => r.kase.number },
  { header: { zh: '服务事项', en: 'Service item' }, width: 28, cell: (r) => r.titles.item },
  { header: { zh: '评价等级', en: 'Level' }, width: 12, cell: (r, lang) => exportWords.level(r.evaluation.level, lang) },
  { header: { zh: '评价阶段', en: 'Stage' }, width: 10, cell: (r, lang) => exportWords.stage(r.titles.stage(r.evaluation.step), lang) },
  { header: { zh: '评价环节', en: 'Step' }, width: 14, cell: (r) => r.titles.step(r.evaluation.step) },
  { header: { zh: '评价内容', en: 'Comment' }, width: 40, cell: (r) => maskedText(r.evaluation.comment ?? '') },
  { header: { zh: '评价时间', en: 'Evaluated' }, width: 17, cell: (r) => ({ instant: r.evaluation.at }) },
  { header: { zh: '回复', en: 'Reply' }, width: 40, cell: (r) => maskedText(r.reply ? String(r.reply.data['text'] ?? '') : '') },
  { header: { zh: '回复时间', en: 'Replied' }, width: 17, cell: (r) => (r.reply ? { instant: r.reply.at } : null) },
  { header: { zh: '整改情况', en: 'Rectification' }, width: 14, cell: (r, lang) => exportWords.rectification(r.rectification, lang) },
];

/** The rectification a bad review opened: the task its decision opened, at the same instant. */
function rectificationOf(evaluation: Evaluation, tasks: TaskRecord[], now: string): RectificationState {
  const task = tasks.find((t) => t.kind === 'rectification' && sameInstant(t.createdAt, evaluation.at));
  if (!task) return 'none';
  if (task.status === 'done') return isOverdue(task, now) ? 'doneLate' : 'done';
  return isOverdue(task, now) ? 'openOverdue' : 'open';
}

interface Wanted {
  range: InstantRange;
  level: Evaluation['level'] | undefined;
  lang: ExportLang;
  now: string;
}

const isWanted = (evaluation: Evaluation, wanted: Wanted) => isWithin(evaluation.at, wanted.range) && (wanted.level === undefined || evaluation.level === wanted.level);

async function* evaluationRows(services: Services, pages: AsyncIterable<Case[]>, wanted: Wanted): AsyncGenerator<EvaluationRow[]> {
  const db = services.db.knex;
  for await (const page of pages) {
    const rated = page.filter((kase) => kase.evaluations.some((e) => isWanted(e, wanted)));
    const replies = await listEventsOfType(db, rated.map((c) => c.id), EVALUATION_REPLIED);
    const rows: EvaluationRow[] = [];
    for (const kase of rated) {
      const titles = await caseTitles(services, kase, localeOf(wanted.lang));
      // Only bad reviews open tasks: only their cases are asked for them.
      const tasks = kase.evaluations.some(isBadReview) ? await listTasks(db, { platformId: kase.platformId, caseId: kase.id }) : [];
      for (const evaluation of kase.evaluations.filter((e) => isWanted(e, wanted))) {
        const reply = replies.find((e) => e.caseId === kase.id && sameInstant(String(e.data['evaluationAt']), evaluation.at));
        rows.push({ kase, evaluation, titles, reply, rectification: rectificationOf(evaluation, tasks, wanted.now) });
      }
    }
    yield rows;
  }
}

function levelOf(query: ExportQueryText): Evaluation['level'] | undefined {
  const value = query['level'];
  if (value === undefined || value === '') return undefined;
  if (!/^[1-5]$/.test(value)) throw invalidQuery('level', 'give a level from 1 (非常不满意) to 5 (非常满意)');
  return Number(value) as Evaluation['level'];
}

const EVALUATIONS_SHEET = { zh: '好差评', en: 'Evaluations' };

/**
 * The evaluations on the caller's platform's cases matching `query`, ready to stream as an .xlsx file.
 *
 * @example const prepared = await prepareEvaluationExport(services, actor, { level: '2', from: '2026-09-01' });
 * await prepared.write(res);
 */
export async function prepareEvaluationExport(services: Services, actor: Actor, query: ExportQueryText): Promise<PreparedExport> {
  const lang = langOf(query);
  const now = services.now();
  const wanted: Wanted = { range: rangeOf(query), level: levelOf(query), lang, now: now.toISOString() };
  const limit = limitOf(query);
  const filter = { platformId: actor.platformId, ...(query['item'] ? { itemId: query['item'] } : {}) };
  // A case is rated after it was created and is changed by the rating: the range bounds both.
  const { from, to } = wanted.range;
  const bounds: PageBounds = { created: to ? { to } : {}, ...(from ? { changedFrom: from } : {}) };
  const filterLine = filterText(query, EVALUATION_EXPORT_PARAMETERS);
  return {
    fileName: exportFileName(actor, EVALUATIONS_SHEET, { lang, now }),
    filter: filterLine,
    write: (output, run = {}) =>
      writeExportSheet(output, {
        sheetName: EVALUATIONS_SHEET,
        columns,
        pages: evaluationRows(services, casePages(services, filter, bounds), wanted),
        limit,
        lang,
        about: aboutFacts(actor, now, filterLine),
        createdAt: now,
        ...run,
      }),
  };
}
