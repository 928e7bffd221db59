/**
 * Bulk case import (办件台账导入): a platform's earlier cases from its old system, one JSON line
 * per case (docs/import.md). Two passes over the file:
 *
 * 1. check every line (shape, item and step, form data, dates, applicant, assignee, numbers
 *    unique in the file and in the database); any problem refuses the whole file and nothing is
 *    stored — an admin fixes the register and runs it again, instead of hunting which half landed;
 * 2. write the cases in transactions of a few thousand through `insertCases`, so the server
 *    keeps answering between them (one transaction would hold SQLite's write lock for minutes).
 *
 * Case ids follow from the platform and the number (or, without one, the line), so running the
 * same file again skips what is already stored: an import stopped half-way is resumed by running
 * it again. A stored case whose line changed since is a problem, never overwritten.
 */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import type { WorkingCalendar } from '../../engine/calendar/index.js';
import type { Bundle } from '../../engine/runtime/bundle.js';
import type { Problem } from '../../engine/problem.js';
import { nextCaseSequence } from '../../storage/case-numbers.js';
import { insertCases, type NewCase } from '../../storage/cases.js';
import { findUserByUsername } from '../../storage/users.js';
import { Failure } from '../http/failure.js';
import type { Services } from '../services.js';
import { bundleForNewCase, calendarFor } from './bundles.js';
import { caseNumber, implementationCode } from './case-number.js';
import { checkCounterApplicant, counterApplicantId, saveCounterApplicant, type CounterApplicant } from './counter-applicant.js';
import { checkLine, identify, importedCase, parseLine, type CheckedLine, type ImportLine } from './import-case-line.js';
import { storedImports } from './import-stored.js';
import { newVerificationCode } from './verification-code.js';

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
}

export interface ImportCasesResult {
  lines: number;
  imported: number;
  /** Lines whose case an earlier run of the same file stored already. */
  alreadyImported: number;
  /** New offline applicant accounts created. */
  newApplicants: number;
}

/** At most this many problems are listed; the message gives the total. */
export const MAX_LISTED_PROBLEMS = 1000;

/** What pass 1 learned and pass 2 uses. */
interface ImportPlan {
  bundles: Map<string, Bundle | undefined>;
  /** By name and phone as checked (trimmed, canonical). */
  applicants: Map<string, { id: string; isNew: boolean; who: CounterApplicant }>;
  /** Applicant ids by name and phone as the lines give them. */
  applicantIds: Map<string, string>;
  assignees: Map<string, string | undefined>;
  skipped: Set<number>;
}

const applicantKey = (who: CounterApplicant) => `${who.name}\u0000${who.phone}`;

