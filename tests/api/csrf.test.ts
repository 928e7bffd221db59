/**
 * Cross-site request forgery over the route inventory (reliability goal C9), real HTTP on one
 * SQLite database (the check runs before anything touches storage, so one database shows it):
 * every state-changing route, forged in six ways by a page of another site riding a signed-in
 * victim's cookies, answers 403 `csrf.refused` and changes nothing; the same call with the
 * right token is not refused for forgery; and no GET, HEAD or OPTIONS request changes anything.
 *
 * The requests here are raw on purpose: they are the forgeries the ApiClient never makes.
 */
import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import type { Route } from '../../server/http/route.js';
import { routes } from '../../server/routes/index.js';
import { ApiClient, CSRF_COOKIE, CSRF_HEADER, type ApiResponse } from '../support/api-client.js';
import { checkAgainstOpenApi } from '../support/openapi-check.js';
import type { TestServer } from '../support/test-server.js';
import { DRAFT_ITEM_ID, MIANYANG, OWN_ITEM_ID, type MianyangObjects } from './isolation/mianyang-objects.js';
import { routeKey } from './isolation/route-table.js';
import { snapshotFiles, snapshotTables } from './support/db-snapshot.js';
import { callEveryGetRoute, sampleCallers, sampleClients, startSampleDeployment, type SampleDeployment } from './support/route-samples.js';

const FOREIGN = 'https://forms.example.net';
const stateChanging = routes.filter((route) => route.method !== 'get');
const readOnly = routes.filter((route) => route.method === 'get');

/** A demo account holding one of the route's roles (public routes: a visitor who never signed in). */
const accounts: Array<{ username: string; roles: string[] }> = [
  { username: 'admin', roles: ['platform-admin'] },
  { username: 'province', roles: ['province-admin'] },
  { username: 'staff1', roles: ['staff'] },
  { username: 'zhangsan', roles: ['applicant'] },
  { username: 'auditor', roles: ['auditor'] },
];
function accountFor(route: Route): string | undefined {
  if (route.access === 'public') return undefined;
  if (route.access === 'signedIn') return 'zhangsan';
  const access = route.access as string[];
  return accounts.find((a) => a.roles.some((role) => access.includes(role)))?.username;
}

interface Forgery {
  name: string;
  headers: (victim: { token: string; otherToken: string }) => Record<string, string>;
  body: (victim: { token: string }) => string;
}

