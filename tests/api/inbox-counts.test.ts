/**
 * Inbox counts stop at 10,000: a view holding more answers 10,000 and is named in `capped`
 * (the desk shows "10,000+"), views below the cap stay exact, with and without a search.
 * The platform gets 10,000 more cases waiting for acceptance as copies of a real one, stored
 * through insertCases.
 */
import { expect } from 'chai';
import { getCase, insertCases } from '../../storage/cases.js';
import type { ApiClient } from '../support/api-client.js';
import { forEachDatabase } from '../support/databases.js';
import { useApiSuite } from './support/api-suite.js';
import { submitPledge } from './support/pledge.js';

const CAP = 10_000;

forEachDatabase('API: inbox counts capped at 10,000', (target) => {
  const suite = useApiSuite(target);
  let staff1: ApiClient;
  let returnedNumber: string;

  before(async function () {
    this.timeout(120_000);
    const zhangsan = await suite.server.client('zhangsan');
    staff1 = await suite.server.client('staff1');
    returnedNumber = (await submitPledge(zhangsan, { hasAgentIdentity: false })).body.number;
    const waiting = (await submitPledge(zhangsan, { hasAgentIdentity: true })).body;
    const knex = suite.store.db.knex;
    const kase = (await getCase(knex, waiting.id))!;
    const { queue } = (await knex('cases').select('queue').where({ id: kase.id }).first()) as { queue: string };
    const copies = Array.from({ length: CAP }, (_, i) => ({ kase: { ...kase, id: `copy-${i}`, number: `${kase.number.slice(0, -6)}C${String(i).padStart(5, '0')}` }, derived: { queue } }));
    for (let start = 0; start < copies.length; start += 2500) await insertCases(knex, copies.slice(start, start + 2500));
  });

  it('given 10,001 cases waiting for acceptance, when the counts are read, then those views answer 10,000 and are named capped; the others stay exact', async () => {
    const answer = await staff1.get('/api/cases/counts');
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
    expect(answer.body).to.deep.equal({ toAccept: CAP, inProgress: 0, dueSoon: 0, overdue: 0, returned: 1, mine: 0, all: CAP, capped: ['toAccept', 'all'] });
  });

  it('given a search matching more than 10,000 cases, when counted, then each view is capped on its own and small views stay exact', async () => {
    const answer = await staff1.get(`/api/cases/counts?q=${encodeURIComponent('质押')}`);
    expect(answer.body).to.deep.equal({ toAccept: CAP, inProgress: 0, dueSoon: 0, overdue: 0, returned: 1, mine: 0, all: CAP, capped: ['toAccept', 'all'] });
  });

  it('given a search matching a few cases, when counted, then the counts are exact and none is capped', async () => {
    const answer = await staff1.get(`/api/cases/counts?q=${encodeURIComponent(returnedNumber.slice(-20))}`);
    expect(answer.body).to.deep.equal({ toAccept: 0, inProgress: 0, dueSoon: 0, overdue: 0, returned: 1, mine: 0, all: 1, capped: [] });
  });

  it('given a capped view, when listed, then its pages still come in full and the cursor leads on', async () => {
    const first = (await staff1.get('/api/cases?view=toAccept&limit=100')).body;
    expect(first.cases).to.have.length(100);
    const second = (await staff1.get(`/api/cases?view=toAccept&limit=100&after=${first.next}`)).body;
    expect(second.cases).to.have.length(100);
    expect(second.cases.map((c: { id: string }) => c.id)).not.to.include.members(first.cases.map((c: { id: string }) => c.id).slice(0, 1));
  });
});
