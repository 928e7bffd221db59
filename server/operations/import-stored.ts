/**
 * What the database already holds of a batch of import lines: cases an earlier run of the same
 * file stored (skipped, so a stopped import resumes), cases stored from a line that has changed
 * since (refused), and numbers other cases already carry (refused).
 */
import type { Knex } from 'knex';
import type { Problem } from '../../engine/problem.js';
import { readJson } from '../../storage/columns.js';

type Db = Knex | Knex.Transaction;

/** A checked line as this check needs it: its line, case id, digest and number. */
export interface LineIdentity {
  line: number;
  caseId: string;
  digest: string;
  number?: string;
}

/** Lines whose case is stored already, and the problems of lines that clash with stored cases. */
export async function storedImports(db: Db, checked: LineIdentity[]): Promise<{ alreadyImported: number[]; problems: Problem[] }> {
  if (checked.length === 0) return { alreadyImported: [], problems: [] };
  const byId = new Map(checked.map((c) => [c.caseId, c]));
  const existing: Array<{ case_id: string; data: unknown }> = await db('case_events')
    .select('case_id', 'data')
    .whereIn('case_id', db('cases').select('id').whereIn('id', [...byId.keys()]))
    .andWhere({ type: 'case.imported' });
  const alreadyImported: number[] = [];
  const problems: Problem[] = [];
  for (const row of existing) {
    const line = byId.get(row.case_id) as LineIdentity;
    byId.delete(row.case_id);
    const { digest, source, line: storedLine } = readJson<{ digest: string; source: string; line: number }>(db, row.data);
    if (digest === line.digest) {
      alreadyImported.push(line.line);
      continue;
    }
    const field = line.number === undefined ? '' : '/number';
    problems.push({ path: `/line/${line.line}${field}`, code: 'import.case-changed', message: `Line ${line.line}: case ${line.number ?? ''} was imported before (${source}, line ${storedLine}) with other content; a stored case is not overwritten. Correct it in the application instead, or drop the line.` });
  }
  const numbers = [...byId.values()].flatMap((c) => (c.number === undefined ? [] : [c.number]));
  if (numbers.length > 0) {
    const taken = new Set((await db('cases').select('number').whereIn('number', numbers)).map((r: { number: string }) => r.number));
    for (const c of byId.values()) {
      if (c.number !== undefined && taken.has(c.number)) {
        problems.push({ path: `/line/${c.line}/number`, code: 'import.number-taken', message: `Line ${c.line}: case number ${c.number} belongs to a case already stored; case numbers are unique.` });
      }
    }
  }
  return { alreadyImported, problems };
}
