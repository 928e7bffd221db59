/**
 * Import: an edited list workbook saved back as drafts — one per item whose cells changed it,
 * and one of the list when rows were added, removed or moved — through the same
 * `saveDefinitionDraft` as PUT /api/definitions. Everything is checked first (cells, shapes,
 * names, an adopted item's locks); any problem refuses the whole workbook and nothing is saved.
 */
import { isDeepStrictEqual } from 'node:util';
import { validateShape } from '../../engine/load/index.js';
import type { Problem } from '../../engine/problem.js';
import type { Actor } from '../../engine/runtime/case.js';
import { listDefinitions, saveDraft, type DefinitionBody } from '../../storage/definitions.js';
import { Failure } from '../http/failure.js';
import { auditZip } from '../http/upload-content.js';
import { pinAdoptions } from '../operations/adoption-problems.js';
import { candidateProblems } from '../operations/manage-definitions.js';
import { recordKey, sourceOf } from '../operations/visible-definitions.js';
import type { Services } from '../services.js';
import { cellText } from './cell-formats.js';
import { sheetLayout, type SheetLayout } from './columns.js';
import { listRows, type ListRows } from './list-rows.js';
import { readRows, rowProblem, type ReadRows } from './read-rows.js';
import { ABOUT_SHEET, aboutKeys, readListWorkbook, type ReadWorkbook } from './workbook.js';

export interface ImportResult {
  /** The definitions saved as drafts. */
  changed: Array<{ kind: 'ServiceItem' | 'ServiceList'; id: string }>;
  /** What would block publishing the platform's drafts now, as PUT /api/definitions reports it. */
  problems: Problem[];
}

/** One document about to be saved, and where in the sheet its problems belong. */
interface Candidate {
  kind: 'ServiceItem' | 'ServiceList';
  id: string;
  doc: Record<string, unknown>;
  file: string;
  /** The item's row; undefined for the list. */
  row?: number;
}

function refuse(problems: Problem[]): never {
  throw new Failure('list.workbook-invalid', `Nothing was saved: the workbook has ${problems.length} problem(s); each names its row and column.`, problems);
}

/** The workbook's own record of which list and version it was exported from. */
function provenanceProblems(about: ReadWorkbook['about'], current: ListRows, read: ReadRows): Problem[] {
  const exportedFrom = about.get(aboutKeys.listId);
  if (exportedFrom && exportedFrom !== current.list.id) {
    const message = `This workbook was exported from list "${exportedFrom}", not "${current.list.id}"; import it there, or export "${current.list.id}" and edit that.`;
    return [{ code: 'workbook.list-mismatch', path: '', file: ABOUT_SHEET, message }];
  }
  const version = about.get(aboutKeys.listVersion);
  if (version && version !== current.listFingerprint && !isDeepStrictEqual(read.entries, current.list.entries)) {
    const message = `List "${current.list.id}" was changed by someone else after this workbook was exported; export it again and redo the row changes.`;
    return [{ code: 'workbook.list-changed-since-export', path: '', file: ABOUT_SHEET, message }];
  }
  return [];
}

function candidates(current: ListRows, read: ReadRows): Candidate[] {
  const items: Candidate[] = read.changed.map(({ item, row }) => ({
    kind: 'ServiceItem',
    id: item.id,
    doc: item as unknown as Record<string, unknown>,
    file: `workbook/ServiceItem/${item.id}`,
    row,
  }));
  if (isDeepStrictEqual(read.entries, current.list.entries)) return items;
  const list = { ...current.list, entries: read.entries } as unknown as Record<string, unknown>;
  return [...items, { kind: 'ServiceList', id: current.list.id, doc: list, file: `workbook/ServiceList/${current.list.id}` }];
}

const tokensOf = (path: string): string[] => path.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));

/** A definition problem placed on the row (and column, when one shows the field) it came from. */
function placed(problem: Problem, candidate: Candidate, context: { layout: SheetLayout; read: ReadRows; sheet: string; headers: string[] }): Problem {
  const [first, second, third] = tokensOf(problem.path);
  const inSheet = context.layout.columns.filter((c) => context.headers.includes(c.header));
  let row = candidate.row;
  let header = inSheet.find((c) => c.field !== undefined && c.field === first)?.header;
  if (candidate.kind === 'ServiceList') {
    row = first === 'entries' && second !== undefined ? context.read.entryRows[Number(second)] : undefined;
    header = inSheet.find((c) => (third === 'note' ? c.role === 'note' : c.role === 'id'))?.header;
  }
  if (row === undefined) return { ...problem, file: context.sheet, path: '/rows' };
  return rowProblem({ sheet: context.sheet, row, ...(header ? { header } : {}), code: problem.code, message: problem.message, ...(problem.suggestion ? { suggestion: problem.suggestion } : {}) });
}

