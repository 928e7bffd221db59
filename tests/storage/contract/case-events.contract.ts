import { expect } from 'chai';
import { appendEvents, listEvents } from '../../../storage/case-events.js';
import { insertCase } from '../../../storage/cases.js';
import { nextCaseSequence } from '../../../storage/case-numbers.js';
import { useStore, type ContractContext } from './context.js';
import { at, sampleCase, seedPlatforms } from './fixtures.js';

const event = (type: string, minute: number) => ({ type, at: at(minute), actorId: 'staff-1', data: { note: `${type} 说明` } });

export function caseEventsContract(ctx: ContractContext): void {
  describe('case events and case numbers', () => {
    const store = useStore(ctx);
    before(async () => {
      await seedPlatforms(store.current.db.knex);
      await insertCase(store.current.db.knex, sampleCase({ id: 'c1', platformId: 'sc-my' }));
    });

    it('given two appends, when listed, then events are numbered 1..n in order with their data', async () => {
      const { knex } = store.current.db;
      await appendEvents(knex, 'c1', [event('case.created', 0), event('case.submitted', 1)]);
      const appended = await appendEvents(knex, 'c1', [event('case.accepted', 2)]);
      expect(appended.map((e) => e.seq)).to.deep.equal([3]);
      const events = await listEvents(knex, 'c1');
      expect(events.map((e) => [e.seq, e.type])).to.deep.equal([[1, 'case.created'], [2, 'case.submitted'], [3, 'case.accepted']]);
      expect(events[2]).to.include({ actorId: 'staff-1', at: at(2) });
      expect(events[2]?.data).to.deep.equal({ note: 'case.accepted 说明' });
    });

    it('given an event with seq 1, when another row with seq 1 is inserted, then the database refuses', async () => {
      const { knex } = store.current.db;
      const duplicate = knex('case_events').insert({ id: 'dup', case_id: 'c1', seq: 1, type: 'case.forged', actor_id: null, data: '{}', at: at(9) });
      expect(await duplicate.then(() => 'inserted', () => 'refused')).to.equal('refused');
    });

    it('given stored events, when updated or deleted directly, then the database refuses (append-only)', async () => {
      const { knex } = store.current.db;
      const update = await knex('case_events').where({ case_id: 'c1', seq: 1 }).update({ type: 'case.forged' }).then(() => 'ok', (e: unknown) => String(e));
      const remove = await knex('case_events').where({ case_id: 'c1' }).delete().then(() => 'ok', (e: unknown) => String(e));
      expect(update).to.match(/append-only/);
      expect(remove).to.match(/append-only/);
      expect(await listEvents(knex, 'c1')).to.have.length(3);
    });

    it('given 20 concurrent case creations on two handles, when each takes a number, then the numbers are 1..20 without repeats', async () => {
      const first = store.current.db;
      const second = await store.current.openAnother();
      const taken = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? first : second).transaction((tx) => nextCaseSequence(tx, '12510700MB0000008G3512199001000', '2025-03-03'))),
      );
      expect([...taken].sort((a, b) => a - b)).to.deep.equal(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(await nextCaseSequence(first.knex, '12510700MB0000008G3512199001000', '2025-03-04')).to.equal(1);
      expect(await nextCaseSequence(first.knex, '12510600MB0000009H3512199001000', '2025-03-03')).to.equal(1);
    });
  });
}
