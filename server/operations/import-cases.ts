/**
 * Bulk case import (办件台账导入): a platform's earlier cases from its old system, one JSON line
 * per case (docs/import.md). Two passes over the file:
 *
 * 1. check every line (shape, item and step, form data, dates, applicant, assignee, numbers
 *    unique in the file and in the database); any problem refuses the whole file and nothing is
 *    stored — an admin fixes the register and runs it again, instead of hunting which half landed;
 * 2. write the cases in transactions of a few thousand (`insertCaseRows`), so the server
 *    keeps answering between them (one transaction would hold SQLite's write lock for minutes).
 *
 * The per-line work of both passes (import-work.ts) runs in worker threads for a large file:
 * checking on every core, and building a batch's rows while the main thread writes the one
 * before (import-lanes.ts).
 *
 * Case ids follow from the platform and the number (or, without one, the line), so running the
 * same file again skips what is already stored: an import stopped half-way is resumed by running
 * it again. A stored case whose line changed since is a problem, never overwritten.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import type { Problem } from '../../engine/problem.js';
import { nextCaseSequence } from '../../storage/case-numbers.js';
import { insertCaseRows, type NewCaseRows } from '../../storage/cases.js';
import { keyringOf } from '../../storage/personal-data/keyring.js';
import { findUserByUsername } from '../../storage/users.js';
import { Failure } from '../http/failure.js';
import type { Services } from '../services.js';
import { bundleForNewCase, calendarOptions, platformDefinition } from './bundles.js';
import { caseNumber } from './case-number.js';
import { checkCounterApplicant, counterApplicantId, saveCounterApplicant, type CounterApplicant } from './counter-applicant.js';
import { openImportLanes, type ImportLanes } from './import-lanes.js';
import { storedImports, type LineIdentity } from './import-stored.js';
import { applicantKey, type BuiltBatch, type ImportPeople, type ImportSetup, type LineText, type LineVerdict } from './import-work.js';
import { visibleDefinitions } from './visible-definitions.js';

export interface ImportCasesInput {
  platformId: string;
  /** Path of the NDJSON file. */
  file: string;
  /** Who imports: recorded on each case's `case.imported` event. */
  by: string;
  /** Called after each batch of each pass with the last line number it reached. */
  onProgress?: (progress: { phase: 'checked' | 'written'; lines: number }) => void;
  /** Cases per write transaction (default 5,000). */
  batchSize?: number;
  /** Worker threads that check and build (0: the main thread); default: one per core for a file of {@link WORKERS_FROM_BYTES} or more. */
  workers?: number;
}

export interface ImportCasesResult {
  lines: number;
  imported: number;
  /** Lines whose case an earlier run of the same file stored already. */
  alreadyImported: number;
  /** New offline applicant accounts created. */
  newApplicants: number;
  /** Worker threads that checked and built the lines (0: the main thread did). */
  workers: number;
}

/** At most this many problems are listed; the message gives the total. */
export const MAX_LISTED_PROBLEMS = 1000;

/** Files from this size (about 7,000 lines of a typical register) are checked and built in worker threads. */
export const WORKERS_FROM_BYTES = 4 * 1024 * 1024;

/** What pass 1 learned and pass 2 uses. */
interface ImportPlan {
  /** By name and phone as checked (trimmed, canonical). */
  applicants: Map<string, { id: string; isNew: boolean; who: CounterApplicant }>;
  /** Usernames looked up: the user id of an enabled staff member of the platform, or undefined. */
  assignees: Map<string, string | undefined>;
  people: ImportPeople;
  skipped: Set<number>;
}

async function* lines(file: string): AsyncGenerator<LineText> {
  let line = 0;
  for await (const text of createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity })) {
    line += 1;
    if (text.trim() !== '') yield { text, line };
  }
}

async function* batchesOf<T>(source: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const item of source) {
    batch.push(item);
    if (batch.length >= size) yield batch.splice(0);
  }
  if (batch.length > 0) yield batch;
}

/**
 * Runs `start` on each batch of the file with up to `width` batches in flight (the lanes work
 * on them meanwhile) and `finish` on each answer in file order.
 */
