/**
 * Application drafts: an applicant saves form data and uploads for an item, resumes them later,
 * and submitting the item deletes the draft. Drafts are per user: nobody else reads or deletes
 * them, and only the saver's own unattached uploads may be named.
 */
import { expect } from 'chai';
import type { ApiClient } from '../support/api-client.js';
import { forEachDatabase } from '../support/databases.js';
import { useApiSuite } from './support/api-suite.js';
import { AGENT_PLEDGE_MATERIALS, upload, uploadPledgeFiles } from './support/applying.js';
import { PLEDGE_ITEM, pledgeData, tinyPdf } from './support/pledge.js';

forEachDatabase('API: application drafts', (target) => {
  const suite = useApiSuite(target);
  let zhangsan: ApiClient;
  let lisi: ApiClient;
  let fileRefs: Record<string, string[]>;
  const partial = { pledgorType: 'organization', pledgorName: '绵阳草稿测试有限公司' };

  before(async () => {
    zhangsan = await suite.server.client('zhangsan');
    lisi = await suite.server.client('lisi');
  });

  it('given no draft yet, when zhangsan asks for one, then 404; and his list is empty', async () => {
    expect((await zhangsan.get(`/api/application-drafts/${PLEDGE_ITEM}`)).status).to.equal(404);
    expect((await zhangsan.get('/api/application-drafts')).body).to.deep.equal({ drafts: [] });
  });

  it('given half-filled data and one upload, when saved, then it reads back with the upload\'s name and the save time', async () => {
    fileRefs = await uploadPledgeFiles(zhangsan, ['applicationForm']);
    const saved = await zhangsan.put(`/api/application-drafts/${PLEDGE_ITEM}`, { data: partial, fileRefs });
    expect(saved.status, JSON.stringify(saved.body)).to.equal(200);
    expect(saved.body).to.deep.include({ itemId: PLEDGE_ITEM, data: partial, fileRefs, savedAt: suite.server.clock.now().toISOString() });
    expect(saved.body.files).to.deep.equal([{ fileId: fileRefs.applicationForm![0], materialKey: 'applicationForm', name: 'applicationForm.pdf', size: saved.body.files[0].size, mediaType: 'application/pdf' }]);
    const read = await zhangsan.get(`/api/application-drafts/${PLEDGE_ITEM}`);
    expect(read.body).to.deep.equal(saved.body);
    const list = await zhangsan.get('/api/application-drafts');
    expect(list.body.drafts).to.have.length(1);
    expect(list.body.drafts[0]).to.include({ itemId: PLEDGE_ITEM, itemTitle: '专利权质押登记' });
  });

  it('given a later save with more data, when saved again, then it replaces the first (one draft per item)', async () => {
    suite.server.clock.advanceHours(1);
    const more = { ...partial, pledgeeName: '某银行绵阳分行' };
    const saved = await zhangsan.put(`/api/application-drafts/${PLEDGE_ITEM}`, { data: more, fileRefs });
    expect(saved.body.data).to.deep.equal(more);
    expect((await zhangsan.get('/api/application-drafts')).body.drafts).to.have.length(1);
    expect((await zhangsan.get(`/api/application-drafts/${PLEDGE_ITEM}`)).body.savedAt).to.equal(suite.server.clock.now().toISOString());
  });

  it('given zhangsan\'s draft, when lisi reads, lists or deletes drafts of the item, then she sees and removes nothing of his', async () => {
    expect((await lisi.get(`/api/application-drafts/${PLEDGE_ITEM}`)).status).to.equal(404);
    expect((await lisi.get('/api/application-drafts')).body.drafts).to.deep.equal([]);
    expect((await lisi.delete(`/api/application-drafts/${PLEDGE_ITEM}`)).status).to.equal(404);
    expect((await zhangsan.get(`/api/application-drafts/${PLEDGE_ITEM}`)).status).to.equal(200);
  });

  it('given lisi naming zhangsan\'s upload in her draft, when saved, then it is refused like an unknown file', async () => {
    const answer = await lisi.put(`/api/application-drafts/${PLEDGE_ITEM}`, { data: {}, fileRefs });
    expect(answer.status).to.equal(422);
    expect(answer.body.problems[0]).to.include({ code: 'material.file-unknown', path: '/fileRefs/applicationForm/0' });
  });

  it('given an item the platform does not offer or a body that is not a draft, when saved, then 404 and 400', async () => {
    expect((await zhangsan.put('/api/application-drafts/no-such-item', { data: {} })).status).to.equal(404);
    const wrong = await zhangsan.put(`/api/application-drafts/${PLEDGE_ITEM}`, { data: [], extra: true });
    expect(wrong.status).to.equal(400);
  });

  it('given the draft resumed, when zhangsan submits the item with the rest of the uploads, then the case starts and the draft is gone', async () => {
    const rest = await uploadPledgeFiles(zhangsan, AGENT_PLEDGE_MATERIALS.filter((k) => k !== 'applicationForm'));
    const draft = (await zhangsan.get(`/api/application-drafts/${PLEDGE_ITEM}`)).body;
    const started = await zhangsan.post('/api/cases', { item: PLEDGE_ITEM, draftItemId: PLEDGE_ITEM, data: pledgeData(), fileRefs: { ...draft.fileRefs, ...rest } });
    expect(started.status, JSON.stringify(started.body)).to.equal(201);
    expect(started.body.step).to.equal('accept');
    expect((await zhangsan.get(`/api/application-drafts/${PLEDGE_ITEM}`)).status).to.equal(404);
    expect((await zhangsan.get('/api/application-drafts')).body.drafts).to.deep.equal([]);
  });

  it('given a draft and a submission that is refused, when submitted, then the draft stays', async () => {
    await zhangsan.put(`/api/application-drafts/${PLEDGE_ITEM}`, { data: partial });
    const refused = await zhangsan.post('/api/cases', { item: PLEDGE_ITEM, data: partial });
    expect(refused.status).to.equal(422);
    expect((await zhangsan.get(`/api/application-drafts/${PLEDGE_ITEM}`)).status).to.equal(200);
  });

  it('given draftItemId naming another item, when submitted, then 400 at /draftItemId', async () => {
    const answer = await zhangsan.post('/api/cases', { item: PLEDGE_ITEM, draftItemId: 'ip-policy-consulting', data: pledgeData() });
    expect(answer.status).to.equal(400);
    expect(answer.body.problems[0]).to.include({ path: '/draftItemId' });
  });

  it('given the draft, when deleted, then it is gone and a second delete is 404; its upload stays zhangsan\'s to use', async () => {
    expect((await zhangsan.delete(`/api/application-drafts/${PLEDGE_ITEM}`)).status).to.equal(204);
    expect((await zhangsan.delete(`/api/application-drafts/${PLEDGE_ITEM}`)).status).to.equal(404);
    const kept = await upload(zhangsan, { itemId: PLEDGE_ITEM, materialKey: 'otherMaterials', file: tinyPdf('其他.pdf') });
    expect((await zhangsan.put(`/api/application-drafts/${PLEDGE_ITEM}`, { data: {}, fileRefs: { otherMaterials: [kept.body.fileId] } })).status).to.equal(200);
  });
});
