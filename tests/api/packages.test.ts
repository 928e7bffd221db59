/**
 * Signed packages between two deployments in one process (two servers, two databases): the
 * province builds and signs a package; the city trusts the key by its fingerprint, inspects and
 * imports it; one changed byte anywhere is refused with the reason; keys rotate and revoke.
 */
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { insertPublishedExactly } from '../../storage/definitions.js';
import type { ApiClient } from '../support/api-client.js';
import { forEachDatabase, type TestStore } from '../support/databases.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { offsetOf, prepareCityDeployment, withByte } from './support/deployments.js';
import { PLEDGE_ITEM } from './support/pledge.js';

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

forEachDatabase('signed packages between two deployments', (target) => {
  let dir: string;
  let provinceStore: TestStore;
  let cityStore: TestStore;
  let province: TestServer;
  let city: TestServer;
  let provinceAdmin: ApiClient;
  let mianyangOnProvince: ApiClient;
  let cityAdmin: ApiClient;
  let first: { summary: any; bytes: Buffer; doc: any };

  const cityDefinitionCount = async () => Number((await cityStore.db.knex('definitions').count({ n: '*' }).first())?.n);
  const download = async (path: string) => {
    const response = await fetch(`${province.url}${path}`);
    expect(response.status).to.equal(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    return { bytes, doc: JSON.parse(bytes.toString('utf8')), location: response.headers.get('content-location') };
  };
  const networkKey = async (keyId: string) => ((await provinceAdmin.get('/api/network/keys')).body.keys as any[]).find((k) => k.keyId === keyId);
  const trustOnCity = async (keyId: string) => {
    const key = await networkKey(keyId);
    return cityAdmin.post('/api/trusted-keys', { publisher: 'sichuan-province', publicKey: key.publicKey, fingerprint: key.fingerprint });
  };

  before(async function () {
    this.timeout(60_000);
    dir = await mkdtemp(join(tmpdir(), 'ipsp-packages-'));
    provinceStore = await target.createStore();
    cityStore = await target.createStore();
    province = await startTestServer({ db: provinceStore.db, config: { secretFile: join(dir, 'province', 'ipsp.secret') } });
    city = await startTestServer({ db: cityStore.db, isSeeded: false, config: { secret: 'city-deployment-secret-for-tests' } });
    await prepareCityDeployment(cityStore.db);
    provinceAdmin = await province.client('province');
    mianyangOnProvince = await province.client('admin');
    cityAdmin = await city.client('admin');
  });

  after(async () => {
    await province?.close();
    await city?.close();
    await provinceStore?.dispose();
    await cityStore?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  describe('publishing and trusting', () => {
    it('given the province library, when the province admin creates a package, then it is signed, listed and downloadable byte for byte', async () => {
      const created = await provinceAdmin.post('/api/packages');
      expect(created.status, JSON.stringify(created.body)).to.equal(201);
      expect(created.body).to.include({ platformId: 'sichuan-province', sequence: 1 });
      expect(created.body.entryCount).to.be.greaterThan(40);
      expect((await provinceAdmin.get('/api/packages')).body.packages.map((p: any) => p.id)).to.deep.equal([created.body.id]);
      const latest = await download('/api/network/packages/latest');
      expect(latest.location).to.equal(`/api/network/packages/${created.body.id}`);
      expect(sha256(latest.bytes)).to.equal(created.body.hash);
      expect((await download(latest.location as string)).bytes.equals(latest.bytes)).to.equal(true);
      expect(latest.doc).to.include({ format: 'ipsp.package/1', keyId: created.body.keyId, sequence: 1 });
      expect(latest.doc.publisher).to.deep.equal({ platform: 'sichuan-province', title: '四川省知识产权公共服务平台' });
      first = { summary: created.body, bytes: latest.bytes, doc: latest.doc };
    });

    it('given a signing key, when keys are listed anywhere, then only the public half shows and the private half is sealed with a 0600 secret file', async () => {
      const key = await networkKey(first.summary.keyId);
      expect(key).to.include({ platformId: 'sichuan-province', status: 'active' });
      expect(key.publicKey).to.match(/^-----BEGIN PUBLIC KEY-----/);
      expect(key.fingerprint).to.match(/^[0-9a-f]{64}$/);
      const everything = JSON.stringify([(await provinceAdmin.get('/api/keys')).body, (await provinceAdmin.get('/api/network/keys')).body]);
      expect(everything).not.to.match(/PRIVATE|sealed/i);
      const row = await provinceStore.db.knex('signing_keys').where({ key_id: first.summary.keyId }).first();
      expect(row.private_key_sealed).to.match(/^v1\./);
      expect(row.private_key_sealed).not.to.include('PRIVATE');
      expect((await stat(join(dir, 'province', 'ipsp.secret'))).mode & 0o777).to.equal(0o600);
    });

    it('given the package on its own deployment, when 绵阳 inspects and imports it, then every entry is the same and nothing changes', async () => {
      const inspected = await mianyangOnProvince.postText('/api/packages/inspect', first.bytes);
      expect(inspected.status, JSON.stringify(inspected.body).slice(0, 400)).to.equal(200);
      expect(new Set(inspected.body.entries.map((e: any) => e.status))).to.deep.equal(new Set(['same']));
      const imported = await mianyangOnProvince.postText('/api/packages/import', first.bytes);
      expect(imported.status).to.equal(200);
      expect(imported.body.imported).to.deep.equal([]);
    });

    it('given a city deployment that does not trust the key, when it inspects the package, then it is refused naming the key and how to trust it', async () => {
      const refused = await cityAdmin.postText('/api/packages/inspect', first.bytes);
      expect(refused.status).to.equal(422);
      expect(refused.body.code).to.equal('package.key-unknown');
      expect(refused.body.detail).to.include(`signed with key ${first.summary.keyId} which this deployment does not trust; trust it with POST /api/trusted-keys`);
    });

    it('given the key from /api/network/keys, when the city admin trusts it with a wrong and then the right fingerprint, then only the right one is trusted', async () => {
      const key = await networkKey(first.summary.keyId);
      const wrong = await cityAdmin.post('/api/trusted-keys', { publisher: 'sichuan-province', publicKey: key.publicKey, fingerprint: `${key.fingerprint.slice(0, -1)}0` === key.fingerprint ? `${key.fingerprint.slice(0, -1)}1` : `${key.fingerprint.slice(0, -1)}0` });
      expect(wrong.status).to.equal(422);
      expect(wrong.body.code).to.equal('key.fingerprint-mismatch');
      expect(wrong.body.problems[0].path).to.equal('/fingerprint');
      const trusted = await trustOnCity(first.summary.keyId);
      expect(trusted.status, JSON.stringify(trusted.body)).to.equal(201);
      expect(trusted.body).to.include({ keyId: first.summary.keyId, publisherId: 'sichuan-province', status: 'trusted', platformId: 'mianyang' });
      expect((await trustOnCity(first.summary.keyId)).status).to.equal(200);
    });

  });

  describe('one byte changed', () => {
    const entryOf = (kind: string, id: string) => first.doc.definitions.findIndex((e: any) => e.kind === kind && e.id === id);
    const hashOffset = (index: number) => offsetOf(first.bytes, `"hash": "${first.doc.definitions[index].hash}"`);
    const cases: Array<{ where: string; change: () => Buffer; code: string; detail: () => string }> = [
      {
        where: 'inside a definition\'s text (the pledge item\'s title)',
        change: () => withByte(first.bytes, offsetOf(first.bytes, '"title": "', hashOffset(entryOf('ServiceItem', PLEDGE_ITEM))) + '"title": "'.length + 1),
        code: 'package.entry-hash',
        detail: () => `entry ${entryOf('ServiceItem', PLEDGE_ITEM)} (ServiceItem "${PLEDGE_ITEM}" version 1) does not match its hash`,
      },
      {
        where: 'inside a version number in a definition\'s body',
        change: () => withByte(first.bytes, offsetOf(first.bytes, '"version": ', hashOffset(entryOf('Workflow', 'standard-service'))) + '"version": '.length, 0x33),
        code: 'package.entry-hash',
        detail: () => `entry ${entryOf('Workflow', 'standard-service')} (Workflow "standard-service" version 1) does not match its hash`,
      },
      {
        where: 'inside an entry\'s version number',
        change: () => withByte(first.bytes, first.bytes.lastIndexOf('"version": ', hashOffset(entryOf('Checklist', PLEDGE_ITEM))) + '"version": '.length, 0x33),
        code: 'package.signature',
        detail: () => 'the package was changed after signing',
      },
      {
        where: 'inside the signature',
        change: () => withByte(first.bytes, offsetOf(first.bytes, '"signature": "') + '"signature": "'.length + 10),
        code: 'package.signature',
        detail: () => 'the package was changed after signing',
      },
      {
        where: 'inside the creation time',
        change: () => withByte(first.bytes, offsetOf(first.bytes, '"createdAt": "') + '"createdAt": "'.length + 3),
        code: 'package.signature',
        detail: () => 'the package was changed after signing',
      },
      {
        where: 'inside the key id',
        change: () => withByte(first.bytes, offsetOf(first.bytes, '"keyId": "') + '"keyId": "'.length + 12),
        code: 'package.key-unknown',
        detail: () => 'which this deployment does not trust',
      },
      {
        where: 'inside the format name',
        change: () => withByte(first.bytes, offsetOf(first.bytes, '"ipsp.package/1"') + 1),
        code: 'package.format',
        detail: () => 'not "ipsp.package/1"',
      },
      {
        where: 'at the opening brace (a structural byte)',
        change: () => withByte(first.bytes, 0),
        code: 'package.not-json',
        detail: () => 'it is not JSON at line 1, column 1',
      },
      {
        where: 'at the colon after "format" (a structural byte)',
        change: () => withByte(first.bytes, offsetOf(first.bytes, '"format":') + '"format"'.length),
        code: 'package.not-json',
        detail: () => 'it is not JSON at line 2, column 11',
      },
    ];

    for (const { where, change, code, detail } of cases) {
      it(`given the package with one byte changed ${where}, when the city inspects and imports it, then both refuse it with ${code} and nothing is imported`, async () => {
        const changed = change();
        expect(changed.length).to.equal(first.bytes.length);
        expect([...changed].filter((b, i) => b !== first.bytes[i])).to.have.length(1);
        for (const path of ['/api/packages/inspect', '/api/packages/import']) {
          const refused = await cityAdmin.postText(path, changed);
          expect(refused.status, JSON.stringify(refused.body).slice(0, 300)).to.equal(422);
          expect(refused.body.code).to.equal(code);
          expect(refused.body.detail).to.include(detail());
        }
        expect(await cityDefinitionCount()).to.equal(0);
      });
    }
  });

  describe('importing, upgrading and revoking', () => {
    it('given the trusted key, when the city inspects and imports the package twice, then every entry is new, all are stored once and the province\'s guide is served', async () => {
      const inspected = await cityAdmin.postText('/api/packages/inspect', first.bytes);
      expect(inspected.status, JSON.stringify(inspected.body).slice(0, 400)).to.equal(200);
      expect(inspected.body.verified).to.deep.include({ keyId: first.summary.keyId, sequence: 1 });
      expect(inspected.body.entries).to.have.length(first.summary.entryCount);
      expect(new Set(inspected.body.entries.map((e: any) => e.status))).to.deep.equal(new Set(['new']));
      const imported = await cityAdmin.postText('/api/packages/import', first.bytes);
      expect(imported.status, JSON.stringify(imported.body).slice(0, 400)).to.equal(200);
      expect(imported.body.imported).to.have.length(first.summary.entryCount);
      expect(await cityDefinitionCount()).to.equal(first.summary.entryCount);
      const again = await cityAdmin.postText('/api/packages/import', first.bytes);
      expect(again.body.imported).to.deep.equal([]);
      expect(await cityDefinitionCount()).to.equal(first.summary.entryCount);
      const stored = await cityStore.db.knex('definitions').where({ platform_id: 'sichuan-province', kind: 'ServiceItem', def_id: PLEDGE_ITEM }).first();
      expect(stored).to.include({ version: 1, status: 'published', hash: first.doc.definitions.find((e: any) => e.id === PLEDGE_ITEM && e.kind === 'ServiceItem').hash });
      const guide = await new (cityAdmin.constructor as typeof ApiClient)(city.url).get(`/api/platforms/sichuan-province/items/${PLEDGE_ITEM}`);
      expect(guide.status, JSON.stringify(guide.body).slice(0, 300)).to.equal(200);
    });

    it('given v2 of the pledge item and a rotated key, when the city inspects the new package, then it needs the new key and then shows exactly that entry as changed', async () => {
      const item = (await provinceAdmin.get(`/api/definitions/ServiceItem/${PLEDGE_ITEM}`)).body.versions.find((v: any) => v.version === 1).body;
      expect((await provinceAdmin.put(`/api/definitions/ServiceItem/${PLEDGE_ITEM}`, { ...item, timeLimit: { value: 5, unit: 'workingDay' } })).status).to.equal(200);
      expect((await provinceAdmin.post('/api/definitions/publish', { definitions: [{ kind: 'ServiceItem', id: PLEDGE_ITEM }] })).status).to.equal(200);
      const rotated = await provinceAdmin.post('/api/keys/rotate');
      expect(rotated.status).to.equal(201);
      expect(rotated.body.retired).to.equal(first.summary.keyId);
      const second = await provinceAdmin.post('/api/packages');
      expect(second.body).to.include({ sequence: 2, keyId: rotated.body.key.keyId });
      const bytes = (await download(`/api/network/packages/${second.body.id}`)).bytes;
      expect((await cityAdmin.postText('/api/packages/inspect', bytes)).body.code).to.equal('package.key-unknown');
      expect((await trustOnCity(rotated.body.key.keyId)).status).to.equal(201);
      const inspected = await cityAdmin.postText('/api/packages/inspect', bytes);
      const changed = inspected.body.entries.filter((e: any) => e.status !== 'same');
      expect(changed.map((e: any) => [e.kind, e.id, e.version, e.status, e.heldVersion])).to.deep.equal([['ServiceItem', PLEDGE_ITEM, 2, 'changed', 1]]);
      expect(changed[0].changes).to.deep.include({ path: '/timeLimit/value', op: 'changed', before: item.timeLimit.value, after: 5 });
      const oldPackage = await cityAdmin.postText('/api/packages/inspect', first.bytes);
      expect(oldPackage.status, 'a retired key still verifies what it signed').to.equal(200);
      expect(oldPackage.body.entries.find((e: any) => e.kind === 'ServiceItem' && e.id === PLEDGE_ITEM).status).to.equal('same');
      const imported = await cityAdmin.postText('/api/packages/import', bytes);
      expect(imported.body.imported).to.deep.equal([{ kind: 'ServiceItem', id: PLEDGE_ITEM, version: 2 }]);
    });

    it('given the province revokes the old key and the city stops trusting the new one, when their packages are inspected, then each is refused quoting the reason', async () => {
      const revoked = await provinceAdmin.post(`/api/keys/${first.summary.keyId}/revoke`, { reason: '私钥随旧服务器一并退役' });
      expect(revoked.status, JSON.stringify(revoked.body)).to.equal(200);
      expect(revoked.body).to.include({ status: 'revoked', revokedReason: '私钥随旧服务器一并退役' });
      expect((await networkKey(first.summary.keyId)).status).to.equal('revoked');
      const onProvince = await mianyangOnProvince.postText('/api/packages/inspect', first.bytes);
      expect(onProvince.body.code).to.equal('package.key-revoked');
      expect(onProvince.body.detail).to.include(`key ${first.summary.keyId} was revoked at ${revoked.body.revokedAt} (reason: 私钥随旧服务器一并退役)`);
      const second = await download('/api/network/packages/latest');
      const trusted = await cityAdmin.post(`/api/trusted-keys/${second.doc.keyId}/revoke`, { reason: '演练：停止信任' });
      expect(trusted.body).to.include({ status: 'revoked' });
      const onCity = await cityAdmin.postText('/api/packages/import', second.bytes);
      expect(onCity.status).to.equal(422);
      expect(onCity.body.detail).to.include('reason: 演练：停止信任');
    });

    it('given a version the city holds, when the same version is stored with other content, then storage refuses it', async () => {
      const stored = await cityStore.db.knex('definitions').where({ platform_id: 'sichuan-province', kind: 'ServiceItem', def_id: PLEDGE_ITEM, version: 1 }).first();
      const body = typeof stored.body === 'string' ? JSON.parse(stored.body) : stored.body;
      const same = await insertPublishedExactly(cityStore.db.knex, { platformId: 'sichuan-province', kind: 'ServiceItem', defId: PLEDGE_ITEM, version: 1, body, at: '2026-09-22T00:00:00.000Z' });
      expect(same.isNew).to.equal(false);
      let error: any;
      try {
        await insertPublishedExactly(cityStore.db.knex, { platformId: 'sichuan-province', kind: 'ServiceItem', defId: PLEDGE_ITEM, version: 1, body: { ...body, title: '篡改' }, at: '2026-09-22T00:00:00.000Z' });
      } catch (e) {
        error = e;
      }
      expect(error?.code).to.equal('definition.version-taken');
      expect(error?.message).to.include(`ServiceItem "${PLEDGE_ITEM}" version 1 of platform "sichuan-province"`);
    });
  });
});
