/**
 * Copies of the template cases as `cases` rows, made the way `insertCases` makes them (the
 * same derived columns, the body with personal data sealed) but cheaply: each template is
 * sealed once and its copies share the sealed values, and a copy changes only its identity,
 * people and dates, so no deep clone or re-sealing per row. `checkRowLikeProduct` proves a row
 * equal to what the product path writes for the same case.
 */
import { deepStrictEqual } from 'node:assert/strict';
import type { Knex } from 'knex';
import type { Case } from '../../engine/runtime/case.js';
import { caseColumns, getCase, insertCases } from '../../storage/cases.js';
import { writeJson } from '../../storage/columns.js';
import { sealPersonalIn } from '../../storage/personal-data/sealing.js';
import type { CaseRow } from './bulk-cases.js';

const DAY_MS = 86_400_000;

/** A template ready for copying: sealed once, with its inbox queue. */
export interface RowTemplate {
  sealed: Case;
  queue: string;
}

/** Who the copies belong to. */
export interface People {
  applicants: string[];
  staff: string[];
}

/** The template sealed as the product stores it (at version 1). */
export function rowTemplate(db: Knex, kase: Case, queue: string): RowTemplate {
  return { sealed: sealPersonalIn(db, { ...kase, version: 1 }), queue };
}

/** The i-th copy of a template: its own identity, people and dates; running clocks due from 5 days ago to 10 days ahead. */
export function copyOf(template: Case, i: number, people: People, now: number): Case {
  const updated = now - ((i * 104_729) % (365 * DAY_MS));
  const day = new Date(updated).toISOString().slice(0, 10).replaceAll('-', '');
  const due = now + (((i * 31) % 15) - 5) * DAY_MS + (i % 3600) * 1000;
  const clocks = Object.fromEntries(
    Object.entries(template.clocks).map(([name, clock]) => [
      name,
      clock.status === 'running' ? { ...clock, dueAt: new Date(due).toISOString(), warnAt: new Date(due - DAY_MS).toISOString() } : clock,
    ]),
  );
  return {
    ...template,
    id: `bench-${String(i).padStart(7, '0')}`,
    number: `${template.number.slice(0, 31)}${day}${String(i).padStart(6, '0')}`,
    applicantId: people.applicants[i % people.applicants.length] as string,
    ...(template.assigneeId !== undefined ? { assigneeId: people.staff[i % people.staff.length] as string } : {}),
    createdAt: new Date(updated - DAY_MS).toISOString(),
    updatedAt: new Date(updated).toISOString(),
    clocks,
  };
}

/** The row `insertCases` would write for `kase` (already sealed) with `queue`. */
export function caseRow(kase: Case, queue: string): CaseRow {
  return { id: kase.id, ...caseColumns({ kase, version: 1, body: writeJson(kase), derived: { queue } }) };
}

/**
 * Stores the case `id` once more through `insertCases` under another id and number, and
 * asserts both rows agree column by column (opened bodies included) — so the fast rows stay
 * what the product writes when `insertCases` or the table changes. The copy is deleted again.
 */
export async function checkRowLikeProduct(knex: Knex, id: string): Promise<void> {
  const fast = await getCase(knex, id);
  if (!fast) throw new Error(`Seeded case ${id} is missing`);
  // The queue is the server's derivation (caseQueue), made once per template: it is compared as stored.
  const { queue } = (await knex('cases').select('queue').where({ id }).first()) as { queue: string };
  const checkId = `${id}-check`;
  const product = { ...fast, id: checkId, number: `${fast.number.slice(0, -6)}CHECK1` };
  await knex.transaction((tx) => insertCases(tx, [{ kase: product, derived: { queue } }]));
  try {
    const [a, b] = await Promise.all([id, checkId].map((caseId) => knex('cases').where({ id: caseId }).first() as Promise<Record<string, unknown>>));
    const columnsOf = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).filter(([c]) => !['id', 'number', 'body'].includes(c)));
    deepStrictEqual(columnsOf(a!), columnsOf(b!), 'seeded row columns differ from insertCases');
    deepStrictEqual({ ...(await getCase(knex, checkId)), id, number: fast.number }, fast, 'seeded body differs from insertCases');
  } finally {
    await knex('cases').where({ id: checkId }).delete();
  }
}
