/**
 * What goes into `decide` and what comes out. Commands are requests; events are facts for the
 * append-only timeline; outcomes are the work the runner must do in the same transaction
 * (queue a notice, schedule or cancel a timer, open a task).
 */
import type { Channel, Recipient } from '../kinds/workflow.js';
import type { Actor, Case, FileRef, Verdict } from './case.js';
import type { Problem } from '../problem.js';
import type { Bundle } from './bundle.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';

export type Command = CreateCommand | ActCommand | TimerCommand | AssignCommand;

/** Start a case: validate the form, record the files, enter the start step, then take `action` if given. */
export interface CreateCommand {
  type: 'create';
  caseId: string;
  number: string;
  data: Record<string, unknown>;
  files?: Record<string, FileRef[]>;
  /** The action to take at once in the start step (e.g. "submit"); absent keeps a draft. */
  action?: string;
  /**
   * Counter mode: the applicant the actor registers the case for. Absent: the actor applies
   * for themselves. The case records channel `counter` and the actor as `registeredBy`.
   */
  onBehalfOf?: string;
  /** The progress lookup code, made by the runner (the engine draws no random numbers). */
  verificationCode?: string;
  /** Paths (`/data/...`) whose soft rejects the actor confirmed; they become review flags. */
  confirmations?: string[];
}

/** Take a named action of the current step. */
export interface ActCommand {
  type: 'act';
  action: string;
  payload?: Record<string, unknown>;
  /** New files per material (supplement). */
  files?: Record<string, FileRef[]>;
  /** Staff verdicts per material. */
  verdicts?: Record<string, { status: Verdict; reason?: string }>;
  /** Replacement form data (supplement), validated again. */
  data?: Record<string, unknown>;
  /** Paths (`/data/...`) of the replacement whose soft rejects the actor confirmed. */
  confirmations?: string[];
}

/** Hand the case to another staff member (转办); the runner checks they are staff of the platform. */
export interface AssignCommand {
  type: 'assign';
  assigneeId: string;
}

/** A timer the worker found due: a clock's warning or its overdue moment. */
export interface TimerCommand {
  type: 'timer';
  timer: TimerSpec;
}

export interface TimerSpec {
  kind: 'warn' | 'overdue';
  clock: string;
  dueAt: string;
}

export interface DecideContext {
  /** The instant of the decision, ISO 8601; the engine never reads the wall clock. */
  now: string;
  actor: Actor;
  bundle: Bundle;
  calendar: WorkingCalendar;
  /** Fresh unique ids for tasks and notices. */
  newId: () => string;
  /** The applicant's contact details for notices; storage reads them from the account. */
  applicant?: { name?: string; phone?: string; email?: string };
}

export interface CaseEvent {
  /** `noun.verb`, e.g. case.created, case.acted, material.rejected, clock.started, case.overdue, case.urged. */
  type: string;
  at: string;
  actorId: string | null;
  data: Record<string, unknown>;
}

export type Outcome = NoticeOutcome | TimerScheduleOutcome | TimerCancelOutcome | TaskOpenOutcome;

export interface NoticeOutcome {
  type: 'notice';
  id: string;
  template: string;
  purpose: string;
  to: Recipient;
  channels: Channel[];
  subject: string;
  body: string;
  format: 'html' | 'text';
}

export interface TimerScheduleOutcome {
  type: 'timer.schedule';
  timer: TimerSpec;
}

export interface TimerCancelOutcome {
  type: 'timer.cancel';
  clock: string;
}

export interface TaskOpenOutcome {
  type: 'task.open';
  task: { id: string; kind: string; title: string; dueAt: string; to: Recipient };
}

export type Decision =
  | { ok: true; case: Case; events: CaseEvent[]; outcomes: Outcome[] }
  | { ok: false; problems: Problem[] };
