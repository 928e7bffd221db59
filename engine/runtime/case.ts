/**
 * The case (办件) as the engine sees it: plain JSON, saved and reloaded as is.
 * Storage keeps it in a row with an optimistic `version`; the engine never mutates its input.
 */
import type { Limit, LimitUnit } from '../kinds/common.js';
import type { Role, Stage } from '../kinds/workflow.js';

/** Exact versions a case runs on; publishing new versions never changes them. */
export interface Pins {
  item: DefinitionRef;
  form: DefinitionRef;
  checklist: DefinitionRef;
  workflow: DefinitionRef;
  /** Template ids the case may render, pinned to the version current at creation. */
  templates: Record<string, number>;
}

export interface DefinitionRef {
  id: string;
  version: number;
}

/** A stored file offered for one material; the bytes live in file storage, never in case data. */
export interface FileRef {
  id: string;
  name: string;
  size: number;
  sha256: string;
  mediaType: string;
}

export type Verdict = 'ok' | 'deficient';

export interface MaterialState {
  files: FileRef[];
  /** Staff's verdict on what was supplied; absent until checked. */
  verdict?: { status: Verdict; reason?: string; by: string; at: string };
}

export interface Clock {
  limit: Limit;
  startedAt: string;
  dueAt: string;
  /** When the warning fires, if the step or clock asks for one. */
  warnAt?: string;
  status: 'running' | 'paused' | 'stopped';
  pausedAt?: string;
  /** When its warning fired; a re-fired warning timer is then ignored. */
  warnedAt?: string;
  /** When its overdue timer fired (示警); a re-fired overdue timer is then ignored. */
  overdueAt?: string;
}

/** How often and when a case entered a step; gives `case.returns` and the dates notices print. */
export interface StepVisit {
  count: number;
  firstAt: string;
  lastAt: string;
}

export type CaseStatus = 'open' | 'completed' | 'rejected' | 'withdrawn';

/** `online`: the applicant applied themselves; `counter`: staff registered it at the service window (窗口受理). */
export type CaseChannel = 'online' | 'counter';

export interface Case {
  id: string;
  number: string;
  platformId: string;
  applicantId: string;
  pins: Pins;
  step: string;
  status: CaseStatus;
  assigneeId?: string;
  /** The applicant's form data, validated against the pinned form. */
  data: Record<string, unknown>;
  materials: Record<string, MaterialState>;
  clocks: Record<string, Clock>;
  /** Values set by effects ({ "set": "result", "from": "command.result" }). */
  fields: Record<string, unknown>;
  /** Evaluations (好差评) given on the case, in order. */
  evaluations: Evaluation[];
  /** Entries per step name; absent on cases saved before it existed (read as none). */
  visits?: Record<string, StepVisit>;
  /** How the application came in; absent on cases saved before it existed (read as online). */
  channel?: CaseChannel;
  /** Who registered a counter application on the applicant's behalf. */
  registeredBy?: string;
  /** The code that, with the case number, opens the public progress lookup (查询码). */
  verificationCode?: string;
  /** Soft rejects in the data the applicant confirmed (e.g. a USCC failing its check), for staff to review. */
  reviewFlags?: ReviewFlag[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A value the form's policy would refuse, accepted because the actor confirmed it; staff review it. */
export interface ReviewFlag {
  /** JSON Pointer into the case (`/data/...`). */
  path: string;
  /** The soft reject's code, e.g. `identity.uscc-check`. */
  code: string;
  message: string;
  confirmedBy: string;
  at: string;
}

export interface Evaluation {
  level: 1 | 2 | 3 | 4 | 5;
  comment?: string;
  step: string;
  /** The stage of the step evaluated in (e.g. implement for 受理评价, supervise for 办结评价); absent on evaluations saved before it existed or in a step without a stage. */
  stage?: Stage;
  /** The indicators rated, by key, 1–5 (only those the action declares). */
  indicators?: Record<string, number>;
  at: string;
  by: string;
}

export interface Actor {
  id: string;
  roles: Role[];
  platformId: string;
  name?: string;
}

export type { Limit, LimitUnit };
