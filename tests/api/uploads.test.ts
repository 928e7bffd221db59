/**
 * Material uploads by reference: one file per POST /api/uploads, checked against that material
 * of the item's checklist, then named in fileRefs when applying or acting. Only the caller's own
 * uploads that no case holds yet may be named; anything else reads like an unknown id.
 */
import { expect } from 'chai';
import type { ApiClient } from '../support/api-client.js';
import { forEachDatabase } from '../support/databases.js';
import { getFile } from '../../storage/files.js';
import { docxOf } from '../support/zip.js';
import { useApiSuite } from './support/api-suite.js';
import { AGENT_PLEDGE_MATERIALS, upload, uploadPledgeFiles } from './support/applying.js';
import { act, PLEDGE_ITEM, pledgeData, tinyPdf } from './support/pledge.js';

forEachDatabase('API: material uploads by reference', (target) => {
  const suite = useApiSuite(target);
  let zhangsan: ApiClient;
  let lisi: ApiClient;

  before(async () => {
    zhangsan = await suite.server.client('zhangsan');
    lisi = await suite.server.client('lisi');
  });

  it('given a PDF for the application form, when uploaded, then it is stored as zhangsan\'s unattached upload and its reference comes back', async () => {
    const answer = await upload(zhangsan, { itemId: PLEDGE_ITEM, materialKey: 'applicationForm', file: tinyPdf('申请表.pdf') });
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201);
    expect(answer.body).to.include({ name: '申请表.pdf', mediaType: 'application/pdf' });
    expect(answer.body.size).to.be.greaterThan(100);
    const record = await getFile(suite.server.services.db.knex, answer.body.fileId);
    expect(record).to.include({ ownerId: 'demo-zhangsan', platformId: 'mianyang', caseId: null });
    const download = await zhangsan.download(`/api/files/${answer.body.fileId}`);
    expect(download.status).to.equal(200);
  });

  it('given a Word file for a material that takes pdf, jpg, png and ofd, when uploaded, then 422 names the material and the allowed types, and nothing is kept', async () => {
    const answer = await upload(zhangsan, { itemId: PLEDGE_ITEM, materialKey: 'pledgeContract', file: { name: '质押合同.docx', content: docxOf(), type: 'application/msword' } });
    expect(answer.status).to.equal(422);
    expect(answer.body.problems).to.have.length(1);
    expect(answer.body.problems[0]).to.include({ code: 'material.file-type', path: '/file' });
    expect(answer.body.problems[0].message).to.contain('专利权质押合同').and.to.contain('pdf、jpg、png、ofd');
    const own = await suite.server.services.db.knex('files').where({ owner_id: 'demo-zhangsan', original_name: '质押合同.docx' });
    expect(own).to.deep.equal([]);
  });

  it('given a file over the material\'s 10 MB, when uploaded, then 413 names the material and its limit', async () => {
    const pdf = tinyPdf('营业执照.pdf').content as Uint8Array;
    const big = Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024 + 1 - pdf.length, 0x20)]); // a real PDF, padded past 10 MB
    const answer = await upload(zhangsan, { itemId: PLEDGE_ITEM, materialKey: 'partyIdentity', file: { name: '营业执照.pdf', content: big } });
    expect(answer.status).to.equal(413);
    expect(answer.body.problems[0]).to.include({ code: 'material.file-size', path: '/file' });
    expect(answer.body.problems[0].message).to.contain('双方当事人身份证明').and.to.contain('10 MB');
  });

  it('given a material the checklist does not have, when uploaded, then 422 at /materialKey suggests the nearest key', async () => {
    const answer = await upload(zhangsan, { itemId: PLEDGE_ITEM, materialKey: 'applicationFrom', file: tinyPdf('申请表.pdf') });
    expect(answer.status).to.equal(422);
    expect(answer.body.problems[0]).to.include({ code: 'material.unknown', path: '/materialKey', suggestion: 'applicationForm' });
  });

  it('given an item the platform does not offer or no item at all, when uploaded, then 404 and 400', async () => {
    const unknown = await upload(zhangsan, { itemId: 'no-such-item', materialKey: 'applicationForm', file: tinyPdf('a.pdf') });
    expect(unknown.status).to.equal(404);
    const form = new FormData();
    form.append('materialKey', 'applicationForm');
    form.append('file', new Blob(['%PDF-1.4']), 'a.pdf');
    const noItem = await zhangsan.request('POST', '/api/uploads', { form });
    expect(noItem.status).to.equal(400);
    expect(noItem.body.problems[0]).to.include({ path: '/itemId' });
  });

  it('given every material uploaded by reference, when zhangsan applies with fileRefs, then the case holds them and they are attached', async () => {
    const fileRefs = await uploadPledgeFiles(zhangsan, AGENT_PLEDGE_MATERIALS);
    const started = await zhangsan.post('/api/cases', { item: PLEDGE_ITEM, data: pledgeData(), fileRefs });
    expect(started.status, JSON.stringify(started.body)).to.equal(201);
    expect(started.body.step).to.equal('accept');
    const byKey = Object.fromEntries(started.body.materials.map((m: { key: string; files: Array<{ id: string }> }) => [m.key, m.files.map((f) => f.id)]));
    for (const key of AGENT_PLEDGE_MATERIALS) expect(byKey[key], key).to.deep.equal(fileRefs[key]);
    const record = await getFile(suite.server.services.db.knex, fileRefs.applicationForm![0]!);
    expect(record).to.include({ caseId: started.body.id, materialKey: 'applicationForm' });

    // Named again, an attached upload reads like an unknown id.
    const again = await zhangsan.post('/api/cases', { item: PLEDGE_ITEM, data: pledgeData(), fileRefs: { applicationForm: fileRefs.applicationForm } });
    expect(again.status).to.equal(422);
    expect(again.body.problems[0]).to.include({ code: 'material.file-unknown', path: '/fileRefs/applicationForm/0' });
  });

  it('given lisi\'s upload, an attached one and an id that names nothing, when zhangsan names them, then each gets the same problem and no case starts', async () => {
    const lisis = await upload(lisi, { itemId: PLEDGE_ITEM, materialKey: 'applicationForm', file: tinyPdf('李四.pdf') });
    expect(lisis.status).to.equal(201);
    const mine = (await zhangsan.get('/api/cases')).body.cases.length;
    const fileRefs = { applicationForm: [lisis.body.fileId], pledgeContract: ['00000000-0000-4000-8000-000000000000'] };
    const answer = await zhangsan.post('/api/cases', { item: PLEDGE_ITEM, data: pledgeData(), fileRefs });
    expect(answer.status).to.equal(422);
    const problems = answer.body.problems as Array<{ code: string; path: string; message: string }>;
    expect(problems.map((p) => [p.code, p.path])).to.deep.equal([
      ['material.file-unknown', '/fileRefs/applicationForm/0'],
      ['material.file-unknown', '/fileRefs/pledgeContract/0'],
    ]);
    expect(problems[0]!.message.replaceAll(lisis.body.fileId, 'ID')).to.equal(problems[1]!.message.replaceAll('00000000-0000-4000-8000-000000000000', 'ID'));
    expect((await zhangsan.get('/api/cases')).body.cases.length).to.equal(mine);
    expect(await getFile(suite.server.services.db.knex, lisis.body.fileId)).to.include({ caseId: null });
  });

  it('given a case waiting for the agent\'s identity paper, when zhangsan resubmits with a reference to a new upload, then the case moves on with it', async () => {
    const fileRefs = await uploadPledgeFiles(zhangsan, AGENT_PLEDGE_MATERIALS.filter((k) => k !== 'agentIdentity'));
    const started = await zhangsan.post('/api/cases', { item: PLEDGE_ITEM, data: pledgeData(), fileRefs });
    expect(started.body.step).to.equal('supplement');
    const supplement = await uploadPledgeFiles(zhangsan, ['agentIdentity']);
    const resubmitted = await act(zhangsan, started.body, 'resubmit', { fileRefs: supplement });
    expect(resubmitted.status, JSON.stringify(resubmitted.body)).to.equal(200);
    expect(resubmitted.body.step).to.equal('accept');
    const identity = resubmitted.body.materials.find((m: { key: string }) => m.key === 'agentIdentity');
    expect(identity.files.map((f: { id: string }) => f.id)).to.deep.equal(supplement.agentIdentity);
  });

  it('given multipart files and fileRefs for different materials, when applying, then both count', async () => {
    const fileRefs = await uploadPledgeFiles(zhangsan, ['applicationForm', 'pledgeContract', 'partyIdentity', 'powerOfAttorney']);
    const started = await zhangsan.postMultipart('/api/cases', { item: PLEDGE_ITEM, data: pledgeData(), fileRefs }, { agentIdentity: [tinyPdf('被委托人身份证.pdf')] });
    expect(started.status, JSON.stringify(started.body)).to.equal(201);
    expect(started.body.step).to.equal('accept');
  });
});
