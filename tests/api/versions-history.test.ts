/**
 * A definition's history over HTTP: a readable diff between any two versions the caller can
 * see (or its draft), and rolling back to a version as the next draft — the province on its
 * own item, and 绵阳 to an inherited version, which localizes it and so meets its locks.
 */
import { expect } from 'chai';
import type { ApiClient } from '../support/api-client.js';
import { forEachDatabase } from '../support/databases.js';
import { useApiSuite } from './support/api-suite.js';
import { PLEDGE_ITEM } from './support/pledge.js';

const ITEM_PATH = `/api/definitions/ServiceItem/${PLEDGE_ITEM}`;
const NEW_CONTENT = '受理专利权质押登记申请（含变更、注销），核验材料后协助向国家知识产权局办理登记并送达通知书。';

forEachDatabase('API: version history, diff and roll back', (target) => {
  const suite = useApiSuite(target);
  let province: ApiClient;
  let admin: ApiClient;
  let staff: ApiClient;
  let v1: any;

  const diff = (client: ApiClient, query: string) => client.get(`${ITEM_PATH}/diff?${query}`);
  const changesOf = async (client: ApiClient, query: string) => {
    const answer = await diff(client, query);
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
    return answer.body.changes as Array<{ path: string; op: string; before?: unknown; after?: unknown }>;
  };

  before(async () => {
    province = await suite.server.client('province');
    admin = await suite.server.client('admin');
    staff = await suite.server.client('staff1');
    v1 = (await province.get(ITEM_PATH)).body.versions[0].body;
  });

  it('given the province edits its item, when it diffs version 1 against the draft, then it sees each change with its pointer', async () => {
    const { version: _version, ...body } = v1;
    const saved = await province.put(ITEM_PATH, { ...body, content: NEW_CONTENT, timeLimit: { ...v1.timeLimit, value: 5 } });
    expect(saved.status, JSON.stringify(saved.body)).to.equal(200);
    const answer = await diff(province, 'from=1&to=draft');
    expect(answer.status).to.equal(200);
    expect(answer.body.from).to.deep.equal({ platformId: 'sichuan-province', version: 1, status: 'published' });
    expect(answer.body.to).to.deep.equal({ platformId: 'sichuan-province', version: 2, status: 'draft' });
    expect(answer.body.changes).to.have.deep.members([
      { path: '/version', op: 'changed', before: 1, after: 2 },
      { path: '/content', op: 'changed', before: v1.content, after: NEW_CONTENT },
      { path: '/timeLimit/value', op: 'changed', before: 3, after: 5 },
    ]);
  });

  it('given version 2 published, when diffed either way between published versions, then the same changes, reversed', async () => {
    expect((await province.post('/api/definitions/publish', { definitions: [{ kind: 'ServiceItem', id: PLEDGE_ITEM }] })).status).to.equal(200);
    const forward = await changesOf(province, 'from=1&to=2');
    const backward = await changesOf(province, 'from=2&to=1');
    expect(forward).to.have.length(3);
    expect(backward).to.have.deep.members(forward.map(({ path, op, before, after }) => ({ path, op, before: after, after: before })));
  });

  it('given the province, when it rolls back to version 1, then version 1 becomes draft 3 and differs from it only in the number', async () => {
    const rolled = await province.post(`${ITEM_PATH}/rollback`, { version: 1 });
    expect(rolled.status, JSON.stringify(rolled.body)).to.equal(200);
    expect(rolled.body.draft).to.include({ platformId: 'sichuan-province', version: 3, status: 'draft' });
    expect(rolled.body.problems).to.deep.equal([]);
    expect(await changesOf(province, 'from=1&to=draft')).to.deep.equal([{ path: '/version', op: 'changed', before: 1, after: 3 }]);
    // Nothing is published by a roll back: version 2 is still what platforms inherit.
    const published = (await province.get(ITEM_PATH)).body.versions.filter((v: any) => v.status === 'published');
    expect(published.map((v: any) => v.version)).to.deep.equal([1, 2]);
  });

  it("given 绵阳's admin, when it rolls back to the inherited version 1, then a localized draft checked against the locks of version 2", async () => {
    const rolled = await admin.post(`${ITEM_PATH}/rollback`, { version: 1 });
    expect(rolled.status, JSON.stringify(rolled.body)).to.equal(200);
    expect(rolled.body.draft).to.include({ platformId: 'mianyang', version: 1, status: 'draft', isInherited: false });
    // content is locked and changed in version 2; the shorter limit of version 1 is allowed.
    expect(rolled.body.problems.map((p: any) => [p.code, p.path])).to.deep.equal([['adoption.locked-field-changed', '/content']]);
    expect(rolled.body.problems[0].message).to.contain('version 2 of platform "sichuan-province"');
    const refused = await admin.post('/api/definitions/publish', { definitions: [{ kind: 'ServiceItem', id: PLEDGE_ITEM }] });
    expect(refused.status).to.equal(422);
  });

  it("given 绵阳 localizes version 2 and publishes, when diffing the province's 1 against its own 1, then owners tell them apart", async () => {
    const rolled = await admin.post(`${ITEM_PATH}/rollback`, { version: 2, owner: 'sichuan-province' });
    expect(rolled.body.problems).to.deep.equal([]);
    expect((await admin.post('/api/definitions/publish', { definitions: [{ kind: 'ServiceItem', id: PLEDGE_ITEM }] })).status).to.equal(200);

    const answer = await diff(admin, 'from=1&fromOwner=sichuan-province&to=1');
    expect(answer.body.from).to.deep.include({ platformId: 'sichuan-province', version: 1 });
    expect(answer.body.to).to.deep.include({ platformId: 'mianyang', version: 1 });
    // 绵阳's own version also records what it was made from.
    expect(answer.body.changes.map((c: any) => c.path)).to.have.members(['/content', '/timeLimit/value', '/extends']);
    expect(answer.body.changes.find((c: any) => c.path === '/extends').after).to.deep.equal({ platform: 'sichuan-province', version: 2 });
    // Without an owner the nearest platform's version is meant: 绵阳's own, against itself.
    expect(await changesOf(admin, 'from=1&to=1')).to.deep.equal([]);
    // Staff read history too.
    expect((await changesOf(staff, 'from=1&fromOwner=sichuan-province&to=2')).map((c) => c.path)).to.have.members(['/version', '/content', '/timeLimit/value']);
  });

  it('given versions that are not there or a malformed one, when asked, then 404 or 400 with the parameter named', async () => {
    const malformed = await diff(admin, 'from=first&to=2');
    expect(malformed.status).to.equal(400);
    expect(malformed.body.problems.map((p: any) => [p.code, p.path])).to.deep.equal([['request.version-invalid', '/from']]);
    expect((await diff(admin, 'to=2')).status).to.equal(400);
    for (const query of ['from=1&to=9', 'from=1&to=draft', 'from=1&fromOwner=deyang&to=1']) {
      const missing = await diff(admin, query);
      expect(missing.status, query).to.equal(404);
      expect(missing.body.code).to.equal('definition.version-not-found');
    }
    const rolledToNothing = await admin.post(`${ITEM_PATH}/rollback`, { version: 9 });
    expect(rolledToNothing.status).to.equal(404);
    expect((await admin.post(`${ITEM_PATH}/rollback`, { version: 'one' })).status).to.equal(400);
    const noSuchItem = await admin.get('/api/definitions/ServiceItem/no-such-item/diff?from=1&to=1');
    expect([noSuchItem.status, noSuchItem.body.code]).to.deep.equal([404, 'not-found']);
  });

  it('given staff, when they try to roll back, then it is refused: only admins write', async () => {
    const answer = await staff.post(`${ITEM_PATH}/rollback`, { version: 1 });
    expect(answer.status).to.equal(403);
  });
});
