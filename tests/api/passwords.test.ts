/**
 * Passwords (goal C4) over real HTTP on SQLite and PostgreSQL: POST /api/session/password
 * refuses each rule with its own problem at /newPassword, accepts good passwords, refuses the
 * last 5; a password is warned about from day 83 and must be changed at day 90, when every
 * route but changing it and signing out answers 403 auth.password-expired.
 */
import { expect } from 'chai';
import { hashPassword } from '../../server/operations/passwords.js';
import { insertUser } from '../../storage/users.js';
import { ApiClient } from '../support/api-client.js';
import { forEachDatabase } from '../support/databases.js';
import { productionAccountRules } from '../support/test-server.js';
import { useApiSuite } from './support/api-suite.js';

const FIRST = 'Kx7#mQ2v-first';
const DAY_MS = 86_400_000;

forEachDatabase('API: passwords', (target) => {
  const suite = useApiSuite(target, { config: productionAccountRules });
  let serial = 0;

  /** A fresh 绵阳 applicant whose password {@link FIRST} was set now. */
  async function newAccount(roles: Array<'applicant' | 'staff'> = ['applicant']): Promise<{ username: string; client: ApiClient }> {
    serial += 1;
    const username = `pw-user-${serial}`;
    await insertUser(suite.server.services.db.knex, {
      id: `test-pw-${serial}`,
      username,
      platformId: 'mianyang',
      displayName: `密码测试${serial}`,
      roles,
      phone: `1350000000${serial}`,
      passwordHash: await hashPassword(FIRST),
      createdAt: suite.server.services.now().toISOString(),
    });
    return { username, client: await suite.server.client(username, FIRST) };
  }

  const change = (client: ApiClient, newPassword: string, currentPassword?: string) =>
    client.post('/api/session/password', currentPassword === undefined ? { newPassword } : { currentPassword, newPassword });

  it('given each rule broken, when changing the password, then 422 lists that rule at /newPassword in Chinese and English and nothing changes', async () => {
    const { username, client } = await newAccount();
    const cases: Array<[string, string[]]> = [
      ['Ab1#xyz', ['password.too-short']],
      ['longpassphrase99', ['password.too-few-classes']],
      ['Password1!', ['password.common']],
      [`${username}#A1`, ['password.context']],
      ['Tel13500000001!', ['password.context']],
      ['Mianyang@2026', ['password.context']],
      ['abc', ['password.too-short', 'password.too-few-classes']],
    ];
    for (const [password, codes] of cases) {
      const refused = await change(client, password, FIRST);
      expect(refused.status, password).to.equal(422);
      expect(refused.body.code).to.equal('password.rejected');
      expect(refused.body.problems.map((p: { code: string }) => p.code), password).to.have.members(codes);
      for (const problem of refused.body.problems) {
        expect(problem.path).to.equal('/newPassword');
        expect(problem.message).to.match(/[\u4e00-\u9fff]/).and.to.match(/[A-Za-z]+ [A-Za-z]+ [A-Za-z]+/);
      }
    }
    expect((await new ApiClient(suite.server.url).post('/api/session', { username, password: FIRST })).status).to.equal(200);
  });

  it('given a wrong current password, when changing, then 422 at /currentPassword; the right one and a good new password answer 204 and the old password stops working', async () => {
    const { username, client } = await newAccount();
    const wrong = await change(client, 'Bluewater-Canoe-81', 'not-the-password');
    expect(wrong.status).to.equal(422);
    expect(wrong.body.problems).to.deep.equal([{ code: 'password.current-wrong', path: '/currentPassword', message: '当前密码不正确，请重新输入。The current password is wrong; type it again.' }]);
    const pasted64 = 'q7$Lm9#vT2!xW4@kP8%zR3^bN6&cY1*dq7$Lm9#vT2!xW4@kP8%zR3^bN6&cY1*d';
    expect(pasted64).to.have.length(64);
    expect((await change(client, pasted64, FIRST)).status).to.equal(204);
    const signIn = (password: string) => new ApiClient(suite.server.url).post('/api/session', { username, password });
    expect((await signIn(FIRST)).status).to.equal(401);
    expect((await signIn(pasted64)).status).to.equal(200);
  });

  it('given 5 changes, when reusing any of the last 5 passwords, then it is refused as password.reused; the 6th back is accepted', async () => {
    const { client } = await newAccount();
    const passwords = [FIRST, 'Kx7#mQ2v-2nd', 'Kx7#mQ2v-3rd', 'Kx7#mQ2v-4th', 'Kx7#mQ2v-5th', 'Kx7#mQ2v-6th'];
    for (let i = 1; i < passwords.length; i++) expect((await change(client, passwords[i] as string, passwords[i - 1])).status, passwords[i]).to.equal(204);
    const current = passwords.at(-1) as string;
    for (const old of passwords.slice(1)) {
      const refused = await change(client, old, current);
      expect(refused.status, old).to.equal(422);
      expect(refused.body.problems.map((p: { code: string }) => p.code)).to.deep.equal(['password.reused']);
    }
    expect((await change(client, FIRST, current)).status).to.equal(204);
  });

  it('given a password changed, when the same account has another session, then that session ends and this one goes on', async () => {
    const { username, client } = await newAccount(['staff']);
    const other = await suite.server.client(username, FIRST);
    expect((await change(client, 'Bluewater-Canoe-81', FIRST)).status).to.equal(204);
    expect((await other.get('/api/session')).status).to.equal(401);
    expect((await client.get('/api/session')).status).to.equal(200);
  });

  it('given a password set today, when 83 days pass it is warned about; at 90 days every route but changing it and signing out answers 403 until it is changed', async () => {
    const start = suite.server.clock.now().getTime();
    const { username } = await newAccount(['staff']);
    const at = async (days: number) => {
      suite.server.clock.set(new Date(start + days * DAY_MS).toISOString());
      return suite.server.client(username, FIRST);
    };
    try {
      const day82 = await at(82);
      expect((await day82.get('/api/session')).body.password).to.include({ state: 'ok' });
      const day83 = await at(83);
      expect((await day83.get('/api/session')).body.password).to.deep.equal({ state: 'warn', reason: null, expiresAt: new Date(start + 90 * DAY_MS).toISOString(), daysLeft: 7 });
      expect((await day83.get('/api/cases')).status).to.equal(200);
      const day90 = await at(90);
      expect((await day90.get('/api/session')).body.password).to.include({ state: 'expired', reason: 'age', daysLeft: 0 });
      for (const path of ['/api/cases', '/api/tasks']) {
        const refused = await day90.get(path);
        expect(refused.status, path).to.equal(403);
        expect(refused.body.code).to.equal('auth.password-expired');
      }
      expect((await day90.post('/api/consultations', {})).body.code).to.equal('auth.password-expired');
      expect((await change(day90, 'Bluewater-Canoe-81', FIRST)).status).to.equal(204);
      expect((await day90.get('/api/cases')).status).to.equal(200);
      expect((await day90.get('/api/session')).body.password).to.include({ state: 'ok', daysLeft: 90 });
    } finally {
      suite.server.clock.set(new Date(start).toISOString());
    }
  });

  it('given an expired password, when signing out, then it is allowed', async () => {
    const start = suite.server.clock.now().getTime();
    const { username } = await newAccount();
    try {
      suite.server.clock.set(new Date(start + 91 * DAY_MS).toISOString());
      const client = await suite.server.client(username, FIRST);
      expect((await client.delete('/api/session')).status).to.equal(204);
    } finally {
      suite.server.clock.set(new Date(start).toISOString());
    }
  });
});
