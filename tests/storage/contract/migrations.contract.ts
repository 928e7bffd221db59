import { expect } from 'chai';
import { migrations } from '../../../storage/migrations/index.js';
import { useStore, type ContractContext } from './context.js';

export function migrationsContract(ctx: ContractContext): void {
  describe('migrations', () => {
    const store = useStore(ctx, { isMigrated: false });

    it('given an empty database, when migrated, then every table exists and every migration is recorded', async () => {
      const { db } = store.current;
      await db.migrate();
      for (const table of ['platforms', 'users', 'sessions', 'definitions', 'cases', 'case_events', 'case_number_counters', 'outbox', 'messages', 'timers', 'tasks', 'files', 'application_drafts', 'consultations', 'faq_entries', 'task_visits']) {
        expect(await db.knex.schema.hasTable(table), table).to.equal(true);
      }
      const recorded = await db.knex('knex_migrations').orderBy('id').pluck('name');
      expect(recorded).to.deep.equal(migrations.map((m) => m.name));
    });

    it('given a migrated database, when migrated again, then nothing changes', async () => {
      const { db } = store.current;
      await db.migrate();
      expect(await db.knex('knex_migrations').count({ n: '*' }).first()).to.satisfy((row: { n: unknown }) => Number(row.n) === migrations.length);
    });
  });
}