async function* lines(file: string): AsyncGenerator<{ text: string; line: number }> {
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

async function bundleOf(services: Services, plan: ImportPlan, platformId: string, itemId: string): Promise<Bundle | undefined> {
  if (!plan.bundles.has(itemId)) {
    const bundle = await bundleForNewCase(services, platformId, itemId).catch((error: unknown) => {
      if (error instanceof Failure) return undefined;
      throw error;
    });
    plan.bundles.set(itemId, bundle);
  }
  return plan.bundles.get(itemId);
}

/** Checks one line that needs no database beyond the cached bundles and people. */
async function checkOne(services: Services, plan: ImportPlan, input: { text: string; line: number; platformId: string; now: string }) {
  const { line } = input;
  const parsed = parseLine(input.text, line);
  if (!parsed.value) return { problems: parsed.problems };
  const value: ImportLine = parsed.value;
  const bundle = await bundleOf(services, plan, input.platformId, value.itemId);
  const { checked, problems } = checkLine({ ...input, value, bundle });
  try {
    const raw = applicantKey(value.applicant);
    if (!plan.applicantIds.has(raw)) {
      const who = checkCounterApplicant(value.applicant, input.now.slice(0, 10));
      const key = applicantKey(who);
      if (!plan.applicants.has(key)) plan.applicants.set(key, { ...(await counterApplicantId(services, input.platformId, who)), who });
      plan.applicantIds.set(raw, plan.applicants.get(key)!.id);
    }
  } catch (error) {
    if (!(error instanceof Failure)) throw error;
    problems.push(...error.problems.map((p) => ({ ...p, path: `/line/${line}${p.path}` })));
  }
  if (value.assignee !== undefined) {
    if (!plan.assignees.has(value.assignee)) {
      const user = await findUserByUsername(services.db.knex, value.assignee);
      plan.assignees.set(value.assignee, user && user.platformId === input.platformId && !user.isDisabled && user.roles.includes('staff') ? user.id : undefined);
    }
    if (plan.assignees.get(value.assignee) === undefined) {
      problems.push({ path: `/line/${line}/assignee`, code: 'import.assignee-unknown', message: `Line ${line}: "${value.assignee}" is not an enabled staff member of this platform.` });
    }
  }
  return { checked: problems.length === 0 ? checked : undefined, problems };
}

/** Pass 1: every problem of the file (the first MAX_LISTED_PROBLEMS listed) and the plan for pass 2. */
async function checkFile(services: Services, input: ImportCasesInput, now: string): Promise<{ plan: ImportPlan; lines: number; problems: Problem[]; total: number }> {
  const plan: ImportPlan = { bundles: new Map(), applicants: new Map(), applicantIds: new Map(), assignees: new Map(), skipped: new Set() };
  const problems: Problem[] = [];
  let total = 0;
  let count = 0;
  const add = (found: Problem[]) => {
    total += found.length;
    problems.push(...found.slice(0, Math.max(0, MAX_LISTED_PROBLEMS - problems.length)));
  };
  const firstLineOf = new Map<string, number>();
  for await (const batch of batchesOf(lines(input.file), input.batchSize ?? 5000)) {
    const checked: CheckedLine[] = [];
    for (const { text, line } of batch) {
      const result = await checkOne(services, plan, { text, line, platformId: input.platformId, now });
      add(result.problems);
      if (!result.checked) continue;
      const earlier = firstLineOf.get(result.checked.caseId);
      if (earlier === undefined) {
        firstLineOf.set(result.checked.caseId, line);
        checked.push(result.checked);
      } else {
        const field = result.checked.value.number === undefined ? '' : '/number';
        add([{ path: `/line/${line}${field}`, code: 'import.duplicate-in-file', message: `Line ${line} repeats ${field ? `case number ${result.checked.value.number}` : 'the case'} of line ${earlier}; each case comes once.` }]);
      }
    }
    const stored = await storedImports(services.db.knex, checked);
    add(stored.problems);
    for (const line of stored.alreadyImported) plan.skipped.add(line);
    count = batch[batch.length - 1]!.line;
    input.onProgress?.({ phase: 'checked', lines: count });
  }
  return { plan, lines: count, problems, total };
}

/** Pass 2: the new applicants, then the cases in transactions of `batchSize`. */
async function writeFile(services: Services, input: ImportCasesInput, plan: ImportPlan, now: string): Promise<{ imported: number; newApplicants: number }> {
  const fresh = [...plan.applicants.values()].filter((a) => a.isNew);
  await services.db.transaction(async (tx) => {
    for (const a of fresh) await saveCounterApplicant(tx, { id: a.id, isNew: true, platformId: input.platformId, who: a.who, now });
  });
  let imported = 0;
  const source = basename(input.file);
  const calendars = new Map<Bundle, WorkingCalendar>();
  const calendarOf = (bundle: Bundle) => calendars.get(bundle) ?? calendars.set(bundle, calendarFor(services, bundle.platform)).get(bundle)!;
  for await (const batch of batchesOf(lines(input.file), input.batchSize ?? 5000)) {
    await services.db.transaction(async (tx) => {
      const cases: NewCase[] = [];
      for (const { text, line } of batch) {
        if (plan.skipped.has(line)) continue;
        const value = JSON.parse(text) as ImportLine;
        const bundle = plan.bundles.get(value.itemId) as Bundle;
        const checked = identify({ value, line, text, platformId: input.platformId, bundle });
        const number = value.number ?? (await drawNumber(services, tx, { bundle, submittedAt: value.submittedAt }));
        const applicantId = plan.applicantIds.get(applicantKey(value.applicant)) as string;
        const assigneeId = value.assignee === undefined ? undefined : plan.assignees.get(value.assignee);
        cases.push(importedCase(checked, { bundle, calendar: calendarOf(bundle), platformId: input.platformId, number, applicantId, ...(assigneeId ? { assigneeId } : {}), verificationCode: newVerificationCode(), by: input.by, source, now }));
      }
      await insertCases(tx, cases);
      imported += cases.length;
    });
    input.onProgress?.({ phase: 'written', lines: batch[batch.length - 1]!.line });
  }
  return { imported, newApplicants: fresh.length };
}

/** A new case number in the platform's layout, on the day the case was submitted. */
async function drawNumber(services: Services, tx: Parameters<typeof nextCaseSequence>[0], input: { bundle: Bundle; submittedAt: string }): Promise<string> {
  const code = implementationCode(input.bundle.item, input.bundle.platform);
  const day = calendarFor(services, input.bundle.platform).dateOf(new Date(input.submittedAt).toISOString());
  return caseNumber({ code, day, sequence: await nextCaseSequence(tx, code, day) });
}

/**
 * Imports the case register in `file` into the platform: all lines or, on any problem, none
 * (a Failure `import.file-invalid` listing each problem at `/line/N/field`).
 *
 * @example const result = await importCases(services, { platformId: 'mianyang', file: 'register.ndjson', by: 'cli' });
 */
export async function importCases(services: Services, input: ImportCasesInput): Promise<ImportCasesResult> {
  const now = services.now().toISOString();
  const checked = await checkFile(services, input, now);
  if (checked.total > 0) {
    const more = checked.total > checked.problems.length ? ` (the first ${checked.problems.length} are listed)` : '';
    throw new Failure('import.file-invalid', `Nothing was imported: ${basename(input.file)} has ${checked.total} problem(s)${more}; each names its line and field.`, checked.problems);
  }
  const written = await writeFile(services, input, checked.plan, now);
  return { lines: checked.lines, imported: written.imported, alreadyImported: checked.plan.skipped.size, newApplicants: written.newApplicants };
}
