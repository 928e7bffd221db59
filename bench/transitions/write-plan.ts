/**
 * What the baselines write: per transition, the same number of event and outbox rows the engine
 * wrote in this run, with payloads copied from the engine's own rows, so a ratio compares the
 * same rows and bytes and differs only in what happens around them.
 */
import type { Knex } from 'knex';
import { readJson } from '../../storage/columns.js';

/** The transitions measured, in the order every case goes through them. */
export const phases = ['start', 'resubmit', 'withdraw'] as const;
export type Phase = (typeof phases)[number];

/** Rows one transition writes besides the case row (inserted on `start`, updated after). */
export interface WriteShape {
  events: number;
  outbox: number;
}

export interface SampleEvent {
  type: string;
  data: string;
}

export interface SampleNotice {
  channel: string;
  templateId: string;
  purpose: string;
  subject: string;
  body: string;
  format: string;
}

/** One real case's stored body, events and notices, to give baseline rows realistic sizes. */
export interface WritePayload {
  caseBody: string;
  events: SampleEvent[];
  notices: SampleNotice[];
}

/** Everything a baseline needs to write what the engine wrote. */
export interface WritePlan {
  size: number;
  shapes: Record<Phase, WriteShape>;
  payload: WritePayload;
}

/** Row counts of the tables a transition writes, to measure a phase by difference. */
export async function countRows(knex: Knex): Promise<WriteShape & { cases: number }> {
  const count = async (table: string) => Number((await knex(table).count({ n: '*' }).first())?.n ?? 0);
  return { cases: await count('cases'), events: await count('case_events'), outbox: await count('outbox') };
}

/** Rows per transition between two counts over `size` transitions (rounded: all cases take the same path). */
export function shapeBetween(before: WriteShape, after: WriteShape, size: number): WriteShape {
  return { events: Math.round((after.events - before.events) / size), outbox: Math.round((after.outbox - before.outbox) / size) };
}

/** The stored body, events and notices of one case, as the database holds them. */
export async function samplePayload(knex: Knex, caseId: string): Promise<WritePayload> {
  const row = await knex('cases').select('body').where({ id: caseId }).first();
  if (!row) throw new Error(`No case ${caseId} to sample a payload from.`);
  const events = await knex('case_events').select('type', 'data').where({ case_id: caseId }).orderBy('seq');
  const notices = await knex('outbox').select('channel', 'template_id', 'purpose', 'subject', 'body', 'format').where({ case_id: caseId });
  return {
    caseBody: JSON.stringify(readJson(knex, row.body)),
    events: events.map((e: Record<string, unknown>) => ({ type: String(e.type), data: JSON.stringify(readJson(knex, e.data)) })),
    notices: notices.map((n: Record<string, unknown>) => ({
      channel: String(n.channel),
      templateId: String(n.template_id),
      purpose: String(n.purpose),
      subject: String(n.subject),
      body: String(n.body),
      format: String(n.format),
    })),
  };
}
