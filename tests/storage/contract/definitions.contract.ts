import { expect } from 'chai';
import { contentHash } from '../../../storage/canonical-json.js';
import { getPublished, listDefinitions, publish, publishSet, retire, saveDraft } from '../../../storage/definitions.js';
import { StorageError } from '../../../storage/errors.js';
import { platformLineage } from '../../../storage/platforms.js';
import { useStore, type ContractContext } from './context.js';
import { at, seedPlatforms } from './fixtures.js';

const item = (title: string) => ({ kind: 'ServiceItem', schemaVersion: 1, id: 'patent-pledge', version: 0, title, timeLimit: { value: 5, unit: 'workingDay' } });

export function definitionsContract(ctx: ContractContext): void {
  describe('definitions', () => {
    const store = useStore(ctx);
    before(async () => {
      await seedPlatforms(store.current.db.knex);
    });

    it('given a draft, when published, then it is version 1 with the hash of its canonical JSON', async () => {
      const { knex } = store.current.db;
      const draft = await saveDraft(knex, { platformId: 'sc', kind: 'ServiceItem', body: item('专利质押登记'), by: 'admin', at: at(0) });
      expect(draft).to.include({ version: 1, status: 'draft' });
      expect(draft.body.version).to.equal(1);
      const published = await publish(knex, { platformId: 'sc', kind: 'ServiceItem', defId: 'patent-pledge', at: at(1) });
      expect(published.version).to.equal(1);
      expect(published.hash).to.equal(contentHash({ ...item('专利质押登记'), version: 1 }));
      const stored = await getPublished(knex, { platformIds: ['sc'], kind: 'ServiceItem', defId: 'patent-pledge' });
      expect(stored).to.include({ status: 'published', version: 1, hash: published.hash, publishedAt: at(1) });
    });

    it('given a body whose keys are not in sorted order, when saved and published, then it reads back with its keys in the order written', async () => {
      const { knex } = store.current.db;
      const body = {
        kind: 'Form', schemaVersion: 1, id: 'key-order', version: 0, title: '字段顺序',
        schema: { type: 'object', properties: { zeta: { type: 'string' }, alpha: { type: 'string' }, middle: { type: 'number' } } },
      };
      await saveDraft(knex, { platformId: 'sc', kind: 'Form', body, at: at(0) });
      await publish(knex, { platformId: 'sc', kind: 'Form', defId: 'key-order', at: at(1) });
      const stored = await getPublished(knex, { platformIds: ['sc'], kind: 'Form', defId: 'key-order' });
      const properties = (stored?.body as unknown as typeof body).schema.properties;
      expect(Object.keys(properties)).to.deep.equal(['zeta', 'alpha', 'middle']);
      expect(Object.keys(stored?.body ?? {})).to.deep.equal(['kind', 'schemaVersion', 'id', 'version', 'title', 'schema']);
    });

    it('given a published definition, when anything but its status is updated directly, then the database refuses', async () => {
      const { knex } = store.current.db;
      const where = { platform_id: 'sc', kind: 'ServiceItem', def_id: 'patent-pledge', version: 1 };
      let error: unknown;
      try {
        await knex('definitions').where(where).update({ body: JSON.stringify(item('篡改')) });
      } catch (e) {
        error = e;
      }
      expect(String(error)).to.match(/definition\.immutable/);
      const deleted = await knex('definitions').where(where).delete().then(() => 'deleted', (e: unknown) => String(e));
      expect(deleted).to.match(/definition\.immutable/);
      const stored = await getPublished(knex, { platformIds: ['sc'], kind: 'ServiceItem', defId: 'patent-pledge', version: 1 });
      expect(stored?.body.title).to.equal('专利质押登记');
    });

    it('given v1 published, when a changed draft is published, then v2 has a new hash and v1 is unchanged', async () => {
      const { knex } = store.current.db;
      const draft = await saveDraft(knex, { platformId: 'sc', kind: 'ServiceItem', body: item('专利权质押登记（新版）'), at: at(2) });
      expect(draft.version).to.equal(2);
      const v2 = await publish(knex, { platformId: 'sc', kind: 'ServiceItem', defId: 'patent-pledge', at: at(3) });
      const v1 = await getPublished(knex, { platformIds: ['sc'], kind: 'ServiceItem', defId: 'patent-pledge', version: 1 });
      expect(v2.version).to.equal(2);
      expect(v2.hash).to.not.equal(v1?.hash);
      expect((await getPublished(knex, { platformIds: ['sc'], kind: 'ServiceItem', defId: 'patent-pledge' }))?.version).to.equal(2);
      expect(v1?.body.title).to.equal('专利质押登记');
    });

    it('given a draft saved twice, when listed, then there is one draft holding the second body', async () => {
      const { knex } = store.current.db;
      await saveDraft(knex, { platformId: 'sc', kind: 'ServiceItem', body: item('草稿一'), at: at(4) });
      await saveDraft(knex, { platformId: 'sc', kind: 'ServiceItem', body: item('草稿二'), at: at(5) });
      const drafts = await listDefinitions(knex, { platformIds: ['sc'], kind: 'ServiceItem', status: 'draft' });
      expect(drafts.map((d) => [d.version, d.body.title])).to.deep.equal([[3, '草稿二']]);
    });

    it('given several drafts and one missing, when published as a set, then nothing is published', async () => {
      const { knex } = store.current.db;
      await saveDraft(knex, { platformId: 'sc', kind: 'Form', body: { kind: 'Form', id: 'pledge-form', title: '表单' }, at: at(6) });
      const error = await publishSet(knex, {
        platformId: 'sc',
        at: at(7),
        items: [{ kind: 'ServiceItem', defId: 'patent-pledge' }, { kind: 'Form', defId: 'pledge-form' }, { kind: 'Workflow', defId: 'no-such-flow' }],
      }).then(() => undefined, (e: unknown) => e);
      expect(error).to.be.instanceOf(StorageError).and.to.have.property('code', 'definition.draft-missing');
      expect(await listDefinitions(knex, { platformIds: ['sc'], status: 'draft' })).to.have.length(2);
      expect(await getPublished(knex, { platformIds: ['sc'], kind: 'Form', defId: 'pledge-form' })).to.equal(undefined);
    });

    it('given a set whose check reports a problem, when published, then nothing is published', async () => {
      const { knex } = store.current.db;
      const items = [{ kind: 'ServiceItem', defId: 'patent-pledge' }, { kind: 'Form', defId: 'pledge-form' }];
      const check = () => [{ code: 'item.form-unknown', path: '/form', message: 'ServiceItem "patent-pledge" names an unknown form.' }];
      const error = await publishSet(knex, { platformId: 'sc', at: at(8), items, check }).then(() => undefined, (e: unknown) => e);
      expect(error).to.have.property('code', 'definition.publish-rejected');
      expect(await listDefinitions(knex, { platformIds: ['sc'], status: 'draft' })).to.have.length(2);
    });

    it('given a valid set, when published, then every draft is published together', async () => {
      const { knex } = store.current.db;
      const items = [{ kind: 'ServiceItem', defId: 'patent-pledge' }, { kind: 'Form', defId: 'pledge-form' }];
      const published = await publishSet(knex, { platformId: 'sc', at: at(9), items, check: () => [] });
      expect(published.map((p) => [p.kind, p.version])).to.deep.equal([['ServiceItem', 3], ['Form', 1]]);
      expect(await listDefinitions(knex, { platformIds: ['sc'], status: 'draft' })).to.have.length(0);
    });

    it('given a province definition, when a city looks it up through its lineage, then its own version wins over the province', async () => {
      const { knex } = store.current.db;
      const lineage = await platformLineage(knex, 'sc-my');
      expect(lineage).to.deep.equal(['sc-my', 'sc']);
      expect((await getPublished(knex, { platformIds: lineage, kind: 'Form', defId: 'pledge-form' }))?.platformId).to.equal('sc');
      await saveDraft(knex, { platformId: 'sc-my', kind: 'Form', body: { kind: 'Form', id: 'pledge-form', title: '绵阳表单' }, at: at(10) });
      await publish(knex, { platformId: 'sc-my', kind: 'Form', defId: 'pledge-form', at: at(11) });
      expect((await getPublished(knex, { platformIds: lineage, kind: 'Form', defId: 'pledge-form' }))?.platformId).to.equal('sc-my');
    });

    it('given a published version, when retired, then it is no longer the latest but stays readable by version', async () => {
      const { knex } = store.current.db;
      expect(await retire(knex, { platformId: 'sc', kind: 'ServiceItem', defId: 'patent-pledge', version: 3 })).to.equal(true);
      expect(await retire(knex, { platformId: 'sc', kind: 'ServiceItem', defId: 'patent-pledge', version: 3 })).to.equal(false);
      expect((await getPublished(knex, { platformIds: ['sc'], kind: 'ServiceItem', defId: 'patent-pledge' }))?.version).to.equal(2);
      expect((await getPublished(knex, { platformIds: ['sc'], kind: 'ServiceItem', defId: 'patent-pledge', version: 3 }))?.status).to.equal('retired');
      const revived = await knex('definitions').where({ platform_id: 'sc', def_id: 'patent-pledge', version: 3 }).update({ status: 'published' }).then(() => 'ok', (e: unknown) => String(e));
      expect(revived).to.match(/definition\.immutable/);
    });
  });
}
