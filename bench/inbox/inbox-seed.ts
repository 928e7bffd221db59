/**
 * The inbox benchmark's data: a platform with `size` cases, made the way a long-running 绵阳
 * would have them. A handful of template cases go through the product path (startCase,
 * actOnCase: real bodies with clocks, materials, pins); the rest are copies of them, each with
 * its own id, number, applicant, dates and due times, spread over 2 000 applicants and 20 staff,
 * written straight through the driver (bench/inbox/bulk-cases.ts: a million cases in about a
 * minute, where `insertCases` would take several) and checked against `insertCases`. Most cases are finished, as on a real platform. Then the
 * planner's statistics are refreshed (ANALYZE; VACUUM ANALYZE on PostgreSQL).
 */
import { randomUUID } from 'node:crypto';
import type { Actor, Case } from '../../engine/runtime/case.js';
import { caseQueue } from '../../engine/runtime/queue.js';
import { bundleForCase } from '../../server/operations/bundles.js';
import { actOnCase, startCase } from '../../server/operations/cases.js';
import type { Services } from '../../server/services.js';
import { insertFile } from '../../storage/files.js';
import { insertUser } from '../../storage/users.js';
import { consultationData, pledgeData } from '../../tests/fixtures/form-data.js';
import { ROWS_PER_TRANSACTION, writeCaseRows, type CaseRow } from './bulk-cases.js';
import { caseRow, checkRowLikeProduct, copyOf, rowTemplate, type People, type RowTemplate } from './case-rows.js';

const zhangsan: Actor = { id: 'demo-zhangsan', roles: ['applicant'], platformId: 'mianyang', name: '张三' };
const staff1: Actor = { id: 'demo-staff1', roles: ['staff'], platformId: 'mianyang', name: '王敏' };

export const APPLICANTS = 2000;
export const STAFF = 20;
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗'];

/** Share of each kind of case on the platform (sums to 1). */
const MIX: Array<{ kind: TemplateKind; share: number }> = [
  { kind: 'done', share: 0.7 },
  { kind: 'inProgress', share: 0.15 },
  { kind: 'toAccept', share: 0.08 },
  { kind: 'returned', share: 0.04 },
  { kind: 'draft', share: 0.03 },
];

type TemplateKind = 'done' | 'inProgress' | 'toAccept' | 'returned' | 'draft';

/** The i-th benchmark applicant's name, e.g. 黄申请人1234. */
const applicantName = (i: number): string => `${SURNAMES[i % SURNAMES.length]}申请人${i}`;

export interface InboxSeed {
  size: number;
  /** Milliseconds the whole seeding took (templates, users, bulk inserts, ANALYZE). */
  seedMs: number;
  /** A staff member who has cases assigned (the benchmark reads as them). */
  staff: Actor;
  /** Texts that find some cases: part of a number, an applicant's name, an item's title. */
  searches: { number: string; applicant: string; item: string };
}

async function fileRefsFor(services: Services, keys: string[]): Promise<Record<string, string[]>> {
  const refs: Record<string, string[]> = {};
  for (const key of keys) {
    const id = randomUUID();
    await insertFile(services.db.knex, {
      id, platformId: 'mianyang', ownerId: zhangsan.id, caseId: null, materialKey: key, sha256: '0'.repeat(64),
      size: 1024, mediaType: 'application/pdf', originalName: `${key}.pdf`, createdAt: services.now().toISOString(),
    });
    refs[key] = [id];
  }
  return refs;
}

/** Template cases of two items in every state, through the product path. */
async function makeTemplates(services: Services): Promise<Array<{ kind: TemplateKind; kase: Case }>> {
  const templates: Array<{ kind: TemplateKind; kase: Case }> = [];
  const items = [
    { itemId: 'ip-policy-consulting', data: consultationData(), keys: ['applicationForm', 'identity'] },
    { itemId: 'patent-pledge-registration', data: pledgeData(), keys: ['applicationForm', 'pledgeContract', 'partyIdentity', 'powerOfAttorney', 'agentIdentity'] },
  ];
  for (const { itemId, data, keys } of items) {
    const start = async (fileKeys: string[], action?: null) => startCase(services, zhangsan, { itemId, data, fileRefs: await fileRefsFor(services, fileKeys), ...(action === null ? { action } : {}) });
    templates.push({ kind: 'draft', kase: await start([], null) });
    const returned = await start(keys.slice(0, 1));
    templates.push({ kind: 'returned', kase: returned });
    const waiting = await start(keys);
    templates.push({ kind: 'toAccept', kase: waiting });
    const accepted = await actOnCase(services, staff1, waiting.id, { action: 'accept', version: waiting.version });
    templates.push({ kind: 'inProgress', kase: accepted });
    const completed = await actOnCase(services, staff1, accepted.id, { action: 'complete', version: accepted.version, payload: { result: '已办结' } });
    templates.push({ kind: 'done', kase: await actOnCase(services, staff1, completed.id, { action: 'close', version: completed.version }) });
  }
  return templates;
}