/** Shape, name and lock problems of the candidates as drafts on top of the platform's other drafts. */
async function definitionProblems(services: Services, actor: Actor, docs: Candidate[]): Promise<{ found: Array<{ problem: Problem; candidate: Candidate }>; all: Problem[] }> {
  const byFile = new Map(docs.map((c) => [c.file, c]));
  const shape = docs.flatMap((c) => validateShape({ ...c.doc, version: 1 }, c.file).map((problem) => ({ problem, candidate: c })));
  if (shape.length > 0) return { found: shape, all: shape.map((s) => s.problem) };
  const mine = new Set(docs.map((c) => recordKey(c.kind, c.id)));
  const drafts = await listDefinitions(services.db.knex, { platformIds: [actor.platformId], status: 'draft' });
  const others = drafts.filter((d) => !mine.has(recordKey(d.kind, d.defId))).map((d) => ({ file: sourceOf(d), doc: d.body as unknown }));
  const problems = await candidateProblems(services, actor.platformId, [...others, ...docs.map((c) => ({ file: c.file, doc: c.doc as unknown }))]);
  const found = problems.flatMap((problem) => {
    const candidate = problem.file === undefined ? undefined : byFile.get(problem.file);
    return candidate ? [{ problem, candidate }] : [];
  });
  return { found, all: problems };
}

/**
 * Reads the uploaded workbook of list `listId` and saves what it changed as drafts; a list the
 * platform cannot see is not found, whatever the file holds.
 *
 * @example const { changed } = await importListWorkbook(services, actor, { listId: 'province-value-added-list', content });
 */
export async function importListWorkbook(services: Services, actor: Actor, input: { listId: string; content: Buffer | undefined }): Promise<ImportResult> {
  const current = await listRows(services, actor, input.listId);
  if (input.content === undefined) throw new Failure('request.workbook-missing', 'Upload the workbook (.xlsx) as the multipart file field "workbook".');
  const layout = sheetLayout(current.list.listType);
  const idHeader = layout.columns.find((c) => c.role === 'id')?.header as string;
  // An .xlsx is a zip the reader inflates: its declared sizes are checked first (bombs, links, paths out).
  if (input.content.subarray(0, 4).toString('latin1') === 'PK\u0003\u0004') {
    await auditZip(input.content).catch((error: Failure) => {
      throw new Failure(error.code, error.message, [{ code: error.code, path: '/workbook', message: error.message }]);
    });
  }
  const workbook = await readListWorkbook(input.content, idHeader).catch(() => {
    throw new Failure('request.workbook-unreadable', 'The upload is not an Excel workbook (.xlsx); save it in Excel or WPS as .xlsx and upload it again.');
  });
  const { sheet } = workbook;
  if (!sheet) refuse([{ code: 'workbook.sheet-missing', path: '', message: 'The workbook has no sheet with the list; export the list again and edit that workbook.' }]);
  const read = readRows({ sheet, layout, current: current.current });
  const problems = [...provenanceProblems(workbook.about, current, read), ...read.problems];
  if (problems.length > 0) refuse(problems);
  const docs = candidates(current, read);
  const { found, all } = await definitionProblems(services, actor, docs);
  if (found.length > 0) refuse(found.map(({ problem, candidate }) => placed(problem, candidate, { layout, read, sheet: sheet.name, headers: sheet.headers.map(cellText) })));
  await saveDrafts(services, actor, docs);
  // What blocks publishing is what the check above found in the other drafts: the candidates had none.
  return { changed: docs.map(({ kind, id }) => ({ kind, id })), problems: all };
}

/**
 * Saves the candidates as drafts in one transaction: what `saveDefinitionDraft` does per
 * document, without re-resolving the whole platform after each of a list's hundreds of rows
 * (that made a 500-row import quadratic). The candidates were checked with the other drafts
 * just before, so the platform is not checked again.
 */
async function saveDrafts(services: Services, actor: Actor, docs: Candidate[]): Promise<void> {
  const bodies = await pinAdoptions(services, actor.platformId, docs.map((c) => c.doc as DefinitionBody));
  const at = services.now().toISOString();
  await services.db.transaction(async (tx) => {
    for (const [i, candidate] of docs.entries()) await saveDraft(tx, { platformId: actor.platformId, kind: candidate.kind, body: bodies[i]!, by: actor.id, at });
  });
}
