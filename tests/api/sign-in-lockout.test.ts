/**
 * Sign-in lockout (reliability goals C1, C2) over real HTTP on SQLite and PostgreSQL: 5 wrong
 * passwords in a row lock an account for 15 minutes, even against the right password; the lock
 * runs out on the server clock; a successful sign-in clears the count; 20 parallel wrong
 * passwords count exactly 20 and lock once, at the 5th; and every refusal (unknown user, wrong
 * password, locked account) reads the same.
 */
import { expect } from 'chai';
import { loadConfig } from '../../server/config.js';
import { DUMMY_PASSWORD_HASH, hashPassword } from '../../server/operations/passwords.js';
import { getUser, insertUser, recordWrongPassword } from '../../storage/users.js';
import { ApiClient, type ApiResponse } from '../support/api-client.js';
import { forEachDatabase } from '../support/databases.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { useApiSuite } from './support/api-suite.js';

const PASSWORD = 'Lockout@2026';
const WRONG = 'Wrong@2026x';

forEachDatabase('API: sign-in lockout', (target) => {
  const suite = useApiSuite(target);
  let passwordHash: string;
  let serial = 0;

  /** A fresh account of 绵阳 with {@link PASSWORD}, so no test inherits another's count. */
  async function newAccount(): Promise<{ id: string; username: string }> {
    serial += 1;
    const account = { id: `test-lockout-${serial}`, username: `lockout-${serial}` };
    passwordHash ??= await hashPassword(PASSWORD);
    await insertUser(suite.server.services.db.knex, {
      ...account,
      platformId: 'mianyang',
      displayName: `锁定测试用户${serial}`,
      roles: ['applicant'],
      passwordHash,
      createdAt: suite.server.services.now().toISOString(),
    });
    return account;
  }

  const signIn = (username: string, password: string, server: TestServer = suite.server): Promise<ApiResponse> =>
    new ApiClient(server.url).post('/api/session', { username, password });

  const stored = async (id: string) => {
    const user = await getUser(suite.server.services.db.knex, id);
    return { failedAttempts: user?.failedAttempts, lockedUntil: user?.lockedUntil };
  };

  const advanceMinutes = (minutes: number) => suite.server.clock.set(new Date(suite.server.clock.now().getTime() + minutes * 60_000).toISOString());

  const inMinutes = (minutes: number) => new Date(suite.server.clock.now().getTime() + minutes * 60_000).toISOString();

  it('given 5 wrong passwords in a row, when the right one follows, then it is refused like a wrong one and the account is locked for 15 minutes', async () => {
    const account = await newAccount();
    const wrong: ApiResponse[] = [];
    for (let i = 0; i < 5; i++) wrong.push(await signIn(account.username, WRONG));
    expect(wrong.map((r) => r.status)).to.deep.equal([401, 401, 401, 401, 401]);
    expect(await stored(account.id)).to.deep.equal({ failedAttempts: 5, lockedUntil: inMinutes(15) });
    const right = await signIn(account.username, PASSWORD);
    expect(right.status).to.equal(401);
    expect(right.body).to.deep.equal(wrong[0]?.body);
    expect(right.headers.get('set-cookie')).to.equal(null);
  });

  it('given a locked account, when 14 minutes pass, then the right password is still refused; at 15 minutes it signs in and the count is cleared', async () => {
    const account = await newAccount();
    for (let i = 0; i < 5; i++) await signIn(account.username, WRONG);
    const lockedUntil = inMinutes(15);
    advanceMinutes(14);
    expect((await signIn(account.username, PASSWORD)).status).to.equal(401);
    advanceMinutes(1);
    const right = await signIn(account.username, PASSWORD);
    expect(right.status, JSON.stringify(right.body)).to.equal(200);
    expect(right.body).to.include({ id: account.id, username: account.username });
    expect(await stored(account.id)).to.deep.equal({ failedAttempts: 0, lockedUntil: null });
    expect(lockedUntil).to.equal(suite.server.clock.now().toISOString());
  });

  it('given a lock that ran out unused, when a wrong password follows, then a new count starts at 1 and locks again only at the 5th', async () => {
    const account = await newAccount();
    for (let i = 0; i < 5; i++) await signIn(account.username, WRONG);
    advanceMinutes(15);
    await signIn(account.username, WRONG);
    expect(await stored(account.id)).to.deep.equal({ failedAttempts: 1, lockedUntil: null });
    for (let i = 0; i < 3; i++) await signIn(account.username, WRONG);
    expect((await stored(account.id)).lockedUntil).to.equal(null);
    await signIn(account.username, WRONG);
    expect(await stored(account.id)).to.deep.equal({ failedAttempts: 5, lockedUntil: inMinutes(15) });
  });

  it('given 4 wrong passwords, when the right one follows, then it signs in and clears the count, so 4 more wrong ones do not lock', async () => {
    const account = await newAccount();
    for (let i = 0; i < 4; i++) await signIn(account.username, WRONG);
    expect(await stored(account.id)).to.deep.equal({ failedAttempts: 4, lockedUntil: null });
    expect((await signIn(account.username, PASSWORD)).status).to.equal(200);
    expect(await stored(account.id)).to.deep.equal({ failedAttempts: 0, lockedUntil: null });
    for (let i = 0; i < 4; i++) await signIn(account.username, WRONG);
    expect((await signIn(account.username, PASSWORD)).status).to.equal(200);
  });

  it('given 20 wrong passwords sent at once, when they are answered, then the count is exactly 20 and the lock engaged once, at the 5th', async function () {
    this.timeout(60_000);
    const account = await newAccount();
    const lockedAt = inMinutes(15);
    const answers = await Promise.all(Array.from({ length: 20 }, () => signIn(account.username, WRONG)));
    expect(answers.map((a) => a.status)).to.deep.equal(Array(20).fill(401));
    // Attempts during the lock count but do not extend it: the lock is the one the 5th set.
    expect(await stored(account.id)).to.deep.equal({ failedAttempts: 20, lockedUntil: lockedAt });
    expect((await signIn(account.username, PASSWORD)).status).to.equal(401);
  });

  it('given 20 wrong passwords counted at once in storage, when each count returns, then they are 1 to 20 once each and exactly those from 5 on are locked', async () => {
    const account = await newAccount();
    const at = suite.server.clock.now().toISOString();
    const lockUntil = inMinutes(15);
    const counts = await Promise.all(
      Array.from({ length: 20 }, () => recordWrongPassword(suite.server.services.db.knex, { id: account.id, at, maxAttempts: 5, lockUntil })),
    );
    const sorted = counts.map((c) => c as { failedAttempts: number; lockedUntil: string | null }).sort((a, b) => a.failedAttempts - b.failedAttempts);
    expect(sorted.map((c) => c.failedAttempts)).to.deep.equal(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(sorted.map((c) => c.lockedUntil)).to.deep.equal(Array.from({ length: 20 }, (_, i) => (i + 1 >= 5 ? lockUntil : null)));
    expect(await recordWrongPassword(suite.server.services.db.knex, { id: 'no-such-user', at, maxAttempts: 5, lockUntil })).to.equal(undefined);
  });

  it('given an unknown username, when signing in, then the answer is exactly a wrong password\'s, and a locked account\'s reads the same', async () => {
    const account = await newAccount();
    const unknown = await signIn('no-such-user-anywhere', WRONG);
    const wrong = await signIn(account.username, WRONG);
    expect(unknown.status).to.equal(401);
    expect(unknown.body).to.deep.equal(wrong.body);
    expect(unknown.body).to.include({ code: 'auth.invalid-credentials', status: 401 });
    expect(unknown.body.detail).to.equal('用户名或密码错误；连续输错 5 次密码，账号将锁定 15 分钟。The username or password is wrong; 5 wrong passwords in a row lock the account for 15 minutes.');
    for (let i = 0; i < 5; i++) await signIn('no-such-user-anywhere', WRONG);
    expect((await signIn('no-such-user-anywhere', WRONG)).body).to.deep.equal(wrong.body);
    for (let i = 0; i < 5; i++) await signIn(account.username, WRONG);
    expect((await signIn(account.username, WRONG)).body).to.deep.equal(wrong.body);
    expect((await signIn(account.username, PASSWORD)).body).to.deep.equal(wrong.body);
  });

  it('given IPSP_LOCKOUT_ATTEMPTS=3 and IPSP_LOCKOUT_MINUTES=60, when 3 wrong passwords follow, then the account locks for an hour and the answer says so', async () => {
    const config = loadConfig({ IPSP_LOCKOUT_ATTEMPTS: '3', IPSP_LOCKOUT_MINUTES: '60' });
    expect(config).to.include({ lockoutAttempts: 3, lockoutMinutes: 60 });
    const db = await suite.store.openAnother();
    const other = await startTestServer({ db, clock: suite.server.clock, isSeeded: false, config: { lockoutAttempts: 3, lockoutMinutes: 60 } });
    try {
      const account = await newAccount();
      for (let i = 0; i < 3; i++) await signIn(account.username, WRONG, other);
      expect(await stored(account.id)).to.deep.equal({ failedAttempts: 3, lockedUntil: inMinutes(60) });
      const right = await signIn(account.username, PASSWORD, other);
      expect(right.status).to.equal(401);
      expect(right.body.detail).to.contain('连续输错 3 次密码，账号将锁定 60 分钟');
    } finally {
      await other.close();
    }
  });
});

describe('sign-in lockout settings and the dummy hash', () => {
  it('given no settings, when loaded, then 5 attempts lock for 15 minutes; a setting that is not a whole number ≥ 1 stops the start naming it', () => {
    expect(loadConfig({})).to.include({ lockoutAttempts: 5, lockoutMinutes: 15 });
    expect(() => loadConfig({ IPSP_LOCKOUT_ATTEMPTS: '0' })).to.throw(/IPSP_LOCKOUT_ATTEMPTS must be a whole number of at least 1, not "0"/);
    expect(() => loadConfig({ IPSP_LOCKOUT_MINUTES: 'soon' })).to.throw(/IPSP_LOCKOUT_MINUTES must be a whole number/);
  });

  it('given the dummy hash an unknown username is checked against, when compared with a fresh hash, then the scrypt parameters are the same', async () => {
    const fresh = await hashPassword('any');
    expect(DUMMY_PASSWORD_HASH.split('$').slice(0, 4)).to.deep.equal(fresh.split('$').slice(0, 4));
  });
});
