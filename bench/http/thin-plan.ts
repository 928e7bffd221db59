/**
 * What the thin baseline process writes and answers, learned from the real server's run on the
 * same requests: rows per transition, sample payloads, the answer bodies, and who acts.
 */
import type { Phase, WritePayload, WriteShape } from '../transitions/write-plan.js';

export interface ThinPlan {
  shapes: Record<Phase, WriteShape>;
  payload: WritePayload;
  /** The real server's answer body of each phase (JSON text), sent back with id and version set. */
  responses: Record<Phase, string>;
  actor: { id: string; platformId: string; roles: string[] };
}
