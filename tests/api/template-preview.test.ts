/**
 * The studio's template editor over HTTP: the variables a template's context offers, and a
 * preview of an unsaved template on a sample of one of the platform's items, with the
 * problems saving would report placed at their line and column. Nothing is stored by a
 * preview, so SQLite alone is enough.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { definitionsDir } from '../../server/paths.js';
import type { ApiClient } from '../support/api-client.js';
import { sqlite } from '../support/databases.js';
import { pledgeData } from '../fixtures/form-data.js';
import { useApiSuite } from './support/api-suite.js';

const PLEDGE = 'patent-pledge-registration';
const province = (folder: string, id: string): Record<string, any> =>
  JSON.parse(readFileSync(join(definitionsDir, 'province', folder, `${id}.json`), 'utf8')) as Record<string, any>;

const guide = province('templates', 'service-guide');
const oneTimeNotice = province('templates', 'one-time-notice');
const pledgeMaterials = (province('checklists', PLEDGE).materials as Array<{ name: string }>).map((m) => m.name);

describe('API: template context and preview [sqlite]', () => {
  const suite = useApiSuite(sqlite);
  let admin: ApiClient;

  const preview = (body: Record<string, unknown>) => admin.post('/api/templates/preview', body);
  const withBody = (template: Record<string, any>, body: string) => ({ ...template, body });

  before(async () => {
    admin = await suite.server.client('admin');
  });

  describe('GET /api/templates/context', () => {
    it('given purpose guide, when asked, then the item context comes flat with types and Chinese descriptions, arrays elements as *', async () => {
      const answer = await admin.get('/api/templates/context?purpose=guide');
      expect(answer.status).to.equal(200);
      expect(answer.body.context).to.equal('item');
      const byPath = new Map((answer.body.variables as Array<{ path: string }>).map((v) => [v.path, v]));
      expect(byPath.get('item.title')).to.deep.equal({ path: 'item.title', type: 'string', description: '事项名称' });
      expect(byPath.get('checklist')).to.include({ type: 'array' });
      expect(byPath.get('checklist.*.name')).to.include({ type: 'string', description: '材料名称' });
      expect(byPath.get('item.contact')).to.include({ type: 'object' });
      expect(byPath.has('case.number')).to.equal(false);
      expect(answer.body.helpers).to.include.members(['date', 'addWorkingDays', 'mask']);
    });

    it('given a notice purpose, when asked, then the case context comes with its open parts marked as such', async () => {
      const answer = await admin.get('/api/templates/context?purpose=oneTimeNotice');
      expect(answer.body.context).to.equal('case');
      const byPath = new Map((answer.body.variables as Array<{ path: string }>).map((v) => [v.path, v]));
      expect(byPath.get('case.number')).to.include({ type: 'string', description: '办件编号' });
      expect(byPath.get('materials.toSupply.*.reason')).to.include({ type: 'string' });
      expect(byPath.get('form')).to.include({ type: 'unknown', isOpen: true });
      expect(byPath.get('case.fields')).to.include({ type: 'unknown', isOpen: true });
    });

    it('given an unknown purpose, when asked, then 400 names the query parameter and the purposes there are', async () => {
      const answer = await admin.get('/api/templates/context?purpose=gide');
      expect(answer.status).to.equal(400);
      expect(answer.body.problems.map((p: { path: string }) => p.path)).to.deep.equal(['/purpose']);
      expect(answer.body.detail).to.contain('guide');
    });

    it('given an applicant, when asking, then it is forbidden', async () => {
      const zhangsan = await suite.server.client('zhangsan');
      expect((await zhangsan.get('/api/templates/context?purpose=guide')).status).to.equal(403);
    });
  });

  describe('POST /api/templates/preview', () => {
    it('given the province guide template and the pledge item, when previewed, then it renders the item title and every material, with no problems', async () => {
      const answer = await preview({ template: guide, itemId: PLEDGE });
      expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
      expect(answer.body.problems).to.deep.equal([]);
      expect(answer.body.output.subject).to.equal('专利权质押登记办事指南');
      expect(answer.body.output.body).to.contain('<h1>专利权质押登记<br>办事指南</h1>');
      for (const name of pledgeMaterials) expect(answer.body.output.body).to.contain(name);
      // The fixed sample date, so a preview reads the same every day.
      expect(answer.body.output.body).to.contain('印制日期：2026年3月2日');
    });

    it('given no item, when previewed, then the first item of the platform\'s lists is used', async () => {
      const firstItem = province('lists', 'province-public-list').entries[0].item as string;
      const answer = await preview({ template: guide });
      expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
      expect(answer.body.output.body).to.contain(`<h1>${province('items', firstItem).title as string}<br>`);
    });

    it('given an unknown variable, when previewed, then it still renders and the problem names the variable, its line and column, and the fix', async () => {
      const answer = await preview({ template: withBody(guide, '<h1>办事指南</h1>\n  <p>{{item.titel}}</p>'), itemId: PLEDGE });
      expect(answer.status).to.equal(200);
      expect(answer.body.output.body).to.equal('<h1>办事指南</h1>\n  <p></p>');
      expect(answer.body.problems).to.have.length(1);
      expect(answer.body.problems[0]).to.include({
        code: 'template.variable-unknown',
        path: '/body',
        file: 'request#/template',
        line: 2,
        column: 8,
        name: 'item.titel',
        suggestion: 'item.title',
      });
      expect(answer.body.problems[0].message).to.contain('line 2, column 8').and.contain('"item.titel"').and.contain('Did you mean "item.title"?');
    });

    it('given a parse error, when previewed, then there is no output and the syntax problem has its line and column', async () => {
      const answer = await preview({ template: withBody(guide, '<p>\n{{#if item.fee.isFree}}\n  免费{{item.feeText}\n{{/if}}'), itemId: PLEDGE });
      expect(answer.status).to.equal(200);
      expect(answer.body.output).to.equal(null);
      // Line 3, column 19: the lone "}" after item.feeText.
      expect(answer.body.problems.map((p: any) => [p.code, p.path, p.line, p.column])).to.deep.equal([['template.syntax', '/body', 3, 19]]);
    });

    it('given an unknown helper in the subject, when previewed, then there is no output and the helper is named', async () => {
      const answer = await preview({ template: { ...guide, subject: '{{upper item.title}}' }, itemId: PLEDGE });
      expect(answer.body.output).to.equal(null);
      expect(answer.body.problems.map((p: any) => [p.code, p.path, p.line, p.column, p.name])).to.deep.equal([['template.helper-unknown', '/subject', 1, 3, 'upper']]);
    });

    it('given a template that does not match its schema, when previewed, then the shape problems come back without output', async () => {
      const { context: _context, ...withoutContext } = guide;
      const answer = await preview({ template: withoutContext, itemId: PLEDGE });
      expect(answer.status).to.equal(200);
      expect(answer.body.output).to.equal(null);
      expect(answer.body.problems.map((p: any) => [p.code, p.path])).to.deep.include(['shape.required', '/context']);
    });

    it('given the one-time notice, when previewed, then a sample case of the item fills it: number, applicant, deficient and missing materials, deadline', async () => {
      const answer = await preview({ template: oneTimeNotice, itemId: PLEDGE });
      expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
      expect(answer.body.problems).to.deep.equal([]);
      const { subject, body } = answer.body.output as { subject: string; body: string };
      // 绵阳's implementation code (its USCC, city level, the item's basic code), the sample day, sequence 1.
      expect(subject).to.equal('一次性告知书：专利权质押登记（12510700MB0000008G3512199001000202603020001）需补正材料');
      expect(body).to.contain('张三（示例）').and.contain('（示例）材料字迹不清');
      expect(body).to.contain('专利权质押合同').and.contain('双方当事人身份证明');
      expect(body).not.to.contain('专利权质押登记申请表</td>');
      // 7 working days after Monday 2026-03-02.
      expect(body).to.contain('请于 2026年3月11日 前');
    });

    it('given the platform\'s draft of the form with sampleData, when a notice is previewed, then the sample case uses that data', async () => {
      const form = province('forms', PLEDGE);
      const saved = await admin.put(`/api/definitions/Form/${PLEDGE}`, { ...form, sampleData: pledgeData({ contactPhone: '13912345678' }) });
      expect(saved.status, JSON.stringify(saved.body)).to.equal(200);
      const template = withBody(oneTimeNotice, '{{mask form.contactPhone}}|{{#each materials.toSupply}}{{name}};{{/each}}');
      const answer = await preview({ template, itemId: PLEDGE });
      expect(answer.body.problems).to.deep.equal([]);
      const [phone, toSupply] = (answer.body.output.body as string).split('|');
      expect(phone).to.equal('139****5678');
      // The sample data names an agent, so the agent's papers are required and listed.
      expect(toSupply).to.contain('注明委托权限的委托书;').and.contain('被委托人身份证明;');
    });

    it('given an item the platform does not see, when previewed, then 404', async () => {
      const answer = await preview({ template: guide, itemId: 'no-such-item' });
      expect(answer.status).to.equal(404);
      expect(answer.body.code).to.equal('not-found');
    });
  });
});