async function pipeline<T>(input: ImportCasesInput, width: number, start: (batch: LineText[]) => Promise<T>, finish: (answer: T, batch: LineText[]) => Promise<void>): Promise<void> {
  const inFlight: Array<{ answer: Promise<T>; batch: LineText[] }> = [];
  for await (const batch of batchesOf(lines(input.file), input.batchSize ?? 5000)) {
    const answer = start(batch);
    // Awaited in order below; this keeps a lane's failure from going unhandled meanwhile.
    answer.catch(() => undefined);
    inFlight.push({ answer, batch });
    if (inFlight.length > width) {
      const first = inFlight.shift()!;
      await finish(await first.answer, first.batch);
    }
  }
  for (const { answer, batch } of inFlight) await finish(await answer, batch);
}

/** Every service item the platform sees, resolved once: the lines are checked and built against these. */
async function importSetup(services: Services, input: ImportCasesInput, now: string): Promise<ImportSetup> {
  const { set } = await visibleDefinitions(services, input.platformId);
  const bundles: ImportSetup['bundles'] = {};
  for (const itemId of set.byKind.ServiceItem.keys()) {
    bundles[itemId] = await bundleForNewCase(services, input.platformId, itemId).catch((error: unknown) => {
      if (error instanceof Failure) return null;
      throw error;
    });
  }
  const platform = await platformDefinition(services, input.platformId);
  return { platformId: input.platformId, now, by: input.by, source: basename(input.file), bundles, calendar: calendarOptions(services, platform) };
}

/** The main thread's part of checking a line: its applicant and assignee against the database. */
async function checkPeople(services: Services, plan: ImportPlan, input: { verdict: LineVerdict; platformId: string; now: string }): Promise<Problem[]> {
  const { verdict } = input;
  const problems: Problem[] = [];
  if (!verdict.people) return problems;
  const { applicant, assignee } = verdict.people;
  try {
    const raw = applicantKey(applicant);
    if (!plan.people.applicantIds.has(raw)) {
      const who = checkCounterApplicant(applicant, input.now.slice(0, 10));
      const key = applicantKey(who);
      if (!plan.applicants.has(key)) plan.applicants.set(key, { ...(await counterApplicantId(services, input.platformId, who)), who });
      plan.people.applicantIds.set(raw, plan.applicants.get(key)!.id);
    }
  } catch (error) {
    if (!(error instanceof Failure)) throw error;
    problems.push(...error.problems.map((p) => ({ ...p, path: `/line/${verdict.line}${p.path}` })));
  }
  if (assignee !== undefined) {
    if (!plan.assignees.has(assignee)) {
      const user = await findUserByUsername(services.db.knex, assignee);
      const id = user && user.platformId === input.platformId && !user.isDisabled && user.roles.includes('staff') ? user.id : undefined;
      plan.assignees.set(assignee, id);
      if (id !== undefined) plan.people.assigneeIds.set(assignee, id);
    }
    if (plan.assignees.get(assignee) === undefined) {
      problems.push({ path: `/line/${verdict.line}/assignee`, code: 'import.assignee-unknown', message: `Line ${verdict.line}: "${assignee}" is not an enabled staff member of this platform.` });
    }
  }
  return problems;
}

