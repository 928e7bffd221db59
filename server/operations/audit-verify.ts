/**
 * Verifies the audit trail's hash chain (storage/audit-records.ts) from the first record to the
 * chain head and names the first broken record: what `ipsp audit verify` runs.
 *
 * @example
 * const { count, firstBreak } = await verifyAuditChain(services.db.knex);
 * if (firstBreak) console.error(`record ${firstBreak.seq}: ${firstBreak.message}`);
 */
import type { Knex } from 'knex';
import { auditHash, auditPage, GENESIS_HASH, readChainHead, UnreadableAuditRow, type AuditRecord, type ChainHead } from '../../storage/audit-records.js';

/**
 * How the chain breaks at a record:
 * - `hash-mismatch`: its contents no longer give its stored hash (changed in place, or unreadable);
 * - `gap`: the record with this number is missing (deleted);
 * - `out-of-order`: it does not link to the record before it (rows moved or swapped);
 * - `inserted`: it lies beyond the chain head, which every append moves (forged).
 */
export type BreakKind = 'hash-mismatch' | 'gap' | 'out-of-order' | 'inserted';

export interface ChainBreak {
  seq: number;
  kind: BreakKind;
  message: string;
}

export interface Verification {
  /** Records checked and found linked, up to the first break. */
  count: number;
  head: ChainHead;
  firstBreak?: ChainBreak;
}

const short = (hash: string) => hash.slice(0, 12);

/** The break at `record` given the expected sequence number and previous hash, if any. */
function breakAt(record: AuditRecord, expected: { seq: number; prevHash: string; head: ChainHead }): ChainBreak | undefined {
  const { seq } = record;
  if (seq > expected.head.seq) {
    return { seq, kind: 'inserted', message: `记录 ${seq} 在链头（${expected.head.seq}）之后，是插入的。Record ${seq} lies beyond the chain head (${expected.head.seq}): inserted.` };
  }
  if (seq !== expected.seq) {
    const missing = seq - 1 === expected.seq ? `${expected.seq}` : `${expected.seq}–${seq - 1}`;
    return { seq: expected.seq, kind: 'gap', message: `记录 ${missing} 缺失（已被删除）。Record ${missing} is missing (deleted); the chain resumes at ${seq}.` };
  }
  if (record.prevHash !== expected.prevHash) {
    return {
      seq,
      kind: 'out-of-order',
      message: `记录 ${seq} 未链接到记录 ${seq - 1}（顺序被改动）。Record ${seq} does not link to record ${seq - 1}: its previous hash ${short(record.prevHash)}… is not ${short(expected.prevHash)}… (rows moved, swapped or inserted).`,
    };
  }
  const actual = auditHash(record.prevHash, record);
  if (actual !== record.hash) {
    return { seq, kind: 'hash-mismatch', message: `记录 ${seq} 的内容已被修改（哈希不符）。Record ${seq} was changed: its contents hash to ${short(actual)}…, not the stored ${short(record.hash)}….` };
  }
  return undefined;
}

/** The break at the end: the head names records that are not there, or another last hash. */
function breakAtEnd(count: number, lastHash: string, head: ChainHead): ChainBreak | undefined {
  if (count < head.seq) {
    const missing = count + 1 === head.seq ? `${head.seq}` : `${count + 1}–${head.seq}`;
    return { seq: count + 1, kind: 'gap', message: `记录 ${missing} 缺失（链尾被删除）。Record ${missing} is missing: the chain head names ${head.seq} records (deleted from the end).` };
  }
  if (lastHash !== head.hash) {
    return { seq: head.seq, kind: 'hash-mismatch', message: `链头的哈希与记录 ${head.seq} 不符。The chain head's hash ${short(head.hash)}… is not record ${head.seq}'s ${short(lastHash)}….` };
  }
  return undefined;
}

/** Walks the chain in pages of `pageSize` and stops at the first broken record. */
export async function verifyAuditChain(db: Knex, options: { pageSize?: number; onProgress?: (checked: number) => void } = {}): Promise<Verification> {
  const pageSize = options.pageSize ?? 5000;
  const head = await readChainHead(db);
  let count = 0;
  let prevHash = GENESIS_HASH;
  let afterSeq = 0;
  for (;;) {
    const page = await auditPage(db, { afterSeq, limit: pageSize });
    for (const item of page) {
      if (item instanceof UnreadableAuditRow) {
        return { count, head, firstBreak: { seq: item.seq, kind: 'hash-mismatch', message: `记录 ${item.seq} 无法读取（已被修改）。${item.message}` } };
      }
      const firstBreak = breakAt(item, { seq: count + 1, prevHash, head });
      if (firstBreak) return { count, head, firstBreak };
      count += 1;
      prevHash = item.hash;
      afterSeq = item.seq;
    }
    options.onProgress?.(count);
    if (page.length < pageSize) break;
  }
  const firstBreak = breakAtEnd(count, prevHash, head);
  return firstBreak ? { count, head, firstBreak } : { count, head };
}
