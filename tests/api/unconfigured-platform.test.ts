/**
 * A platform registered without its own Platform document (a step an operator may forget):
 * applying there is refused with a conflict naming the missing document, never a 500.
 */
import { expect } from 'chai';
import { hashPassword } from '../../server/operations/passwords.js';
import { insertPlatform } from '../../storage/platforms.js';
import { insertUser } from '../../storage/users.js';
import { forEachDatabase } from '../support/databases.js';
import { DEMO_PASSWORD } from '../support/test-server.js';
import { useApiSuite } from './support/api-suite.js';
import { submitPledge } from './support/pledge.js';

forEachDatabase('API: a platform without its Platform document', (target) => {
  {
    const suite = useApiSuite(target);

    it('given an applicant of a platform registered without its document, when applying for an inherited item, then 409 names the missing Platform and nothing is stored', async () => {
      const { knex } = suite.store.db;
      const createdAt = '2026-09-01T00:00:00.000Z';
      await insertPlatform(knex, { id: 'unconfigured-park', parentId: 'mianyang', level: 'park', title: '未配置的园区平台', body: {}, createdAt });
      const passwordHash = await hashPassword(DEMO_PASSWORD);
      await insertUser(knex, { id: 'test-unconfigured', platformId: 'unconfigured-park', username: 'unconfigured', displayName: '赵六', roles: ['applicant'], phone: '13600136000', passwordHash, createdAt });
      const client = await suite.server.client('unconfigured');
      const before = await knex('cases').count({ n: '*' }).first();

      const response = await submitPledge(client, { hasAgentIdentity: true });

      expect(response.status, JSON.stringify(response.body)).to.equal(409);
      expect(response.body.code).to.equal('bundle.reference-missing');
      expect(response.body.problems.map((p: { message: string }) => p.message).join('\n')).to.contain('Platform "unconfigured-park"');
      const after = await knex('cases').count({ n: '*' }).first();
      expect(Number(after?.n)).to.equal(Number(before?.n));
    });
  }
});
