/**
 * The statistics benchmark's data: a province network of 50 platforms (the demo's, plus cities
 * and counties added under the province) with `size` cases spread over them and over a year,
 * each with the statistics facts the server stores beside a case (migrations 0020 and 0024),
 * a `case.evaluated` event on a third of them (one in ten of those bad) and a rectification task
 * per bad review. The aggregations read only those columns, events and tasks, so the rows are
 * written straight through the driver (bench/inbox/bulk-cases.ts: secondary indexes dropped
 * while writing, rebuilt after) with empty bodies; the facts are marked current so nothing is
 * derived again.
 */
import type { Knex } from 'knex';
import { dialectOf } from '../../storage/columns.js';
import { insertPlatform, listPlatforms } from '../../storage/platforms.js';
import { CASE_FACTS_VERSION } from '../../storage/statistics/case-facts.js';
import { writeCaseRows, type CaseRow } from '../inbox/bulk-cases.js';

export const PLATFORMS = 50;
const DAY_MS = 86_400_000;
const YEAR_START = Date.UTC(2026, 0, 1);
const ITEMS = ['ip-policy-consulting', 'patent-pledge-registration', 'patent-search-and-novelty', 'ip-rights-assistance', 'va-ip-training'];

const dayOf = (ms: number): string => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);

/** Adds cities and counties under the province until the network has {@link PLATFORMS}; returns every platform id. */
async function network(knex: Knex, now: string): Promise<string[]> {
  const existing = (await listPlatforms(knex)).map((p) => p.id);
  for (let i = 0; i < PLATFORMS - existing.length; i++) {
    // A city, then two counties under it.
    const isCity = i % 3 === 0;
    await insertPlatform(knex, {
      id: `bench-platform-${i}`,
      parentId: isCity ? 'sichuan-province' : `bench-platform-${i - (i % 3)}`,
      level: isCity ? 'city' : 'county',
      title: `基准平台 ${i}`,
      body: {},
      createdAt: now,
    });
  }
  return (await listPlatforms(knex)).map((p) => p.id);
}

function* caseBatches(size: number, platforms: string[]): Generator<CaseRow[]> {
  for (let start = 0; start < size; start += 50_000) {
    const rows: CaseRow[] = [];
    for (let i = start; i < Math.min(size, start + 50_000); i++) {
      const created = YEAR_START + ((i * 7919) % 330) * DAY_MS + (i % 28_800) * 1000;
      const isServed = i % 10 < 8;
      const served = created + (1 + (i % 12)) * DAY_MS;
      rows.push({
        id: `stat-${i}`, platform_id: platforms[i % platforms.length] as string, number: `STAT${String(i).padStart(8, '0')}`,
        item_id: ITEMS[i % ITEMS.length] as string, item_version: 1, applicant_id: `applicant-${i % 5000}`, step: isServed ? 'closed' : 'implement',
        status: isServed ? 'completed' : 'open', version: 3, body: '{}', channel: i % 4 === 0 ? 'counter' : 'online',
        due_at: new Date(created + 10 * DAY_MS).toISOString(), created_at: new Date(created).toISOString(), updated_at: new Date(isServed ? served : created).toISOString(),
        created_day: dayOf(created), served_day: isServed ? dayOf(served) : null, correction_rounds: i % 9 === 0 ? 1 : 0,
        is_late: i % 13 === 0 ? 1 : 0, handling_days: isServed ? 1 + (i % 9) : null, facts_version: CASE_FACTS_VERSION,
      });
    }
    yield rows;
  }
}

/** Seeds the network and its cases, events and tasks; `log` gets progress lines. */
export async function seedStatistics(knex: Knex, size: number, log: (line: string) => void): Promise<{ platforms: number }> {
  const platforms = await network(knex, new Date(YEAR_START).toISOString());
  await writeCaseRows(knex, caseBatches(size, platforms), log);
  for (let start = 0; start < size; start += 3 * 5000) {
    const events: Array<Record<string, unknown>> = [];
    const tasks: Array<Record<string, unknown>> = [];
    for (let i = start; i < Math.min(size, start + 3 * 5000); i += 3) {
      if (i % 10 >= 8) continue;
      const at = new Date(YEAR_START + ((i * 7919) % 330) * DAY_MS + (1 + (i % 12)) * DAY_MS + 3600_000).toISOString();
      const level = i % 30 === 0 ? 1 + (i % 2) : 3 + (i % 3);
      events.push({ id: `stat-ev-${i}`, case_id: `stat-${i}`, seq: 9, type: 'case.evaluated', actor_id: null, data: JSON.stringify({ level }), at });
      if (level <= 2) {
        tasks.push({ id: `stat-task-${i}`, platform_id: platforms[i % platforms.length], case_id: `stat-${i}`, kind: 'rectification', title: '差评整改', assignee_role: 'supervisor', due_at: at, status: i % 4 === 0 ? 'open' : 'done', created_at: at });
      }
    }
    await knex.transaction(async (tx) => {
      for (let k = 0; k < events.length; k += 500) await tx('case_events').insert(events.slice(k, k + 500));
      for (let k = 0; k < tasks.length; k += 500) await tx('tasks').insert(tasks.slice(k, k + 500));
    });
  }
  await knex.raw(dialectOf(knex) === 'postgres' ? 'VACUUM ANALYZE' : 'ANALYZE');
  return { platforms: platforms.length };
}