/** What a page of another site can make the victim's browser send (and a little more). */
const forgeries: Forgery[] = [
  { name: 'no token', headers: () => ({ 'content-type': 'application/json' }), body: () => '{}' },
  { name: 'a wrong token', headers: () => ({ 'content-type': 'application/json', [CSRF_HEADER]: randomBytes(32).toString('base64url') }), body: () => '{}' },
  { name: "another session's token", headers: (v) => ({ 'content-type': 'application/json', [CSRF_HEADER]: v.otherToken }), body: () => '{}' },
  { name: 'a foreign Origin with the right token', headers: (v) => ({ 'content-type': 'application/json', origin: FOREIGN, [CSRF_HEADER]: v.token }), body: () => '{}' },
  {
    name: 'a cross-origin text/plain form post',
    headers: () => ({ 'content-type': 'text/plain', origin: FOREIGN, 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' }),
    body: () => '{"username":"attacker","password":"Attacker@2026","ignored":"=x"}',
  },
  {
    name: 'an application/x-www-form-urlencoded form post carrying the token as a field',
    headers: () => ({ 'content-type': 'application/x-www-form-urlencoded' }),
    body: (v) => `${CSRF_HEADER}=${v.token}&_csrf=${v.token}&username=attacker`,
  },
];

/** The route's path with real 绵阳 ids where it names them. */
function pathOf(route: Route, objects: MianyangObjects): string {
  const values: Record<string, string> = {
    caseId: objects.caseId,
    fileId: objects.fileId,
    kind: 'ServiceItem',
    id: DRAFT_ITEM_ID,
    itemId: OWN_ITEM_ID,
    action: 'accept',
    platformId: MIANYANG,
    taskId: objects.taskIds[0] as string,
    year: '2025',
    listId: 'province-value-added-list',
  };
  return route.path.replace(/:(\w+)/g, (_match, name: string) => values[name] ?? 'probe');
}

async function send(server: TestServer, input: { method: string; path: string; cookie: string; headers: Record<string, string>; body?: string }): Promise<ApiResponse> {
  const response = await fetch(`${server.url}${input.path}`, {
    method: input.method,
    headers: { ...input.headers, ...(input.cookie ? { cookie: input.cookie } : {}) },
    ...(input.body === undefined ? {} : { body: input.body }),
  });
  const contentType = response.headers.get('content-type') ?? '';
  const text = await response.text();
  const body: unknown = contentType.includes('json') && text ? JSON.parse(text) : text;
  if (!['HEAD', 'OPTIONS'].includes(input.method)) checkAgainstOpenApi({ method: input.method, path: input.path.split('?')[0] as string, status: response.status, contentType, body });
  return { status: response.status, body, headers: response.headers };
}

const tokenOf = (client: ApiClient): string => client.cookie.match(new RegExp(`${CSRF_COOKIE}=([^;]+)`))?.[1] ?? '';

describe('CSRF over the route inventory [sqlite]', () => {
  let deployment: SampleDeployment;
  let server: TestServer;
  let objects: MianyangObjects;
  const victims = new Map<string | undefined, ApiClient>();
  let other: ApiClient;
  const snapshot = async (options: Parameters<typeof snapshotTables>[1]) => ({
    // Audit records of refusals and denials are expected (goal E1): they are the log, not a change.
    tables: await snapshotTables(server.services.db.knex, { skip: /^audit/, ...options }),
    files: await snapshotFiles(server.services.config.filesDir),
  });
  let requestsMade = 0;

  before(async function () {
    this.timeout(120_000);
    deployment = await startSampleDeployment();
    ({ server, objects } = deployment);
    for (const account of [undefined, ...accounts.map((a) => a.username)]) {
      const client = await server.client(account);
      await client.csrfHeaders();
      victims.set(account, client);
    }
    other = await server.client('lisi');
    await other.csrfHeaders();
  });

  after(async () => {
    await deployment?.close();
  });

  describe('forged requests', () => {
    let before_: Awaited<ReturnType<typeof snapshot>>;
    before(async () => {
      before_ = await snapshot({});
    });

    for (const route of stateChanging) {
      it(`given ${routeKey(route)}, when forged ${forgeries.length} ways, then each answers 403 csrf.refused`, async () => {
        const victim = victims.get(accountFor(route)) as ApiClient;
        const tokens = { token: tokenOf(victim), otherToken: tokenOf(other) };
        expect(tokens.token).to.have.length(43);
        expect(tokens.otherToken).to.have.length(43).and.not.equal(tokens.token);
        for (const forgery of forgeries) {
          const answer = await send(server, { method: route.method.toUpperCase(), path: pathOf(route, objects), cookie: victim.cookie, headers: forgery.headers(tokens), body: forgery.body(tokens) });
          requestsMade += 1;
          expect(answer.status, `${forgery.name}: ${JSON.stringify(answer.body)}`).to.equal(403);
          expect(answer.body.code, forgery.name).to.equal('csrf.refused');
        }
      });
    }

    it('given every forgery above, when the database and the file store are compared, then nothing changed (sessions included)', async () => {
      expect(requestsMade).to.equal(stateChanging.length * forgeries.length);
      expect(await snapshot({})).to.deep.equal(before_);
    });
  });

  describe('origins', () => {
    const signOut = async (headers: Record<string, string>) => {
      const victim = await server.client('zhangsan');
      const answer = await send(server, { method: 'DELETE', path: '/api/session', cookie: victim.cookie, headers: { ...(await victim.csrfHeaders()), ...headers } });
      return { answer, isStillSignedIn: (await victim.get('/api/session')).status === 200 };
    };

    it("given the right token, when the Origin is the server's own or the configured public URL's, then the request goes through", async () => {
      for (const origin of [server.url, new URL(server.services.config.publicUrl).origin]) {
        const { answer, isStillSignedIn } = await signOut({ origin, 'sec-fetch-site': 'same-origin' });
        expect(answer.status, origin).to.equal(204);
        expect(isStillSignedIn).to.equal(false);
      }
    });

    it('given the right token, when the Origin is "null", another port, or the browser says same-site, then it is refused and the session lives on', async () => {
      const port = Number(new URL(server.url).port);
      for (const headers of <Array<Record<string, string>>>[{ origin: 'null' }, { origin: `http://127.0.0.1:${port + 1}` }, { 'sec-fetch-site': 'same-site' }, { 'sec-fetch-site': 'cross-site' }]) {
        const { answer, isStillSignedIn } = await signOut(headers);
        expect(answer.status, JSON.stringify(headers)).to.equal(403);
        expect(answer.body.code).to.equal('csrf.refused');
        expect(isStillSignedIn).to.equal(true);
      }
    });
  });

  describe('the token cookie', () => {
    it('given a visitor without one, when any /api answer comes (GET /api/csrf, an unknown path), then it sets ipsp.csrf: random, readable by the page, SameSite=Strict', async () => {
      for (const path of ['/api/csrf', '/api/no-such-route']) {
        const response = await fetch(`${server.url}${path}`);
        const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${CSRF_COOKIE}=`)) ?? '';
        expect(cookie).to.match(/^ipsp\.csrf=[A-Za-z0-9_-]{43}; Path=\/; SameSite=Strict$/);
        if (path === '/api/csrf') expect(((await response.json()) as { token: string }).token).to.equal(cookie.slice(10, 53));
      }
    });

    it('given a visitor with a token, when it calls again, then the token stays; a malformed one is replaced', async () => {
      const client = new ApiClient(server.url);
      const { [CSRF_HEADER]: token } = await client.csrfHeaders();
      expect((await client.get('/api/csrf')).headers.getSetCookie()).to.deep.equal([]);
      expect((await client.get('/api/csrf')).body.token).to.equal(token);
      const bad = await fetch(`${server.url}/api/csrf`, { headers: { cookie: `${CSRF_COOKIE}=short` } });
      expect(bad.headers.getSetCookie()[0]).to.match(/^ipsp\.csrf=[A-Za-z0-9_-]{43};/);
    });
  });

  describe('the right token', () => {
    for (const route of stateChanging) {
      it(`given ${routeKey(route)} with the right token from the same origin, then it is not refused as a forgery`, async () => {
        const client = await server.client(accountFor(route));
        const token = await client.csrfHeaders();
        const answer = await send(server, {
          method: route.method.toUpperCase(),
          path: pathOf(route, objects),
          cookie: client.cookie,
          headers: { 'content-type': 'application/json', origin: server.url, 'sec-fetch-site': 'same-origin', ...token },
          body: '{}',
        });
        expect(answer.body?.code, JSON.stringify(answer.body)).to.not.equal('csrf.refused');
      });
    }
  });

  describe('safe methods', () => {
    it(`given every GET route (${readOnly.length}) called by ${sampleCallers.length} callers with 绵阳's real ids, and HEAD and OPTIONS on every path, then the database and the file store are unchanged`, async function () {
      this.timeout(120_000);
      const clients = await sampleClients(server);
      const admin = clients.find((c) => c.caller.username === 'admin')!.client;
      // A session's sliding expiry moves with each request by design; its id and user must not.
      const before_ = await snapshot({ columns: { sessions: ['sid', 'user_id'] } });
      let answered = 0;
      let succeeded = 0;
      await callEveryGetRoute(deployment, clients, (label, answer) => {
        expect(answer.status, label).to.be.below(500);
        answered += 1;
        succeeded += answer.status < 300 ? 1 : 0;
      });
      for (const route of routes) {
        for (const method of ['HEAD', 'OPTIONS']) {
          const answer = await send(server, { method, path: pathOf(route, objects), cookie: admin.cookie, headers: {} });
          expect(answer.status, `${method} ${route.path}`).to.be.below(500);
          answered += 1;
        }
      }
      expect(await snapshot({ columns: { sessions: ['sid', 'user_id'] } })).to.deep.equal(before_);
      console.log(`      (${answered} safe requests, ${succeeded} GETs answered 2xx)`);
    });
  });
});
