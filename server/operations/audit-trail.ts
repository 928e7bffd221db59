/**
 * Reading the audit trail: an auditor reads its own platform's records, the province admin the
 * province platform's; newest first, narrowed by time, user, action and result, in keyset pages.
 * Records without a platform (callers without a session, unknown usernames) are not served here.
 */
import type { Actor } from '../../engine/runtime/case.js';
import { listAuditRecords, type AuditRecord } from '../../storage/audit-records.js';
import { Failure } from '../http/failure.js';
import type { Services } from '../services.js';

export interface AuditQuery {
  from?: string;
  to?: string;
  userId?: string;
  action?: string;
  result?: string;
  before?: string;
  limit?: string;
}

const invalid = (name: string, rule: string) =>
  new Failure('request.query-invalid', `查询参数 ${name} 无效：${rule}。Query parameter "${name}" is invalid: ${rule}.`, [
    { code: 'request.query-invalid', path: `/${name}`, message: `${name}: ${rule}` },
  ]);

function instantOf(name: string, value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw invalid(name, 'give an ISO 8601 instant with offset, e.g. 2026-09-21T09:00:00+08:00');
  }
  return new Date(value).toISOString();
}

function wholeNumber(name: string, value: string | undefined, range: { min: number; max: number }): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < range.min || n > range.max) throw invalid(name, `give a whole number from ${range.min} to ${range.max}`);
  return n;
}

/** One page of the caller's trail and the cursor of the next (older) page. */
export async function readAuditTrail(services: Services, actor: Actor, query: AuditQuery): Promise<{ records: AuditRecord[]; next: number | null }> {
  if (query.result !== undefined && query.result !== 'success' && query.result !== 'failure') throw invalid('result', 'give success or failure');
  const limit = wholeNumber('limit', query.limit, { min: 1, max: 200 }) ?? 50;
  const from = instantOf('from', query.from);
  const to = instantOf('to', query.to);
  const beforeSeq = wholeNumber('before', query.before, { min: 1, max: Number.MAX_SAFE_INTEGER });
  const records = await listAuditRecords(services.db.knex, {
    platformIds: [actor.platformId],
    limit,
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(query.userId ? { userId: query.userId } : {}),
    ...(query.action ? { action: query.action } : {}),
    ...(query.result ? { result: query.result as AuditRecord['result'] } : {}),
    ...(beforeSeq ? { beforeSeq } : {}),
  });
  return { records, next: records.length === limit ? (records.at(-1)?.seq ?? null) : null };
}
