/**
 * The per-line work of a case-register import that needs no database: checking a line (pass 1)
 * and building the rows of a checked one (pass 2: the case, its `case.imported` event, personal
 * data sealed). It depends only on plain data handed over once (the platform's bundles, its
 * calendar, the keys), so the same functions run in the main thread for small files and in
 * worker threads for large ones (import-lanes.ts), where both cores check, and build while the
 * main thread writes the batch before.
 */
import { createWorkingCalendar, type WorkingCalendarOptions } from '../../engine/calendar/index.js';
import type { Bundle } from '../../engine/runtime/bundle.js';
import type { Problem } from '../../engine/problem.js';
import { newCaseRows, type NewCase, type NewCaseRows } from '../../storage/cases.js';
import type { PersonalDataKeyring } from '../../storage/personal-data/keyring.js';
import { implementationCode } from './case-number.js';
import type { CounterApplicant } from './counter-applicant.js';
import { checkLine, identify, importedCase, parseLine, type ImportLine } from './import-case-line.js';
import { newVerificationCode } from './verification-code.js';

/** What every line of one import is checked and built against: plain data, cloned into each worker. */
export interface ImportSetup {
  platformId: string;
  /** The import's clock: no date may lie after it; recorded on each `case.imported` event. */
  now: string;
  /** Who imports, and the file's name: recorded on each `case.imported` event. */
  by: string;
  source: string;
  /** Each service item the platform sees, by id: its bundle, or null when it does not resolve. */
  bundles: Record<string, Bundle | null>;
  /** The platform's working-day calendar, as data: the handling time of ended cases is counted on it. */
  calendar: WorkingCalendarOptions;
}

/** A line of the file as read: its text and its number (1-based, blank lines counted). */
export interface LineText {
  text: string;
  line: number;
}

/** Pass 1's answer for a line: its problems, who it names and, when its own checks passed, its identity. */
export interface LineVerdict {
  line: number;
  problems: Problem[];
  /** The applicant and assignee as the line gives them (when it parsed), checked by the main thread against the database. */
  people?: { applicant: CounterApplicant; assignee?: string };
  /** The id, digest and number of a line without problems of its own. */
  identity?: { caseId: string; digest: string; number?: string };
}

/** Whom pass 1 resolved the lines' people to. */
export interface ImportPeople {
  /** Applicant ids by {@link applicantKey} of the applicant as the lines give them. */
  applicantIds: Map<string, string>;
  /** User ids of the assignees by username. */
  assigneeIds: Map<string, string>;
}

/** A line without a number: the main thread draws one in the write transaction and builds it then. */
export interface UnnumberedLine extends LineText {
  /** The item's implementation code and the local day it was submitted on: the sequence the number is drawn from. */
  code: string;
  day: string;
}

/** Pass 2's answer for a batch: the rows of its numbered lines, and the lines still needing a number. */
export interface BuiltBatch {
  rows: NewCaseRows;
  unnumbered: UnnumberedLine[];
}

/** The key applicants are resolved by: name and phone as given. */
export const applicantKey = (who: CounterApplicant): string => `${who.name}\u0000${who.phone}`;

/** The work of one import, for one thread: check and build batches of lines. */
export interface ImportWork {
  check(batch: LineText[]): LineVerdict[];
  /** Lines are built for `people` (from pass 1), drawn numbers taken from `numbers` by line. */
  build(batch: LineText[], people: ImportPeople, numbers?: ReadonlyMap<number, string>): BuiltBatch;
}

/**
 * The import's work with its calendar built once.
 *
 * @example const work = importWork(setup, keyring); work.check([{ text, line: 1 }])
 */
export function importWork(setup: ImportSetup, keyring: PersonalDataKeyring): ImportWork {
  const calendar = createWorkingCalendar(setup.calendar);
  const bundleOf = (itemId: string): Bundle | undefined => (Object.hasOwn(setup.bundles, itemId) ? setup.bundles[itemId] ?? undefined : undefined);

  const checkOne = ({ text, line }: LineText): LineVerdict => {
    const parsed = parseLine(text, line);
    if (!parsed.value) return { line, problems: parsed.problems };
    const value = parsed.value;
    const { checked, problems } = checkLine({ value, line, text, platformId: setup.platformId, bundle: bundleOf(value.itemId), now: setup.now });
    const people = { applicant: value.applicant, ...(value.assignee === undefined ? {} : { assignee: value.assignee }) };
    const identity = checked ? { caseId: checked.caseId, digest: checked.digest, ...(value.number === undefined ? {} : { number: value.number }) } : undefined;
    return { line, problems, people, ...(identity ? { identity } : {}) };
  };

  const build = (batch: LineText[], people: ImportPeople, numbers?: ReadonlyMap<number, string>): BuiltBatch => {
    const cases: NewCase[] = [];
    const unnumbered: UnnumberedLine[] = [];
    for (const { text, line } of batch) {
      const value = JSON.parse(text) as ImportLine;
      const bundle = bundleOf(value.itemId) as Bundle;
      const number = value.number ?? numbers?.get(line);
      if (number === undefined) {
        unnumbered.push({ text, line, code: implementationCode(bundle.item, bundle.platform), day: calendar.dateOf(new Date(value.submittedAt).toISOString()) });
        continue;
      }
      const checked = identify({ value, line, text, platformId: setup.platformId, bundle });
      const applicantId = people.applicantIds.get(applicantKey(value.applicant)) as string;
      const assigneeId = value.assignee === undefined ? undefined : people.assigneeIds.get(value.assignee);
      cases.push(importedCase(checked, { bundle, calendar, platformId: setup.platformId, number, applicantId, ...(assigneeId ? { assigneeId } : {}), verificationCode: newVerificationCode(), by: setup.by, source: setup.source, now: setup.now }));
    }
    return { rows: newCaseRows(keyring, cases), unnumbered };
  };

  return { check: (batch) => batch.map(checkOne), build };
}
