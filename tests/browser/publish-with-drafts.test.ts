/** Publishing a new item from its editor takes the new drafts it names along, as one set. */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { definitionsDir } from '../../server/paths.js';
import { createItem, publishOpenDefinition } from './steps/items.js';
import { describeBrowser, useStudio } from './support/studio.js';

const ITEM = 'va-design-registration-help';
const province = (folder: string, id: string) => JSON.parse(readFileSync(join(definitionsDir, 'province', folder, `${id}.json`), 'utf8')) as Record<string, unknown>;

describeBrowser('publishing an item with its new form and checklist', () => {
  const studio = useStudio({ signInAs: 'admin' });

  it('publishes the item, its new form and its new checklist together, and leaves unrelated drafts alone', async () => {
    const admin = await studio.server.client('admin');
    for (const [kind, folder] of [['Form', 'forms'], ['Checklist', 'checklists']] as const) {
      const saved = await admin.put(`/api/definitions/${kind}/${ITEM}`, { ...province(folder, 'value-added-request'), id: ITEM, title: `外观设计登记辅导（${kind}）` });
      expect(saved.status, JSON.stringify(saved.body)).to.equal(200);
    }
    const unrelated = await admin.put('/api/definitions/Form/unrelated-draft', { ...province('forms', 'value-added-request'), id: 'unrelated-draft', title: '无关草稿' });
    expect(unrelated.status).to.equal(200);

    const { problems } = await createItem(studio.page, { id: ITEM, title: '外观设计登记辅导', category: '增值服务', content: '辅导外观设计专利申请材料的准备。', department: '绵阳市知识产权服务中心' });
    expect(problems, JSON.stringify(problems)).to.deep.equal([]);
    await publishOpenDefinition(studio.page);

    const { body } = await admin.get('/api/definitions?status=draft');
    const drafts = (body.definitions as Array<{ kind: string; id: string; isInherited: boolean }>).filter((d) => !d.isInherited).map((d) => `${d.kind}/${d.id}`);
    expect(drafts).to.deep.equal(['Form/unrelated-draft']);
    const catalog = await admin.get(`/api/platforms/mianyang/items/${ITEM}`);
    expect(catalog.status, JSON.stringify(catalog.body)).to.equal(200);
  });
});
