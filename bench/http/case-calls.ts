/**
 * The HTTP calls of one benchmark case, the same against the real server and the thin baseline:
 * start (POST /api/cases with a fresh Idempotency-Key, submitted at once), then the applicant's
 * actions resubmit and withdraw on the version last answered. Any other status than the
 * expected one stops the benchmark: a figure of failed requests would mean nothing.
 */
import { randomUUID } from 'node:crypto';
import { benchItemId } from '../transitions/engine-transitions.js';
import type { Phase } from '../transitions/write-plan.js';
import { consultationData } from '../../tests/fixtures/form-data.js';
import type { BenchAnswer, BenchClient } from './bench-client.js';

/** A case as the last answer left it. */
export interface CaseRef {
  id: string;
  version: number;
}

/** The demo applicant every benchmark client signs in as (server/cli/seed-demo.ts). */
export const benchUsername = 'zhangsan';

function expect(answer: BenchAnswer, status: number, what: string): CaseRef {
  const body = answer.body as { id?: unknown; version?: unknown } | undefined;
  if (answer.status !== status || typeof body?.id !== 'string' || typeof body.version !== 'number') {
    throw new Error(`${what} answered ${answer.status} (expected ${status}): ${answer.text.slice(0, 500)}`);
  }
  return { id: body.id, version: body.version };
}

/** Runs `phase` for one case (`ref` undefined on start); answers the case's new version and the raw answer. */
export async function callPhase(client: BenchClient, phase: Phase, ref: CaseRef | undefined): Promise<{ ref: CaseRef; answer: BenchAnswer }> {
  if (phase === 'start') {
    const answer = await client.send('POST', '/api/cases', { item: benchItemId, data: consultationData() }, { 'idempotency-key': `"${randomUUID()}"` });
    return { ref: expect(answer, 201, 'POST /api/cases'), answer };
  }
  if (!ref) throw new Error(`${phase} needs a started case.`);
  const answer = await client.send('POST', `/api/cases/${ref.id}/actions/${phase}`, { version: ref.version });
  return { ref: expect(answer, 200, `POST /api/cases/:id/actions/${phase}`), answer };
}
