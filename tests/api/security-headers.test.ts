/**
 * The header baseline on every kind of answer (reliability goal C10), over real HTTP on SQLite:
 * every GET route of the inventory as six callers (so successes, problems and denials alike),
 * file downloads, the front end's index page and a static asset, an unknown /api path, a refused
 * forgery and a bad body. Each answer must carry HSTS (≥ 1 year, subdomains), a CSP with
 * `default-src 'self'` (or stricter) and `object-src 'none'; base-uri 'none'; frame-ancestors
 * 'none'` and no inline script, nosniff, a Referrer-Policy, no framing, and on /api no-store.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { designerDistDir } from '../../server/paths.js';
import { ApiClient } from '../support/api-client.js';
import type { TestServer } from '../support/test-server.js';
import type { MianyangObjects } from './isolation/mianyang-objects.js';
import { callEveryGetRoute, sampleCallers, sampleClients, startSampleDeployment, type SampleDeployment } from './support/route-samples.js';

const ONE_YEAR_SECONDS = 31_536_000;

/** A CSP as directive → sources. */
function parsePolicy(header: string): Map<string, string[]> {
  const policy = new Map<string, string[]>();
  for (const part of header.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

/** The baseline problems of one answer's headers (empty when it has them all). */
function baselineGaps(headers: Headers, input: { isApi: boolean }): string[] {
  const gaps: string[] = [];
  const hsts = headers.get('strict-transport-security') ?? '';
  if (Number(/max-age=(\d+)/.exec(hsts)?.[1] ?? 0) < ONE_YEAR_SECONDS || !/includeSubDomains/i.test(hsts)) gaps.push(`HSTS "${hsts}"`);
  const policy = parsePolicy(headers.get('content-security-policy') ?? '');
  const defaultSrc = (policy.get('default-src') ?? []).join(' ');
  if (defaultSrc !== "'self'" && defaultSrc !== "'none'") gaps.push(`default-src "${defaultSrc}"`);
  // object-src falls back to default-src; base-uri and frame-ancestors do not.
  if ((policy.get('object-src') ?? (defaultSrc === "'none'" ? ["'none'"] : [])).join(' ') !== "'none'") gaps.push('object-src');
  for (const name of ['base-uri', 'frame-ancestors']) if ((policy.get(name) ?? []).join(' ') !== "'none'") gaps.push(name);
  if ((policy.get('script-src') ?? policy.get('default-src') ?? []).includes("'unsafe-inline'")) gaps.push("script-src 'unsafe-inline'");
  if (headers.get('x-content-type-options') !== 'nosniff') gaps.push('nosniff');
  if (!headers.get('referrer-policy')) gaps.push('Referrer-Policy');
  if (headers.get('x-frame-options') !== 'DENY') gaps.push('X-Frame-Options');
  if (input.isApi && !(headers.get('cache-control') ?? '').split(/,\s*/).includes('no-store')) gaps.push(`Cache-Control "${headers.get('cache-control')}"`);
  return gaps;
}

describe('security headers on every kind of answer [sqlite]', () => {
  let deployment: SampleDeployment;
  let server: TestServer;
  let objects: MianyangObjects;
  const statuses = new Map<number, number>();
  let checked = 0;

  /** Records the answer and returns its gaps, labelled. */
  const check = (label: string, response: { status: number; headers: Headers }, isApi = true): string[] => {
    checked += 1;
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    return baselineGaps(response.headers, { isApi }).map((gap) => `${label} (${response.status}): ${gap}`);
  };

  before(async function () {
    this.timeout(120_000);
    deployment = await startSampleDeployment();
    ({ server, objects } = deployment);
  });

  after(async () => {
    await deployment?.close();
    console.log(`      (${checked} answers checked; by status ${JSON.stringify(Object.fromEntries([...statuses].sort()))})`);
  });

  it(`given every GET route of the inventory called by ${sampleCallers.length} callers, when answered (success, problem or denial), then each carries the baseline`, async function () {
    this.timeout(120_000);
    const gaps: string[] = [];
    await callEveryGetRoute(deployment, await sampleClients(server), (label, answer) => gaps.push(...check(label, answer)));
    expect(gaps).to.deep.equal([]);
    expect([...statuses.keys()], 'successes and problems both sampled').to.include.members([200, 401, 403, 404]);
  });

  it('given file downloads (a material, a workbook, a signed package), when downloaded, then each carries the baseline and no-store', async () => {
    const zhangsan = await server.client('zhangsan');
    const admin = await server.client('admin');
    const material = await zhangsan.download(`/api/files/${objects.fileId}`);
    const workbook = await admin.download('/api/lists/province-value-added-list/workbook');
    const latest = await new ApiClient(server.url).download('/api/network/packages/latest');
    expect([material.status, workbook.status, latest.status]).to.deep.equal([200, 200, 200]);
    expect(material.headers.get('content-disposition')).to.match(/^attachment/);
    expect([...check('material file', material), ...check('workbook', workbook), ...check('package', latest)]).to.deep.equal([]);
  });

  it('given an unknown /api path, a refused forgery, a bad JSON body and a refused sign-in, when answered as problems, then each carries the baseline', async () => {
    const anonymous = new ApiClient(server.url);
    const unknown = await fetch(`${server.url}/api/no-such-route`);
    const forged = await fetch(`${server.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const badJson = await anonymous.request('POST', '/api/session', { text: '{"username":' });
    const refused = await anonymous.post('/api/session', { username: 'zhangsan', password: 'Wrong@2026x' });
    expect([unknown.status, forged.status, badJson.status, refused.status]).to.deep.equal([404, 403, 400, 401]);
    expect([...check('unknown path', unknown), ...check('forgery', forged), ...check('bad JSON', badJson), ...check('sign-in', refused)]).to.deep.equal([]);
  });

  it("given the built front end, when its index page (at / and a client route) and a static asset are fetched, then each carries the baseline (no no-store needed: they hold no one's data)", async function () {
    const assets = existsSync(join(designerDistDir, 'assets')) ? readdirSync(join(designerDistDir, 'assets')).filter((name) => name.endsWith('.js')) : [];
    if (assets.length === 0) this.skip(); // `make test` builds the front end first
    const answers = await Promise.all(['/', '/studio/lists', `/assets/${assets[0]}`, '/assets/no-such-file.js'].map(async (path) => [path, await fetch(`${server.url}${path}`)] as const));
    expect(answers.map(([, response]) => response.status)).to.deep.equal([200, 200, 200, 200]);
    expect(answers.flatMap(([path, response]) => check(path, response, false))).to.deep.equal([]);
    // The index page must load its script from this origin: no inline script to allow.
    const html = await (await fetch(`${server.url}/`)).text();
    expect(html).to.not.match(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('given a policy without the baseline, when checked, then every gap is named (the check can fail)', () => {
    const weak = new Headers({ 'content-security-policy': "default-src *; script-src 'self' 'unsafe-inline'", 'strict-transport-security': 'max-age=86400' });
    expect(baselineGaps(weak, { isApi: true })).to.deep.equal([
      'HSTS "max-age=86400"',
      'default-src "*"',
      'object-src',
      'base-uri',
      'frame-ancestors',
      "script-src 'unsafe-inline'",
      'nosniff',
      'Referrer-Policy',
      'X-Frame-Options',
      'Cache-Control "null"',
    ]);
  });
});
