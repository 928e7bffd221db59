/**
 * Two deployments on this machine: two `ipsp serve` processes with their own SQLite files and
 * ports. The province deployment (seeded) publishes a package; the city deployment (platform
 * records of the province and 绵阳, 绵阳's admin, no province definitions) trusts the province
 * key by its fingerprint, pulls over HTTP, sees the diff, imports and serves the items. Then v2
 * of one item shows as exactly one changed entry, and a revoked key's package is refused.
 */
import { expect } from 'chai';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { definitionsDir } from '../../server/paths.js';
import { openDatabase } from '../../storage/database.js';
import { ApiClient } from '../support/api-client.js';
import { ipsp } from '../support/cli.js';
import { DEMO_PASSWORD } from '../support/test-server.js';
import { envFor, freePort, serve, stopDeployment as stop, type Deployment } from './support/deployment-process.js';
import { prepareCityDeployment } from './support/deployments.js';
import { PLEDGE_ITEM } from './support/pledge.js';

describe('federation between two deployments (two server processes, two SQLite files)', function () {
  this.timeout(180_000);
  let dir: string;
  let province: Deployment;
  let city: Deployment;
  let provinceAdmin: ApiClient;
  let cityAdmin: ApiClient;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ipsp-federation-'));
    const provinceEnv = envFor(join(dir, 'province'), await freePort());
    expect((await ipsp(['seed-demo'], provinceEnv)).code).to.equal(0);
    const cityEnv = envFor(join(dir, 'city'), await freePort());
    const cityDb = await openDatabase({ sqliteFile: cityEnv.SQLITE_FILE as string });
    await cityDb.migrate();
    // The deployment runs on the real clock, where an account set up months ago has an expired password.
    await prepareCityDeployment(cityDb, new Date().toISOString());
    await cityDb.close();
    [province, city] = await Promise.all([serve(provinceEnv), serve(cityEnv)]);
    provinceAdmin = new ApiClient(province.url);
    await provinceAdmin.signIn('province', DEMO_PASSWORD);
    cityAdmin = new ApiClient(city.url);
    await cityAdmin.signIn('admin', DEMO_PASSWORD);
  });

  after(async () => {
    await Promise.all([stop(province), stop(city)]);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('given the province publishes a package, when the city trusts its key by fingerprint, pulls and imports, then the city serves the province\'s items', async () => {
    const created = await provinceAdmin.post('/api/packages');
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    // The fingerprint the province admin reads out (another channel) matches the one the network lists.
    const told = ((await provinceAdmin.get('/api/keys')).body.keys as any[]).find((k) => k.status === 'active');
    const listed = ((await new ApiClient(province.url).get('/api/network/keys')).body.keys as any[]).find((k) => k.keyId === created.body.keyId);
    expect(listed.fingerprint).to.equal(told.fingerprint);
    const trusted = await cityAdmin.post('/api/trusted-keys', { publisher: 'sichuan-province', publicKey: listed.publicKey, fingerprint: told.fingerprint });
    expect(trusted.status, JSON.stringify(trusted.body)).to.equal(201);

    expect((await cityAdmin.post('/api/federation/pull')).body.code).to.equal('federation.no-source');
    expect((await cityAdmin.put('/api/federation/source', { url: `${province.url}/` })).body.url).to.equal(province.url);
    const pulled = await cityAdmin.post('/api/federation/pull');
    expect(pulled.status, JSON.stringify(pulled.body).slice(0, 400)).to.equal(200);
    expect(pulled.body.source).to.equal(`${province.url}/api/network/packages/latest`);
    expect(pulled.body.packageHash).to.equal(created.body.hash);
    expect(pulled.body.entries).to.have.length(created.body.entryCount);
    expect(new Set(pulled.body.entries.map((e: any) => e.status))).to.deep.equal(new Set(['new']));

    const anonymous = new ApiClient(city.url);
    expect((await anonymous.get(`/api/platforms/sichuan-province/items/${PLEDGE_ITEM}`)).status, 'nothing is imported by pulling').to.equal(404);
    const imported = await cityAdmin.post('/api/federation/pull/import', { packageHash: pulled.body.packageHash });
    expect(imported.status, JSON.stringify(imported.body).slice(0, 400)).to.equal(200);
    expect(imported.body.imported).to.have.length(created.body.entryCount);

    // 绵阳 publishes its own platform document on the city deployment; its catalog now shows the province's item.
    const mianyang = JSON.parse(await readFile(join(definitionsDir, 'demo', 'mianyang', 'platform.json'), 'utf8'));
    expect((await cityAdmin.put('/api/definitions/Platform/mianyang', mianyang)).status).to.equal(200);
    expect((await cityAdmin.post('/api/definitions/publish', { definitions: [{ kind: 'Platform', id: 'mianyang' }] })).status).to.equal(200);
    const guide = await anonymous.get(`/api/platforms/mianyang/items/${PLEDGE_ITEM}`);
    expect(guide.status, JSON.stringify(guide.body).slice(0, 300)).to.equal(200);
    expect(guide.body.title).to.equal('专利权质押登记');
    expect(guide.body.guideHtml).to.include('专利权质押登记');
  });

  it('given the province publishes v2 of the pledge item and a new package, when the city pulls, then exactly that entry is changed, and importing it upgrades the city', async () => {
    const versions = (await provinceAdmin.get(`/api/definitions/ServiceItem/${PLEDGE_ITEM}`)).body.versions as any[];
    const item = versions.find((v) => v.version === 1).body;
    expect((await provinceAdmin.put(`/api/definitions/ServiceItem/${PLEDGE_ITEM}`, { ...item, timeLimit: { value: 5, unit: 'workingDay' } })).status).to.equal(200);
    expect((await provinceAdmin.post('/api/definitions/publish', { definitions: [{ kind: 'ServiceItem', id: PLEDGE_ITEM }] })).status).to.equal(200);
    expect((await provinceAdmin.post('/api/packages')).body.sequence).to.equal(2);
    const pulled = await cityAdmin.post('/api/federation/pull');
    expect(pulled.status, JSON.stringify(pulled.body).slice(0, 400)).to.equal(200);
    const notSame = pulled.body.entries.filter((e: any) => e.status !== 'same');
    expect(notSame.map((e: any) => [e.kind, e.id, e.version, e.status, e.heldVersion])).to.deep.equal([['ServiceItem', PLEDGE_ITEM, 2, 'changed', 1]]);
    expect(notSame[0].changes).to.deep.include({ path: '/timeLimit/value', op: 'changed', before: item.timeLimit.value, after: 5 });
    const imported = await cityAdmin.post('/api/federation/pull/import', { packageHash: pulled.body.packageHash });
    expect(imported.body.imported).to.deep.equal([{ kind: 'ServiceItem', id: PLEDGE_ITEM, version: 2 }]);
    expect((await new ApiClient(city.url).get(`/api/platforms/mianyang/items/${PLEDGE_ITEM}`)).body.version).to.equal(2);
  });

  it('given the province revokes its key, when the city pulls the package it signed, then it is refused naming the source, the key and the reason', async () => {
    const keyId = ((await provinceAdmin.get('/api/keys')).body.keys as any[]).find((k) => k.status === 'active').keyId;
    expect((await provinceAdmin.post(`/api/keys/${keyId}/revoke`, { reason: '私钥疑似泄露' })).status).to.equal(200);
    const refused = await cityAdmin.post('/api/federation/pull');
    expect(refused.status).to.equal(422);
    expect(refused.body.code).to.equal('package.key-revoked');
    expect(refused.body.detail).to.include(`${province.url}/api/network/packages/latest`);
    expect(refused.body.detail).to.include(`key ${keyId} was revoked`);
    expect(refused.body.detail).to.include('私钥疑似泄露');
    const trustedKey = ((await cityAdmin.get('/api/trusted-keys')).body.keys as any[]).find((k) => k.keyId === keyId);
    expect(trustedKey.status, 'the city records the publisher\'s revocation').to.equal('revoked');
  });

  it('given the province deployment is stopped, when the city pulls, then it is told the source is unreachable', async () => {
    await stop(province);
    const refused = await cityAdmin.post('/api/federation/pull');
    expect(refused.status).to.equal(502);
    expect(refused.body.code).to.equal('federation.unreachable');
    expect(refused.body.detail).to.include(`${province.url}/api/network/packages/latest is unreachable`);
  });
});
