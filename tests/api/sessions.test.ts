/**
 * Sessions (goals C6, F7) over real HTTP on SQLite and PostgreSQL, on the test clock: idle
 * timeout by role (staff 15 min, applicants 30 min), absolute timeout 12 h however active, a new
 * session id at sign-in, and sign-out deleting the row, clearing the cookie and sending
 * Clear-Site-Data.
 */
import { expect } from 'chai';
import { ApiClient } from '../support/api-client.js';
import { forEachDatabase } from '../support/databases.js';
import { productionAccountRules } from '../support/test-server.js';
import { useApiSuite } from './support/api-suite.js';

/** The session cookie ("ipsp.sid=s%3A<sid>.<signature>") of a client. */
function sessionCookieOf(client: ApiClient): string {
  const pair = client.cookie.split('; ').find((c) => c.startsWith('ipsp.sid='));
  if (!pair) throw new Error(`no session cookie in "${client.cookie}"`);
  return pair;
}

/** The session id inside the signed cookie. */
const sidOf = (cookie: string) => decodeURIComponent(cookie.slice('ipsp.sid='.length)).replace(/^s:/, '').replace(/\.[^.]+$/, '');

forEachDatabase('API: sessions', (target) => {
  const suite = useApiSuite(target, { config: productionAccountRules });

  const moveSeconds = (seconds: number) => suite.server.clock.set(new Date(suite.server.clock.now().getTime() + seconds * 1000).toISOString());
  /** GET /api/session with only this cookie, as anyone holding it would. */
  const whoAmI = (cookie: string) => new ApiClient(suite.server.url).request('GET', '/api/session', { headers: { cookie } });
  const rowsOf = async (cookie: string) => (await suite.server.services.db.knex('sessions').where({ sid: sidOf(cookie) })).length;

  /** Two sessions of `username` signed in at the same instant: one is asked just before the idle limit, the other just after. */
  async function idleLimit(username: string, minutes: number): Promise<{ before: number; after: number; rowsAfter: number }> {
    const [early, late] = [await suite.server.client(username), await suite.server.client(username)];
    const start = suite.server.clock.now().toISOString();
    moveSeconds(minutes * 60 - 1);
    const before = (await early.get('/api/session')).status;
    suite.server.clock.set(start);
    moveSeconds(minutes * 60 + 1);
    const after = (await late.get('/api/session')).status;
    return { before, after, rowsAfter: await rowsOf(sessionCookieOf(late)) };
  }

  it('given staff signed in, when the next request comes at 15 min − 1 s it is served; at 15 min + 1 s it answers 401 and the row is gone', async () => {
    expect(await idleLimit('staff1', 15)).to.deep.equal({ before: 200, after: 401, rowsAfter: 0 });
  });

  it('given an admin signed in, when idle for 15 min + 1 s, then 401 like staff', async () => {
    expect(await idleLimit('admin', 15)).to.deep.equal({ before: 200, after: 401, rowsAfter: 0 });
  });

  it('given an applicant signed in, when idle for 15 min + 1 s it is still served; at 30 min + 1 s it answers 401', async () => {
    expect((await idleLimit('zhangsan', 15)).after).to.equal(200);
    expect(await idleLimit('zhangsan', 30)).to.deep.equal({ before: 200, after: 401, rowsAfter: 0 });
  });

  it('given staff active every 14 minutes, when 12 hours after sign-in pass, then the session ends at 12 h anyway (the request at 11 h 54 min still served)', async () => {
    const staff = await suite.server.client('staff1');
    const cookie = sessionCookieOf(staff);
    const statuses = new Set<number>();
    let minutes = 0;
    for (; minutes + 14 < 12 * 60; minutes += 14) {
      moveSeconds(14 * 60);
      statuses.add((await staff.get('/api/session')).status);
    }
    expect([...statuses]).to.deep.equal([200]);
    expect(minutes).to.equal(11 * 60 + 54);
    moveSeconds((12 * 60 - minutes) * 60);
    expect((await staff.get('/api/session')).status).to.equal(401);
    expect(await rowsOf(cookie)).to.equal(0);
  });

  it('given a signed-in session cookie, when someone signs in with it, then the answer carries a new session id and the old cookie answers 401', async () => {
    const client = await suite.server.client('zhangsan');
    const before = sessionCookieOf(client);
    expect((await client.post('/api/session', { username: 'lisi', password: 'Demo@2026' })).status).to.equal(200);
    const after = sessionCookieOf(client);
    expect(sidOf(after)).to.not.equal(sidOf(before));
    expect((await whoAmI(before)).status).to.equal(401);
    expect((await whoAmI(after)).body).to.include({ username: 'lisi' });
  });

  it('given an anonymous visitor, when browsing, then no session cookie is issued before sign-in (nothing to plant)', async () => {
    const visitor = new ApiClient(suite.server.url);
    await visitor.get('/api/session');
    await visitor.get('/api/platforms/mianyang');
    expect(visitor.cookie).to.not.include('ipsp.sid=');
  });

  it('given a signed-in user, when signing out, then the row is deleted, the cookie cleared, Clear-Site-Data sent, and the old cookie answers 401', async () => {
    const client = await suite.server.client('staff1');
    const cookie = sessionCookieOf(client);
    expect(await rowsOf(cookie)).to.equal(1);
    const out = await client.delete('/api/session');
    expect(out.status).to.equal(204);
    expect(out.headers.get('clear-site-data')).to.equal('"cookies", "storage"');
    expect(out.headers.getSetCookie().some((c) => /^ipsp\.sid=;/.test(c))).to.equal(true);
    expect(await rowsOf(cookie)).to.equal(0);
    const replay = await whoAmI(cookie);
    expect(replay.status).to.equal(401);
    expect(replay.body.code).to.equal('auth.required');
  });
});
