/**
 * Publishing v2 never changes running cases: a case started on the province's v1 item and
 * checklist finishes on them after the province publishes v2 (a new always-required material
 * and a longer promised time limit), while a new case runs on v2.
 */
import { expect } from 'chai';
import type { ApiClient } from '../support/api-client.js';
import { forEachDatabase } from '../support/databases.js';
import { useApiSuite } from './support/api-suite.js';
import { act, acceptedPledge, allOk, PLEDGE_ITEM, submitPledge, tinyPdf } from './support/pledge.js';

const NEW_MATERIAL = { key: 'registerExtract', name: '专利登记簿副本' };

forEachDatabase('API: a running case keeps its pinned definition versions', (target) => {
  const suite = useApiSuite(target, { start: '2026-09-21T09:00:00+08:00' });
  let province: ApiClient;
  let zhangsan: ApiClient;
  let lisi: ApiClient;
  let staff1: ApiClient;
  let running: any;

  const latestBody = async (kind: string, id: string) => {
    const response = await province.get(`/api/definitions/${kind}/${id}`);
    expect(response.status).to.equal(200);
    const versions = response.body.versions as Array<{ version: number; status: string; body: any }>;
    return versions.filter((v) => v.status === 'published').sort((a, b) => b.version - a.version)[0]!.body;
  };

  before(async () => {
    province = await suite.server.client('province');
    zhangsan = await suite.server.client('zhangsan');
    lisi = await suite.server.client('lisi');
    staff1 = await suite.server.client('staff1');
    running = await acceptedPledge({ applicant: zhangsan, staff: staff1 });
  });

  it('given a case accepted on v1, when the province saves and publishes v2 of the checklist and the item, then both are version 2', async () => {
    expect(running.item).to.include({ id: PLEDGE_ITEM, version: 1 });
    const checklist = await latestBody('Checklist', PLEDGE_ITEM);
    const item = await latestBody('ServiceItem', PLEDGE_ITEM);
    const material = { ...checklist.materials[0], key: NEW_MATERIAL.key, name: NEW_MATERIAL.name, required: true, note: '加盖国家知识产权局专利登记簿查询专用章' };
    const savedChecklist = await province.put(`/api/definitions/Checklist/${PLEDGE_ITEM}`, { ...checklist, materials: [...checklist.materials, material] });
    expect(savedChecklist.status, JSON.stringify(savedChecklist.body)).to.equal(200);
    expect(savedChecklist.body.problems).to.deep.equal([]);
    const savedItem = await province.put(`/api/definitions/ServiceItem/${PLEDGE_ITEM}`, { ...item, timeLimit: { value: 5, unit: 'workingDay' } });
    expect(savedItem.status, JSON.stringify(savedItem.body)).to.equal(200);

    const published = await province.post('/api/definitions/publish', {
      definitions: [
        { kind: 'Checklist', id: PLEDGE_ITEM },
        { kind: 'ServiceItem', id: PLEDGE_ITEM },
      ],
    });
    expect(published.status, JSON.stringify(published.body)).to.equal(200);
    expect(published.body.published.map((p: any) => [p.kind, p.version])).to.have.deep.members([
      ['Checklist', 2],
      ['ServiceItem', 2],
    ]);
  });

  it('given v2 published, when staff and the applicant open the running case, then it still shows v1 and its v1 materials', async () => {
    const seen = (await staff1.get(`/api/cases/${running.id}`)).body;
    expect(seen.item).to.include({ version: 1 });
    expect(seen.materials.map((m: any) => m.key)).to.deep.equal(running.materials.map((m: any) => m.key));
    expect(seen.materials.map((m: any) => m.key)).not.to.include(NEW_MATERIAL.key);
    // Still the 3 working days of v1: 09-22, 09-23, 09-24.
    expect(seen.dueAt).to.equal('2026-09-24T15:59:59.999Z');
    expect((await zhangsan.get(`/api/cases/${running.id}`)).body.item.version).to.equal(1);
  });

  it('given v2 published, when the running case is worked to the end, then every action succeeds on v1 and it closes', async () => {
    let kase = (await staff1.get(`/api/cases/${running.id}`)).body;
    const progressed = await act(staff1, kase, 'progress', { payload: { note: '已核验专利法律状态' } });
    expect(progressed.status, JSON.stringify(progressed.body)).to.equal(200);
    kase = progressed.body;
    const completed = await act(staff1, kase, 'complete', { payload: { result: '准予登记' } });
    expect(completed.status, JSON.stringify(completed.body)).to.equal(200);
    expect(completed.body).to.include({ step: 'supervise' });
    const evaluated = await act(zhangsan, completed.body, 'evaluate', { payload: { level: 5 } });
    expect(evaluated.status, JSON.stringify(evaluated.body)).to.equal(200);
    expect(evaluated.body).to.include({ step: 'closed', status: 'completed' });
    expect(evaluated.body.item.version).to.equal(1);
  });

  it('given v2 published, when lisi applies with the v1 papers, then the new case runs on v2: the new material is missing and it goes to supplement', async () => {
    const submitted = await submitPledge(lisi, { hasAgentIdentity: true });
    expect(submitted.status, JSON.stringify(submitted.body)).to.equal(201);
    expect(submitted.body.item).to.include({ version: 2 });
    expect(submitted.body.step).to.equal('supplement');
    expect(submitted.body.materials.find((m: any) => m.key === NEW_MATERIAL.key)).to.include({ isRequired: true, status: 'missing' });
    const notices = (await lisi.get(`/api/cases/${submitted.body.id}/notices`)).body.notices;
    const oneTime = notices.find((n: any) => n.templateId === 'one-time-notice');
    expect(oneTime.body).to.contain(NEW_MATERIAL.name);

    const supplied = await lisi.postMultipart(`/api/cases/${submitted.body.id}/actions/resubmit`, { version: submitted.body.version }, { [NEW_MATERIAL.key]: [tinyPdf('专利登记簿副本.pdf')] });
    expect(supplied.status, JSON.stringify(supplied.body)).to.equal(200);
    expect(supplied.body.step).to.equal('accept');
    const accepted = await act(staff1, supplied.body, 'accept', { verdicts: allOk(supplied.body) });
    expect(accepted.status, JSON.stringify(accepted.body)).to.equal(200);
    // v2's 5 working days from Mon 09-21: 09-22, 23, 24, (中秋 and the weekend) 28, 29.
    expect(accepted.body.dueAt).to.equal('2026-09-29T15:59:59.999Z');
  });
});
