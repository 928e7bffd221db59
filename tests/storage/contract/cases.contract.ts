import { expect } from 'chai';
import type { Database } from '../../../storage/database.js';
import { getCase, insertCase, listCases, updateCase } from '../../../storage/cases.js';
import { useStore, type ContractContext } from './context.js';
import { at, sampleCase, seedPlatforms } from './fixtures.js';

export function casesContract(ctx: ContractContext): void {
  describe('cases', () => {
    const store = useStore(ctx);
    before(async () => {
      await seedPlatforms(store.current.db.knex);
    });

    it('given a new case, when inserted and read back, then it is the same case at version 1', async () => {
      const { knex } = store.current.db;
      const kase = sampleCase({ id: 'c1', platformId: 'sc-my' });
      await insertCase(knex, kase);
      expect(await getCase(knex, 'c1')).to.deep.equal({ ...kase, version: 1 });
      expect(await getCase(knex, 'nope')).to.equal(undefined);
    });

    it('given a case at version 1, when updated expecting 1 and then again expecting 1, then the second update is refused', async () => {
      const { knex } = store.current.db;
      const next = { ...sampleCase({ id: 'c1', platformId: 'sc-my' }), step: 'implement', updatedAt: at(5) };
      expect(await updateCase(knex, next, 1)).to.equal(true);
      expect(await updateCase(knex, { ...next, step: 'rejected' }, 1)).to.equal(false);
      const stored = await getCase(knex, 'c1');
      expect(stored).to.include({ step: 'implement', version: 2, updatedAt: at(5) });
    });

    it('given one case, when N writers update it at once through two handles, then exactly one wins', async () => {
      const first = store.current.db;
      const second = await store.current.openAnother();
      const before = await insertCase(first.knex, sampleCase({ id: 'race', platformId: 'sc-my' }));
      const writers = Array.from({ length: 8 }, (_, i) => (i % 2 === 0 ? first : second));
      // Every writer read version 1 (as N requests would); only the database lock decides.
      const results = await Promise.all(
        writers.map((db: Database, i) =>
          db.transaction(async (tx) => {
            const seen = await getCase(tx, 'race');
            expect(seen?.id).to.equal('race');
            return updateCase(tx, { ...before, step: `step-${i}`, updatedAt: at(i) }, before.version);
          }),
        ),
      );
      expect(results.filter(Boolean)).to.have.length(1);
      const winner = results.indexOf(true);
      expect(await getCase(first.knex, 'race')).to.include({ step: `step-${winner}`, version: 2 });
    });

    it('given cases of two platforms, when listed with filters, then only the matching ones come back', async () => {
      const { knex } = store.current.db;
      await insertCase(knex, sampleCase({ id: 'other', platformId: 'sc' }));
      await insertCase(knex, sampleCase({ id: 'mine', platformId: 'sc-my', applicantId: 'applicant-2', assigneeId: 'staff-1', updatedAt: at(1) }));
      const byApplicant = await listCases(knex, { platformId: 'sc-my', applicantId: 'applicant-2', limit: 10 });
      expect(byApplicant.cases.map((c) => c.id)).to.deep.equal(['mine']);
      const byAssignee = await listCases(knex, { platformId: 'sc-my', assigneeId: 'staff-1', status: 'open', limit: 10 });
      expect(byAssignee.cases.map((c) => c.id)).to.deep.equal(['mine']);
      const byNumber = await listCases(knex, { platformId: 'sc-my', q: '-race', limit: 10 });
      expect(byNumber.cases.map((c) => c.id)).to.deep.equal(['race']);
      const none = await listCases(knex, { platformId: 'sc-my', q: '%', limit: 10 });
      expect(none.cases).to.have.length(0);
    });

    it('given many cases, when paged by update time and by due date, then every case appears once in order', async () => {
      const { knex } = store.current.db;
      for (let i = 0; i < 7; i += 1) {
        const dueAt = at(1000 - i * 10);
        const clocks = { accept: { limit: { value: 2, unit: 'workingDay' as const }, startedAt: at(0), dueAt, status: 'running' as const } };
        await insertCase(knex, sampleCase({ id: `p${i}`, platformId: 'sc-my', updatedAt: at(100 + (i % 3)), clocks }));
      }
      const all = (await listCases(knex, { platformId: 'sc-my', limit: 100 })).cases;
      const seen: string[] = [];
      let after: string | undefined;
      do {
        const page = await listCases(knex, { platformId: 'sc-my', limit: 3, ...(after ? { after } : {}) });
        seen.push(...page.cases.map((c) => c.id));
        after = page.next;
      } while (after);
      expect(seen).to.deep.equal(all.map((c) => c.id));
      const updated = all.map((c) => c.updatedAt);
      expect(updated).to.deep.equal([...updated].sort().reverse());

      const due: string[] = [];
      after = undefined;
      do {
        const page = await listCases(knex, { platformId: 'sc-my', order: 'due', limit: 2, ...(after ? { after } : {}) });
        due.push(...page.cases.map((c) => c.id));
        after = page.next;
      } while (after);
      expect(due.slice(0, 7)).to.deep.equal(['p6', 'p5', 'p4', 'p3', 'p2', 'p1', 'p0']);
      expect(new Set(due).size).to.equal(due.length);
    });
  });
}
