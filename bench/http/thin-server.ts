/**
 * The thin baseline of the HTTP benchmark, run as its own process: express + knex answering the
 * same requests as `ipsp serve` with the same writes and nothing else. Per transition it writes
 * what the real server wrote in this run (bench/http/http-bench.ts hands the plan over in the
 * file THIN_PLAN): the case row, its events and outbox rows, on start the case-number counter
 * and the Idempotency-Key record, in one transaction; then the audit record on the hash chain
 * through the product's own append, as the server makes it once the answer is known; then
 * the session's idle expiry moved. No session lookup, access check, validation or engine: only
 * the version guard. Answers the real server's answer body of that phase (id and version set).
 *
 * Environment: PORT, HOST, THIN_PLAN, and DATABASE_URL or SQLITE_FILE + SQLITE_SYNCHRONOUS.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import express, { type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { appendAuditRecord } from '../../storage/audit-records.js';
import { openDatabase } from '../../storage/database.js';
import { baselineRows, baselinePlatformId, baselineNow, type BaselineOp } from '../transitions/baseline-rows.js';
import type { Phase } from '../transitions/write-plan.js';
import type { ThinPlan } from './thin-plan.js';

const plan = JSON.parse(readFileSync(process.env.THIN_PLAN as string, 'utf8')) as ThinPlan;
const synchronous = process.env.SQLITE_SYNCHRONOUS === 'NORMAL' ? 'NORMAL' : 'FULL';
const db = await openDatabase(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { sqliteFile: process.env.SQLITE_FILE as string, synchronous });
const answers = Object.fromEntries(Object.entries(plan.responses).map(([phase, text]) => [phase, JSON.parse(text) as Record<string, unknown>])) as Record<Phase, Record<string, unknown>>;
/** Events before each phase's first: start writes seq 1…, resubmit continues after start's. */
const firstSeq: Record<Phase, number> = { start: 1, resubmit: 1 + plan.shapes.start.events, withdraw: 1 + plan.shapes.start.events + plan.shapes.resubmit.events };
let numbered = 0;

function cookieOf(req: Request, name: string): string {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, value] = part.split('=');
    if (key?.trim() === name) return (value ?? '').trim();
  }
  return '';
}

/**
 * The audit record on the chain, after the answer is known, through the product's own append
 * (storage/audit-records.ts): the same write the server makes, the same way, so the HTTP
 * comparison does not count a cheaper or dearer way of appending against either side.
 */
async function appendAudit(req: Request, status: number, action: string, objectId: Record<string, string>): Promise<void> {
  await appendAuditRecord(db, {
    at: new Date().toISOString(),
    platformId: plan.actor.platformId,
    userId: plan.actor.id,
    roles: plan.actor.roles,
    action,
    objectId,
    result: 'success',
    status,
    sourceIp: req.ip ?? null,
    requestId: randomUUID(),
    detail: {},
  });
}

/** Moves the session's idle expiry, as the server's rolling session does on every answer. */
async function touchSession(req: Request): Promise<void> {
  await db.knex('sessions').where({ sid: cookieOf(req, 'ipsp.sid') }).update({ expires_at: new Date(Date.now() + 15 * 60_000).toISOString() });
}

async function writeTransition(tx: Knex.Transaction, op: BaselineOp): Promise<void> {
  const rows = baselineRows(op, plan.payload);
  if (op.phase === 'start') {
    await tx('case_number_counters').insert({ code: baselinePlatformId, day: baselineNow.slice(0, 10), seq: 1 }).onConflict(['code', 'day']).merge({ seq: tx.raw('?? + 1', ['case_number_counters.seq']) });
    await tx('cases').insert(rows.caseRow);
  } else {
    const { step, status, version, body, updated_at } = rows.caseRow;
    const changed = await tx('cases').where({ id: op.caseId, version: op.version }).update({ step, status, version, body, updated_at });
    if (changed !== 1) throw Object.assign(new Error(`case ${op.caseId} is not at version ${op.version}`), { status: 409 });
  }
  if (rows.events.length > 0) await tx('case_events').insert(rows.events);
  if (rows.outbox.length > 0) await tx('outbox').insert(rows.outbox);
}

/** One transition: the writes, the audit record, the session touch, the answer. */
async function transition(req: Request, res: Response, phase: Phase, op: BaselineOp, status: number): Promise<void> {
  const answer = JSON.stringify({ ...answers[phase], id: op.caseId, version: op.version + 1 });
  await db.transaction(async (tx) => {
    await writeTransition(tx, op);
    if (phase === 'start') {
      await tx('idempotency_keys').insert({
        platform_id: plan.actor.platformId, user_id: plan.actor.id, key: String(req.headers['idempotency-key']), fingerprint: randomBytes(32).toString('hex'),
        request: 'POST /api/cases', resource_id: op.caseId, status, response: answer, created_at: new Date().toISOString(),
      });
    }
  });
  const params: Record<string, string> = phase === 'start' ? {} : { caseId: op.caseId, action: phase };
  await appendAudit(req, status, phase === 'start' ? 'POST /api/cases' : 'POST /api/cases/:caseId/actions/:action', params);
  await touchSession(req);
  res.status(status).type('application/json').send(answer);
}

const app = express();
app.use(express.json({ limit: '2mb' }));
app.get('/api/csrf', (_req, res) => {
  res.cookie('ipsp.csrf', randomBytes(32).toString('base64url'), { sameSite: 'strict' }).json({});
});
app.post('/api/session', (req, res, next) => {
  const sid = randomBytes(24).toString('base64url');
  const data = JSON.stringify({ cookie: {}, userId: plan.actor.id });
  db.knex('sessions')
    .insert({ sid, user_id: plan.actor.id, data, expires_at: new Date(Date.now() + 15 * 60_000).toISOString() })
    .then(() => res.cookie('ipsp.sid', sid, { httpOnly: true }).json({ id: plan.actor.id }), next);
});
app.post('/api/cases', (req, res, next) => {
  const op: BaselineOp = { phase: 'start', caseId: randomUUID(), number: `THIN${process.pid}-${++numbered}`, version: 0, firstSeq: 1, shape: plan.shapes.start };
  transition(req, res, 'start', op, 201).catch(next);
});
app.post('/api/cases/:caseId/actions/:action', (req, res, next) => {
  const phase = req.params.action as Phase;
  const op: BaselineOp = { phase, caseId: req.params.caseId as string, number: '', version: Number((req.body as { version: number }).version), firstSeq: firstSeq[phase], shape: plan.shapes[phase] };
  transition(req, res, phase, op, 200).catch(next);
});
app.use((error: { status?: number; message?: string }, _req: Request, res: Response, _next: () => void) => {
  res.status(error.status ?? 500).json({ message: error.message });
});
const server = app.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1', () => {
  // The line serveWith (tests/api/support/deployment-process.ts) waits for.
  console.log(`thin baseline standing in for: ipsp is serving on http://127.0.0.1:${process.env.PORT}`);
});
process.once('SIGTERM', () => {
  server.close();
  void db.close().then(() => process.exit(0));
});
