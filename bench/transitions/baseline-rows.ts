/**
 * The rows a baseline writes for one transition, as plain column objects every driver can
 * insert: the case row (inserted on start, updated after), the transition's events and its
 * outbox rows, with payloads copied from the engine's rows of this run.
 */
import { randomUUID } from 'node:crypto';
import type { Phase, WritePayload, WriteShape } from './write-plan.js';

/** The platform baseline cases belong to (inserted once per baseline database). */
export const baselinePlatformId = 'bench-baseline';

/** The same fixed instant the engine side runs at. */
export const baselineNow = '2026-09-21T01:00:00.000Z';

/** One transition of one baseline case. */
export interface BaselineOp {
  phase: Phase;
  caseId: string;
  number: string;
  /** The case version before the transition (0 on start). */
  version: number;
  /** Sequence number of the transition's first event. */
  firstSeq: number;
  shape: WriteShape;
}

/** The case row's values: every column on start, the changed ones (plus the guard) after. */
export interface CaseRow {
  id: string;
  platform_id: string;
  number: string;
  item_id: string;
  item_version: number;
  applicant_id: string;
  step: string;
  status: string;
  version: number;
  body: string;
  created_at: string;
  updated_at: string;
}

export interface BaselineRows {
  caseRow: CaseRow;
  events: Array<Record<string, string | number>>;
  outbox: Array<Record<string, string | number>>;
}

const afterPhase: Record<Phase, { step: string; status: string }> = {
  start: { step: 'supplement', status: 'open' },
  resubmit: { step: 'supplement', status: 'open' },
  withdraw: { step: 'withdrawn', status: 'withdrawn' },
};

function pick<T>(list: T[], index: number): T {
  const item = list[index % Math.max(1, list.length)];
  if (item === undefined) throw new Error('The engine wrote no sample row to copy; run the engine side first.');
  return item;
}

/** The rows `op` writes. */
export function baselineRows(op: BaselineOp, payload: WritePayload): BaselineRows {
  const caseRow: CaseRow = {
    id: op.caseId,
    platform_id: baselinePlatformId,
    number: op.number,
    item_id: 'bench-item',
    item_version: 1,
    applicant_id: 'bench-applicant',
    ...afterPhase[op.phase],
    version: op.version + 1,
    body: payload.caseBody,
    created_at: baselineNow,
    updated_at: baselineNow,
  };
  const events = Array.from({ length: op.shape.events }, (_, i) => {
    const sample = pick(payload.events, op.firstSeq - 1 + i);
    return { id: randomUUID(), case_id: op.caseId, seq: op.firstSeq + i, type: sample.type, actor_id: 'bench-applicant', data: sample.data, at: baselineNow };
  });
  const noticeId = randomUUID();
  const outbox = Array.from({ length: op.shape.outbox }, (_, i) => {
    const sample = pick(payload.notices, i);
    return {
      id: randomUUID(),
      platform_id: baselinePlatformId,
      case_id: op.caseId,
      notice_id: noticeId,
      channel: sample.channel,
      recipient_user_id: 'bench-applicant',
      recipient_address: '13800138000',
      template_id: sample.templateId,
      purpose: sample.purpose,
      subject: sample.subject,
      body: sample.body,
      format: sample.format,
      status: 'pending',
      attempts: 0,
      next_attempt_at: baselineNow,
      created_at: baselineNow,
    };
  });
  return { caseRow, events, outbox };
}