async function addPeople(services: Services): Promise<People> {
  const db = services.db.knex;
  const createdAt = services.now().toISOString();
  const applicants = Array.from({ length: APPLICANTS }, (_, i) => `bench-applicant-${i}`);
  const rows = applicants.map((id, i) => ({ id, platformId: 'mianyang', username: id, displayName: applicantName(i), roles: ['applicant' as const], createdAt }));
  await db.transaction(async (tx) => {
    for (const user of rows) await insertUser(tx, user);
    for (let i = 3; i <= STAFF; i++) await insertUser(tx, { id: `bench-staff-${i}`, platformId: 'mianyang', username: `bench-staff-${i}`, displayName: `工作人员${i}`, roles: ['staff'], createdAt });
  });
  return { applicants, staff: ['demo-staff1', 'demo-staff2', ...Array.from({ length: STAFF - 2 }, (_, i) => `bench-staff-${i + 3}`)] };
}

/** The template kind of the i-th case: the mix, interleaved so every stretch of ids has each kind. */
function kindAt(i: number): TemplateKind {
  let x = ((i * 7919) % 10_000) / 10_000;
  for (const { kind, share } of MIX) {
    if (x < share) return kind;
    x -= share;
  }
  return 'done';
}

/** The copies in batches of {@link ROWS_PER_TRANSACTION} rows, made as they are written. */
function* copyBatches(templates: Array<{ kind: TemplateKind; row: RowTemplate }>, size: number, people: People, now: number): Generator<CaseRow[]> {
  const byKind = new Map<TemplateKind, RowTemplate[]>();
  for (const { kind, row } of templates) byKind.set(kind, [...(byKind.get(kind) ?? []), row]);
  for (let start = 0; start < size; start += ROWS_PER_TRANSACTION) {
    const batch: CaseRow[] = [];
    for (let i = start; i < Math.min(size, start + ROWS_PER_TRANSACTION); i++) {
      const choices = byKind.get(kindAt(i))!;
      const template = choices[i % choices.length]!;
      batch.push(caseRow(copyOf(template.sealed, i, people, now), template.queue));
    }
    yield batch;
  }
}

/** Seeds `size` cases on the services' (fresh, demo-seeded) database. */
export async function seedInbox(services: Services, size: number, log: (line: string) => void = () => undefined): Promise<InboxSeed> {
  const started = performance.now();
  const knex = services.db.knex;
  const templates: Array<{ kind: TemplateKind; row: RowTemplate }> = [];
  for (const { kind, kase } of await makeTemplates(services)) {
    templates.push({ kind, row: rowTemplate(knex, kase, caseQueue(kase, (await bundleForCase(services, kase)).workflow)) });
  }
  const people = await addPeople(services);
  await writeCaseRows(knex, copyBatches(templates, size, people, services.now().getTime()), log);
  const middle = Math.floor(size / 2);
  const sample = `bench-${String(middle).padStart(7, '0')}`;
  await checkRowLikeProduct(knex, sample);
  // Fresh statistics (and on PostgreSQL the visibility map for index-only scans), as autovacuum
  // or a periodic ANALYZE would have left a platform that grew to this size.
  log('  inbox: analyzing');
  await knex.raw(services.db.dialect === 'postgres' ? 'VACUUM ANALYZE' : 'ANALYZE');
  const number = ((await knex('cases').select('number').where({ id: sample }).first()) as { number: string } | undefined)?.number ?? '';
  return {
    size,
    seedMs: performance.now() - started,
    staff: staff1,
    searches: { number: number.slice(-8), applicant: applicantName((middle + 1234) % Math.min(size, APPLICANTS)), item: '质押' },
  };
}
