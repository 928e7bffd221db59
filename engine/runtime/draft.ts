/**
 * The working state of one decision: a private copy of the case plus the events and outcomes
 * gathered so far. Every step of `decide` writes here; nothing outside the draft is mutated.
 */
import type { Case } from './case.js';
import type { CaseEvent, DecideContext, Outcome, TaskOpenOutcome } from './decision.js';

export interface Draft {
  /** A structured clone of the input case; the caller's object is never touched. */
  case: Case;
  events: CaseEvent[];
  outcomes: Outcome[];
  context: DecideContext;
  /** The payload of the command being decided, read by rules (`command.*`) and `set` effects. */
  payload: Record<string, unknown>;
  /** Who the events are attributed to; null for timers. */
  actorId: string | null;
  /** The task opened by this decision, for notices that mention it. */
  task?: TaskOpenOutcome['task'];
  /** Automatic moves taken so far, for the loop guard. */
  hops: number;
}

/** A draft over a copy of `caseState`. */
export function createDraft(args: {
  caseState: Case;
  context: DecideContext;
  payload?: Record<string, unknown>;
  actorId: string | null;
}): Draft {
  return {
    case: structuredClone(args.caseState),
    events: [],
    outcomes: [],
    context: args.context,
    payload: structuredClone(args.payload ?? {}),
    actorId: args.actorId,
    hops: 0,
  };
}

/** Appends an event stamped with the decision's instant and actor. */
export function record(draft: Draft, type: string, data: Record<string, unknown> = {}): void {
  draft.events.push({ type, at: draft.context.now, actorId: draft.actorId, data });
}
