/**
 * A fresh install (goal C7, F7) on SQLite and PostgreSQL: no accounts until the first province
 * admin is bootstrapped with a random one-time password that signs in once, forces a change
 * before anything else, is gone after that sign-in and is refused after 24 hours; demo
 * accounts are refused in production mode.
 */
import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Platform } from '../../engine/kinds/platform.js';
import { bootstrapAdmin } from '../../server/operations/bootstrap-admin.js';
import { definitionsDir } from '../../server/paths.js';
import { getUser } from '../../storage/users.js';
import { ApiClient } from '../support/api-client.js';
import { forEachDatabase, type TestStore } from '../support/databases.js';
import { productionAccountRules, startTestServer, type TestServer } from '../support/test-server.js';

const province = JSON.parse(await readFile(join(definitionsDir, 'province', 'platforms', 'sichuan-province.json'), 'utf8')) as Platform;

forEachDatabase('API: fresh install and the first admin', (target) => {
  let store: TestStore;
  let server: TestServer;

  before(async function () {
    this.timeout(60_000);
    store = await target.createStore();
    server = await startTestServer({ db: store.db, isSeeded: false, config: productionAccountRules });
  });

  after(async () => {
    await server?.close();
    await store?.dispose();
  });

  const signIn = (username: string, password: string) => new ApiClient(server.url).post('/api/session', { username, password });
  const bootstrap = (username: string, isReset = false) => bootstrapAdmin(server.services, { platformId: 'sichuan-province', username, platformDocs: [province], isReset });

  it('given a freshly migrated database, when its accounts are counted, then there are none (no default password to know)', async () => {
    expect(await store.db.knex('users').count({ n: '*' }).first()).to.satisfy((row: { n: number | string }) => Number(row.n) === 0);
  });

  it('given the bootstrapped admin, when signing in with the one-time password, then it works once, every route but changing it answers 403, and the secret is deleted', async () => {
    const first = await bootstrap('first-admin');
    expect(first.isPlatformCreated).to.equal(true);
    expect(first.password).to.have.length(20);
    const client = new ApiClient(server.url);
    const me = await client.post('/api/session', { username: 'first-admin', password: first.password });
    expect(me.status, JSON.stringify(me.body)).to.equal(200);
    expect(me.body).to.deep.include({ roles: ['province-admin'], platformId: 'sichuan-province', isDemo: false });
    expect(me.body.password).to.include({ state: 'expired', reason: 'one-time' });
    expect((await getUser(store.db.knex, first.userId))?.passwordHash).to.equal(null);
    expect(await store.db.knex('password_history').where({ user_id: first.userId })).to.deep.equal([]);
    expect((await signIn('first-admin', first.password)).status).to.equal(401);
    const refused = await client.get('/api/network/overview');
    expect(refused.status).to.equal(403);
    expect(refused.body.code).to.equal('auth.password-expired');
    const weak = await client.post('/api/session/password', { newPassword: 'password' });
    expect(weak.status).to.equal(422);
    expect((await client.post('/api/session/password', { newPassword: 'Own-Strong#Pass-2026' })).status).to.equal(204);
    expect((await client.get('/api/session')).body.password).to.include({ state: 'ok' });
    expect((await client.get('/api/network/overview')).status).to.not.equal(403);
    expect((await signIn('first-admin', 'Own-Strong#Pass-2026')).status).to.equal(200);
  });

  it('given a one-time password, when 24 hours pass unused, then it is refused; at 23 h 59 min it still worked', async () => {
    const start = server.clock.now().toISOString();
    try {
      const early = await bootstrap('second-admin');
      server.clock.set(new Date(Date.parse(start) + (24 * 60 - 1) * 60_000).toISOString());
      expect((await signIn('second-admin', early.password)).status).to.equal(200);
      server.clock.set(start);
      const late = await bootstrap('second-admin', true);
      server.clock.set(new Date(Date.parse(start) + 24 * 3600_000).toISOString());
      expect((await signIn('second-admin', late.password)).status).to.equal(401);
    } finally {
      server.clock.set(start);
    }
  });

  it('given an existing username, when bootstrapping it again without --reset, then it is refused naming the option', async () => {
    const refused = await bootstrap('first-admin').catch((error: Error) => error);
    expect(refused).to.be.instanceOf(Error).with.property('message').that.includes('--reset');
  });

  it('given production mode, when a demo account signs in with the demo password, then it is refused', async () => {
    // The demo data of `make run`, loaded by a development server on the same database.
    await (await startTestServer({ db: store.db })).close();
    const prod = await startTestServer({ db: store.db, isSeeded: false, config: { ...productionAccountRules, isProduction: true } });
    try {
      expect((await new ApiClient(prod.url).post('/api/session', { username: 'zhangsan', password: 'Demo@2026' })).status).to.equal(401);
      expect((await new ApiClient(server.url).post('/api/session', { username: 'zhangsan', password: 'Demo@2026' })).status).to.equal(200);
    } finally {
      await prod.close();
    }
  });
});
