/**
 * Cases stored before inbox queues existed get theirs when the server opens: each is derived
 * from the case's pinned workflow, once.
 */
import { expect } from 'chai';
import { forEachDatabase } from '../support/databases.js';
import { fillMissingQueues } from '../../server/operations/queue-backfill.js';
import { useApiSuite } from './support/api-suite.js';
import { acceptedPledge, submitPledge } from './support/pledge.js';

forEachDatabase('server: filling in missing inbox queues', (target) => {
  const suite = useApiSuite(target);

  it('given cases whose queue was never stored, when the server fills them in, then each gets the queue its step gives and a second pass finds nothing', async () => {
    const zhangsan = await suite.server.client('zhangsan');
    const staff1 = await suite.server.client('staff1');
    const returned = (await submitPledge(zhangsan, { hasAgentIdentity: false })).body.id as string;
    const accepted = (await acceptedPledge({ applicant: zhangsan, staff: staff1 })).id as string;
    const knex = suite.server.services.db.knex;
    await knex('cases').update({ queue: null });

    expect(await fillMissingQueues(suite.server.services, 1)).to.equal(2);
    const queues = Object.fromEntries((await knex('cases').select('id', 'queue')).map((r: { id: string; queue: string }) => [r.id, r.queue]));
    expect(queues).to.deep.equal({ [returned]: 'returned', [accepted]: 'inProgress' });
    expect(await fillMissingQueues(suite.server.services)).to.equal(0);
    expect((await staff1.get('/api/cases/counts')).body).to.include({ returned: 1, inProgress: 1, all: 2 });
  });
});