/** Pass 1: every problem of the file (the first MAX_LISTED_PROBLEMS listed) and the plan for pass 2. */
async function checkFile(services: Services, lanes: ImportLanes, input: ImportCasesInput, now: string): Promise<{ plan: ImportPlan; lines: number; problems: Problem[]; total: number }> {
  const plan: ImportPlan = { applicants: new Map(), assignees: new Map(), people: { applicantIds: new Map(), assigneeIds: new Map() }, skipped: new Set() };
  const problems: Problem[] = [];
  let total = 0;
  let count = 0;
  const add = (found: Problem[]) => {
    total += found.length;
    problems.push(...found.slice(0, Math.max(0, MAX_LISTED_PROBLEMS - problems.length)));
  };
  const firstLineOf = new Map<string, number>();
  await pipeline(input, lanes.width, (batch) => lanes.check(batch), async (verdicts, batch) => {
    const checked: LineIdentity[] = [];
    for (const verdict of verdicts) {
      const found = [...verdict.problems, ...(await checkPeople(services, plan, { verdict, platformId: input.platformId, now }))];
      add(found);
      const { line, identity } = verdict;
      if (!identity || found.length > 0) continue;
      const earlier = firstLineOf.get(identity.caseId);
      if (earlier === undefined) {
        firstLineOf.set(identity.caseId, line);
        checked.push({ line, ...identity });
      } else {
        const field = identity.number === undefined ? '' : '/number';
        add([{ path: `/line/${line}${field}`, code: 'import.duplicate-in-file', message: `Line ${line} repeats ${field ? `case number ${identity.number}` : 'the case'} of line ${earlier}; each case comes once.` }]);
      }
    }
    const stored = await storedImports(services.db.knex, checked);
    add(stored.problems);
    for (const line of stored.alreadyImported) plan.skipped.add(line);
    count = batch[batch.length - 1]!.line;
    input.onProgress?.({ phase: 'checked', lines: count });
  });
  return { plan, lines: count, problems, total };
}

/** Pass 2: the new applicants, then the cases in transactions of `batchSize`, each built while the one before is written. */
async function writeFile(services: Services, lanes: ImportLanes, input: ImportCasesInput, plan: ImportPlan, now: string): Promise<{ imported: number; newApplicants: number }> {
  const fresh = [...plan.applicants.values()].filter((a) => a.isNew);
  await services.db.transaction(async (tx) => {
    for (const a of fresh) await saveCounterApplicant(tx, { id: a.id, isNew: true, platformId: input.platformId, who: a.who, now });
  });
  let imported = 0;
  const toBuild = (batch: LineText[]) => lanes.build(batch.filter(({ line }) => !plan.skipped.has(line)), plan.people);
  await pipeline(input, lanes.width, toBuild, async (built: BuiltBatch, batch) => {
    await services.db.transaction(async (tx) => {
      let rows: NewCaseRows = built.rows;
      if (built.unnumbered.length > 0) {
        // Numbers are drawn in the transaction that stores their cases, so a failed batch leaves no gap.
        const numbers = new Map<number, string>();
        for (const { line, code, day } of built.unnumbered) numbers.set(line, caseNumber({ code, day, sequence: await nextCaseSequence(tx, code, day) }));
        const drawn = await lanes.build(built.unnumbered, plan.people, numbers);
        rows = { cases: [...rows.cases, ...drawn.rows.cases], events: [...rows.events, ...drawn.rows.events] };
      }
      await insertCaseRows(tx, rows);
      imported += rows.cases.length;
    });
    input.onProgress?.({ phase: 'written', lines: batch[batch.length - 1]!.line });
  });
  return { imported, newApplicants: fresh.length };
}

/**
 * Imports the case register in `file` into the platform: all lines or, on any problem, none
 * (a Failure `import.file-invalid` listing each problem at `/line/N/field`).
 *
 * @example const result = await importCases(services, { platformId: 'mianyang', file: 'register.ndjson', by: 'cli' });
 */
export async function importCases(services: Services, input: ImportCasesInput): Promise<ImportCasesResult> {
  const now = services.now().toISOString();
  const workers = input.workers ?? ((await stat(input.file)).size >= WORKERS_FROM_BYTES ? availableParallelism() : 0);
  const lanes = openImportLanes(await importSetup(services, input, now), keyringOf(services.db.knex), { workers, isWriterInProcess: services.db.dialect === 'sqlite' });
  try {
    const checked = await checkFile(services, lanes, input, now);
    if (checked.total > 0) {
      const more = checked.total > checked.problems.length ? ` (the first ${checked.problems.length} are listed)` : '';
      throw new Failure('import.file-invalid', `Nothing was imported: ${basename(input.file)} has ${checked.total} problem(s)${more}; each names its line and field.`, checked.problems);
    }
    const written = await writeFile(services, lanes, input, checked.plan, now);
    return { lines: checked.lines, imported: written.imported, alreadyImported: checked.plan.skipped.size, newApplicants: written.newApplicants, workers: Math.max(0, workers) };
  } finally {
    await lanes.close();
  }
}
