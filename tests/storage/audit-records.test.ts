/**
 * The audit trail's storage on a real SQLite file and the real PostgreSQL: one hash chain
 * however many handles append at once (E3), the database refusing changes (E2), and the
 * verifier naming the first record an offline attacker broke (E3).
 */
import { expect } from 'chai';
import { appendAuditRecord, auditBody, auditHash, GENESIS_HASH, listAuditRecords, readChainHead } from '../../storage/audit-records.js';
import { canonicalJson } from '../../storage/canonical-json.js';
import { verifyAuditChain } from '../../server/operations/audit-verify.js';
import { forEachDatabase, type DatabaseTarget, type TestStore } from '../support/databases.js';
import { appendSamples, dropAuditTriggers, flipDetailByte, insertForged, sampleEntry, swapContents } from './audit-tamper.js';

/** A fresh store per test, closed afterwards. */
function freshStores(target: DatabaseTarget): () => Promise<TestStore> {
  const opened: TestStore[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.dispose()));
  });
  return async () => {
    const store = await target.createStore();
    opened.push(store);
    return store;
  };
}

const refusal = (work: Promise<unknown>) => work.then(() => 'done', (error: unknown) => String(error));

forEachDatabase('audit records', (target) => {
  const newStore = freshStores(target);

  describe('appending', () => {
    it('given three appends, when read back, then they are numbered 1..3, each linked to the one before and hashing to its stored hash', async () => {
      const { db } = await newStore();
      for (const n of [1, 2, 3]) await appendAuditRecord(db, sampleEntry(n));
      const records = (await listAuditRecords(db.knex, { platformIds: ['mianyang', 'sichuan-province'], limit: 10 })).reverse();
      expect(records.map((r) => r.seq)).to.deep.equal([1, 2, 3]);
      expect(records[0]?.prevHash).to.equal(GENESIS_HASH);
      for (const [i, record] of records.entries()) {
        if (i > 0) expect(record.prevHash).to.equal(records[i - 1]?.hash);
        expect(auditHash(record.prevHash, record)).to.equal(record.hash);
      }
      expect(records[1]).to.deep.include({ ...sampleEntry(2), seq: 2 });
      expect(await readChainHead(db.knex)).to.deep.equal({ seq: 3, hash: records[2]?.hash });
    });

    it('given records with and without nulls, odd text and nested detail, when serialized for hashing, then the text is exactly their canonical JSON', () => {
      const odd = sampleEntry(7, { platformId: null, userId: null, sourceIp: null, roles: [], detail: { z: [1, { b: 'é"\\n', a: null }], a: true, '中': 1.5 } });
      for (const entry of [sampleEntry(1), odd]) {
        const { seq, at, platformId, userId, roles, action, objectId, result, status, sourceIp, requestId, detail } = { ...entry, seq: 3 };
        expect(auditBody({ ...entry, seq: 3 })).to.equal(canonicalJson({ seq, at, platformId, userId, roles, action, objectId, result, status, sourceIp, requestId, detail }));
      }
    });

    it('given odd text (non-ASCII, quotes, a detail holding seq and sourceIp keys), when appended, then the stored hash is the one the verifier computes', async () => {
      const { db } = await newStore();
      const odd = sampleEntry(5, { platformId: null, sourceIp: null, detail: { seq: 0, sourceIp: '"seq":0,', note: '张三 é"\\n 🙂' }, objectId: { caseId: 'a"b' } });
      const stored = await appendAuditRecord(db, odd);
      expect(stored.hash).to.equal(auditHash(GENESIS_HASH, { ...odd, seq: 1 }));
      await appendAuditRecord(db, sampleEntry(6));
      expect((await verifyAuditChain(db.knex)).firstBreak).to.equal(undefined);
    });

    it('given two database handles (two server processes), when each appends 40 records at once, then the chain has 80 records without a fork or gap and verifies', async () => {
      const store = await newStore();
      const second = await store.openAnother();
      await Promise.all(Array.from({ length: 80 }, (_, i) => appendAuditRecord(i % 2 === 0 ? store.db : second, sampleEntry(i + 1))));
      const verification = await verifyAuditChain(store.db.knex);
      expect(verification.firstBreak).to.equal(undefined);
      expect(verification.count).to.equal(80);
      const requestIds = (await store.db.knex('audit_records').pluck('request_id')) as string[];
      expect(new Set(requestIds).size).to.equal(80);
    });

    it('given records of two platforms, when one platform reads with filters and pages, then it gets only its own, newest first, page after page', async () => {
      const { db } = await newStore();
      await appendSamples(db, 12);
      const first = await listAuditRecords(db.knex, { platformIds: ['mianyang'], limit: 4 });
      expect(first.map((r) => r.seq)).to.deep.equal([12, 10, 8, 6]);
      const next = await listAuditRecords(db.knex, { platformIds: ['mianyang'], limit: 4, beforeSeq: 6 });
      expect(next.map((r) => r.seq)).to.deep.equal([4, 2]);
      const failures = await listAuditRecords(db.knex, { platformIds: ['mianyang'], result: 'failure', limit: 10 });
      expect(failures.map((r) => r.seq)).to.deep.equal([10]);
      const window = await listAuditRecords(db.knex, { platformIds: ['mianyang'], from: sampleEntry(4).at, to: sampleEntry(8).at, userId: 'user-1', limit: 10 });
      expect(window.map((r) => r.seq)).to.deep.equal([4]);
    });
  });

  describe('E2: the application cannot change the trail', () => {
    it('given stored records, when the app\'s own connection updates, deletes or truncates them, then the database refuses and every row stays', async () => {
      const { db } = await newStore();
      await appendSamples(db, 3);
      const before = await db.knex('audit_records').orderBy('seq');
      const attempts = [
        db.knex('audit_records').where({ seq: 2 }).update({ result: 'success', detail: '{}' }),
        db.knex('audit_records').where({ seq: 3 }).delete(),
        db.knex('audit_records').delete(),
        db.knex.raw(db.dialect === 'postgres' ? 'TRUNCATE audit_records' : 'DELETE FROM audit_records'),
        db.knex('audit_chain_head').delete(),
        db.knex('audit_chain_head').update({ seq: 1, hash: GENESIS_HASH }),
      ];
      for (const attempt of attempts) expect(await refusal(attempt)).to.match(/audit\.append-only/);
      expect(await db.knex('audit_records').orderBy('seq')).to.deep.equal(before);
      expect((await verifyAuditChain(db.knex)).count).to.equal(3);
    });
  });

  describe('E3: the verifier after an offline attacker', () => {
    async function attacked(count = 10) {
      const { db } = await newStore();
      await appendSamples(db, count);
      expect((await verifyAuditChain(db.knex)).firstBreak, 'intact before the attack').to.equal(undefined);
      await dropAuditTriggers(db.knex);
      return db;
    }

    it('given one character changed in record 4\'s detail, when verified, then record 4 is named: its hash does not match', async () => {
      const db = await attacked();
      await flipDetailByte(db.knex, 4);
      const { firstBreak, count } = await verifyAuditChain(db.knex);
      expect(firstBreak).to.include({ seq: 4, kind: 'hash-mismatch' });
      expect(count).to.equal(3);
    });

    it('given record 6 deleted, when verified, then record 6 is named missing (a gap)', async () => {
      const db = await attacked();
      await db.knex('audit_records').where({ seq: 6 }).delete();
      expect((await verifyAuditChain(db.knex)).firstBreak).to.include({ seq: 6, kind: 'gap' });
    });

    it('given the last two records deleted, when verified, then record 9 is named missing: the head still names 10', async () => {
      const db = await attacked();
      await db.knex('audit_records').where('seq', '>', 8).delete();
      expect((await verifyAuditChain(db.knex)).firstBreak).to.include({ seq: 9, kind: 'gap' });
    });

    it('given the contents of records 3 and 7 swapped, when verified, then record 3 is named out of order', async () => {
      const db = await attacked();
      await swapContents(db.knex, 3, 7);
      expect((await verifyAuditChain(db.knex)).firstBreak).to.include({ seq: 3, kind: 'out-of-order' });
    });

    it('given a forged record appended with a correct hash but without moving the head, when verified, then record 11 is named inserted', async () => {
      const db = await attacked();
      await insertForged(db.knex, 11);
      const { firstBreak, count } = await verifyAuditChain(db.knex);
      expect(firstBreak).to.include({ seq: 11, kind: 'inserted' });
      expect(count).to.equal(10);
    });

    it('given a forged record whose hash was made up, appended with the head moved, when verified, then it is named: its hash does not match', async () => {
      const db = await attacked();
      const last = await db.knex('audit_records').where({ seq: 10 }).first();
      await db.knex('audit_records').insert({ ...last, ...jsonColumns(last), seq: 11, request_id: 'forged', prev_hash: last.hash, hash: 'f'.repeat(64) });
      await db.knex('audit_chain_head').update({ seq: 11, hash: 'f'.repeat(64) });
      expect((await verifyAuditChain(db.knex)).firstBreak).to.include({ seq: 11, kind: 'hash-mismatch' });
    });
  });
});

/** pg hands jsonb back parsed; writing it back needs JSON text. */
function jsonColumns(row: Record<string, unknown>): Record<string, string> {
  const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
  return { roles: text(row.roles), object_id: text(row.object_id), detail: text(row.detail) };
}
