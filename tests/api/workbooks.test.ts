/**
 * Service lists as Excel workbooks over HTTP: 绵阳's admin exports the value-added list and
 * finds Appendix B's columns and the list's items; edits a cell, moves rows, adds and removes
 * one, imports the file back and sees the drafts in the studio's API. A wrong cell, a locked
 * field, a stale workbook or a foreign list changes nothing.
 */
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import type { ApiClient } from '../support/api-client.js';
import { forEachDatabase } from '../support/databases.js';
import { addDeyang } from './isolation/deyang.js';
import { useApiSuite } from './support/api-suite.js';

const VALUE_ADDED = 'province-value-added-list';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const APPENDIX_B_NAMES = [
  '知识产权咨询', '知识产权代理', '知识产权诉讼代理', '商业秘密保护', '知识产权评估', '知识产权转让授权',
  '知识产权贯标', '知识产权专业化培训', '知识产权政策兑现', '知识产权质押', '知识产权证券化', '其他知识产权增值服务',
];

/** The data sheet of a downloaded workbook, addressed by header and by item id. */
class Sheet {
  constructor(
    readonly workbook: ExcelJS.Workbook,
    readonly sheet: ExcelJS.Worksheet,
  ) {}

  get headers(): string[] {
    return Array.from({ length: this.sheet.columnCount }, (_, i) => this.sheet.getRow(1).getCell(i + 1).text);
  }

  column(header: string): number {
    const index = this.headers.indexOf(header);
    if (index < 0) throw new Error(`no column ${header} in ${this.headers.join(',')}`);
    return index + 1;
  }

  /** Excel row numbers of the data rows, top to bottom. */
  get rowNumbers(): number[] {
    const numbers: number[] = [];
    this.sheet.eachRow((row, n) => n > 1 && row.hasValues && numbers.push(n));
    return numbers;
  }

  rowOf(id: string): number {
    const n = this.rowNumbers.find((r) => this.cell(r, '事项标识') === id);
    if (n === undefined) throw new Error(`no row for ${id}`);
    return n;
  }

  cell(row: number, header: string): string {
    return this.sheet.getRow(row).getCell(this.column(header)).text;
  }

  set(row: number, header: string, value: string): void {
    this.sheet.getRow(row).getCell(this.column(header)).value = value;
  }

  /** Swaps the contents of two rows, as cutting and pasting them in Excel does. */
  swap(a: number, b: number): void {
    const first = this.sheet.getRow(a).values;
    this.sheet.getRow(a).values = this.sheet.getRow(b).values;
    this.sheet.getRow(b).values = first;
  }

  async bytes(): Promise<Buffer> {
    return Buffer.from(await this.workbook.xlsx.writeBuffer());
  }
}

async function exportList(client: ApiClient, listId = VALUE_ADDED): Promise<Sheet> {
  const response = await client.download(`/api/lists/${listId}/workbook`);
  expect(response.status, JSON.stringify(response.body)).to.equal(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.body);
  return new Sheet(workbook, workbook.worksheets[0] as ExcelJS.Worksheet);
}

async function importList(client: ApiClient, sheet: Sheet, listId = VALUE_ADDED) {
  return client.postFile(`/api/lists/${listId}/workbook`, 'workbook', { name: '清单.xlsx', content: await sheet.bytes(), type: XLSX });
}

forEachDatabase('API: service lists as Excel workbooks', (target) => {
  const suite = useApiSuite(target);
  let admin: ApiClient;
  let province: ApiClient;

  /** What the studio shows of a definition for `client`: its draft if any, else the newest published version. */
  const shown = async (client: ApiClient, kind: string, id: string) => {
    const response = await client.get(`/api/definitions/${kind}/${id}`);
    expect(response.status).to.equal(200);
    const versions = response.body.versions as Array<{ status: string; version: number; platformId: string; body: any }>;
    return versions.find((v) => v.status === 'draft') ?? versions.filter((v) => v.status === 'published').sort((a, b) => b.version - a.version)[0]!;
  };
  const draftHashes = async (client: ApiClient) => ((await client.get('/api/definitions?status=draft')).body.definitions as Array<{ id: string; hash: string }>).map((d) => `${d.id}@${d.hash}`).sort();

  before(async () => {
    admin = await suite.server.client('admin');
    province = await suite.server.client('province');
  });

  describe('export', () => {
    it('given 绵阳 adopts the value-added list, when its admin exports it, then the file is an .xlsx named after the list with Appendix B\'s columns first', async () => {
      const response = await admin.download(`/api/lists/${VALUE_ADDED}/workbook`);
      expect(response.status).to.equal(200);
      expect(response.headers.get('content-type')).to.equal(XLSX);
      expect(response.headers.get('content-disposition')).to.include(`filename*=UTF-8''${encodeURIComponent('四川省知识产权增值服务清单.xlsx')}`);
      const sheet = await exportList(admin);
      expect(sheet.sheet.name).to.equal('增值服务清单');
      expect(sheet.headers.slice(0, 2)).to.deep.equal(['序号', '服务名称']);
      expect(sheet.headers.slice(2)).to.deep.equal(['服务对象', '服务内容', '服务形式', '实施部门', '办理时限', '收费标准', '设定依据', '备注', '事项标识', '导出版本']);
      expect(sheet.sheet.views[0]).to.include({ state: 'frozen', ySplit: 1 });
      expect(sheet.sheet.getColumn(sheet.column('导出版本')).hidden).to.equal(true);
    });

    it('given the export, when its rows are read, then they are the list\'s items in order with their facts', async () => {
      const sheet = await exportList(admin);
      const list = (await shown(admin, 'ServiceList', VALUE_ADDED)).body;
      expect(sheet.rowNumbers.map((r) => sheet.cell(r, '序号'))).to.deep.equal(APPENDIX_B_NAMES.map((_, i) => String(i + 1)));
      expect(sheet.rowNumbers.map((r) => sheet.cell(r, '服务名称'))).to.deep.equal(APPENDIX_B_NAMES);
      expect(sheet.rowNumbers.map((r) => sheet.cell(r, '事项标识'))).to.deep.equal(list.entries.map((e: { item: string }) => e.item));
      const item = (await shown(admin, 'ServiceItem', 'va-ip-consulting')).body;
      const row = sheet.rowOf('va-ip-consulting');
      expect(sheet.cell(row, '服务内容')).to.equal(item.content);
      expect(sheet.cell(row, '服务对象')).to.equal(item.targets.join('、'));
      expect(sheet.cell(row, '服务形式')).to.equal('网上办理或窗口办理');
      expect(sheet.cell(row, '办理时限')).to.equal(`3个工作日（${item.timeLimit.note}）`);
      expect(sheet.cell(row, '收费标准')).to.equal(`免费（${item.fee.description}）`);
      expect(sheet.cell(row, '设定依据')).to.equal(item.legalBasis.join('\n'));
    });

    it('given the public and implementation lists, when exported, then Appendix A\'s and C\'s columns lead', async () => {
      const pub = await exportList(admin, 'province-public-list');
      expect(pub.headers.slice(0, 7)).to.deep.equal(['序号', '事项类别', '事项名称', '服务对象', '服务内容', '服务形式', '实施部门']);
      const impl = await exportList(admin, 'province-implementation-list');
      expect(impl.headers.slice(0, 8)).to.deep.equal(['序号', '事项名称', '实施部门', '流程条件', '办理方式', '进度要求', '材料要求', '监督评价']);
      const row = impl.rowOf('patent-pledge-registration');
      expect(impl.cell(row, '进度要求')).to.match(/^3个工作日/);
      expect(impl.cell(row, '材料要求')).to.include('专利权质押登记申请表（原件）');
    });

    it('given staff, an auditor and an applicant, when they ask for the workbook, then readers get it and the applicant is refused', async () => {
      for (const username of ['staff1', 'auditor']) expect((await (await suite.server.client(username)).download(`/api/lists/${VALUE_ADDED}/workbook`)).status).to.equal(200);
      expect((await (await suite.server.client('zhangsan')).download(`/api/lists/${VALUE_ADDED}/workbook`)).status).to.equal(403);
    });
  });

  describe('import', () => {
    it('given an exported workbook, when imported untouched, then nothing changes and no draft is made', async () => {
      const before = await draftHashes(admin);
      const answer = await importList(admin, await exportList(admin));
      expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
      expect(answer.body).to.deep.equal({ changed: [], problems: [] });
      expect(await draftHashes(admin)).to.deep.equal(before);
    });

    it('given the province admin edits 服务内容 of one row, when imported, then that item\'s draft shows the change and nothing else is saved', async () => {
      const sheet = await exportList(province);
      const row = sheet.rowOf('va-ip-training');
      sheet.set(row, '服务内容', '面向企业开展知识产权专业化培训（工作簿导入测试）。');
      const answer = await importList(province, sheet);
      expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
      expect(answer.body).to.deep.equal({ changed: [{ kind: 'ServiceItem', id: 'va-ip-training' }], problems: [] });
      const draft = await shown(province, 'ServiceItem', 'va-ip-training');
      expect(draft.status).to.equal('draft');
      expect(draft.body.content).to.equal('面向企业开展知识产权专业化培训（工作簿导入测试）。');
      expect((await exportList(province)).cell(row, '服务内容')).to.equal(draft.body.content);
    });

    it('given 绵阳\'s admin edits unlocked cells (服务形式 as 窗口办, a shorter 办理时限, 实施部门), when imported, then 绵阳 has a localized draft with them', async () => {
      const sheet = await exportList(admin);
      const row = sheet.rowOf('va-ip-consulting');
      sheet.set(row, '服务形式', '窗口办');
      sheet.set(row, '办理时限', '2个工作日（当场答复的除外）');
      sheet.set(row, '实施部门', '绵阳市知识产权公共服务平台（示例）');
      const answer = await importList(admin, sheet);
      expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
      expect(answer.body.changed).to.deep.equal([{ kind: 'ServiceItem', id: 'va-ip-consulting' }]);
      const draft = await shown(admin, 'ServiceItem', 'va-ip-consulting');
      expect(draft).to.include({ status: 'draft', platformId: 'mianyang' });
      expect(draft.body).to.deep.include({ channel: 'offline', timeLimit: { value: 2, unit: 'workingDay', note: '当场答复的除外' } });
      expect(draft.body.department.name).to.equal('绵阳市知识产权公共服务平台（示例）');
    });

    it('given 绵阳 moves two rows, removes one and adds an item by its id, when imported, then the list draft has that order and no item changes', async () => {
      const sheet = await exportList(admin);
      const [first, second] = sheet.rowNumbers as [number, number];
      sheet.swap(first, second);
      sheet.sheet.spliceRows(sheet.rowOf('va-other-services'), 1);
      sheet.sheet.addRow([]).getCell(sheet.column('事项标识')).value = 'ip-policy-consulting';
      const answer = await importList(admin, sheet);
      expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
      expect(answer.body.changed).to.deep.equal([{ kind: 'ServiceList', id: VALUE_ADDED }]);
      const draft = await shown(admin, 'ServiceList', VALUE_ADDED);
      expect(draft).to.include({ status: 'draft', platformId: 'mianyang' });
      const ids = draft.body.entries.map((e: { item: string }) => e.item);
      expect(ids.slice(0, 2)).to.deep.equal(['va-ip-agency', 'va-ip-consulting']);
      expect(ids).not.to.include('va-other-services');
      expect(ids.at(-1)).to.equal('ip-policy-consulting');
      const again = await exportList(admin);
      expect(again.rowNumbers.map((r) => again.cell(r, '事项标识'))).to.deep.equal(ids);
    });

    it('given an unknown 服务形式 among valid edits, when imported, then the problem names row and column and nothing is saved', async () => {
      const before = await draftHashes(admin);
      const sheet = await exportList(admin);
      sheet.set(sheet.rowOf('va-ip-valuation'), '实施部门', '不应保存的部门');
      sheet.swap(2, 3);
      const row = sheet.rowOf('va-ip-litigation-agency');
      sheet.set(row, '服务形式', '邮寄办理');
      const answer = await importList(admin, sheet);
      expect(answer.status, JSON.stringify(answer.body)).to.equal(422);
      expect(answer.body.code).to.equal('list.workbook-invalid');
      expect(answer.body.problems).to.have.length(1);
      expect(answer.body.problems[0]).to.include({ code: 'workbook.cell-invalid', path: `/rows/${row}/服务形式`, file: '增值服务清单' });
      expect(answer.body.problems[0].message).to.include('邮寄办理').and.include('网上办理');
      expect(await draftHashes(admin)).to.deep.equal(before);
    });

    it('given rows naming no item, a misspelt item, an item twice and a bad time limit, when imported, then each is a problem on its row', async () => {
      const sheet = await exportList(admin);
      const [a, b, c] = sheet.rowNumbers as [number, number, number];
      sheet.set(a, '事项标识', '');
      sheet.set(b, '事项标识', 'va-ip-valuatio');
      sheet.set(c, '事项标识', sheet.cell(sheet.rowNumbers.at(-1) as number, '事项标识'));
      const limitRow = sheet.rowNumbers[4] as number;
      sheet.set(limitRow, '办理时限', '3天');
      const answer = await importList(admin, sheet);
      expect(answer.status).to.equal(422);
      const problems = answer.body.problems.map((p: { code: string; path: string; suggestion?: string }) => [p.code, p.path, p.suggestion]);
      expect(problems).to.deep.include.members([
        ['workbook.row-without-id', `/rows/${a}/事项标识`, undefined],
        ['workbook.item-unknown', `/rows/${b}/事项标识`, 'va-ip-valuation'],
        ['workbook.cell-invalid', `/rows/${limitRow}/办理时限`, undefined],
        ['workbook.row-duplicate', `/rows/${sheet.rowNumbers.at(-1)}/事项标识`, undefined],
      ]);
    });

    it('given 绵阳 edits 服务内容, which the province locks, when imported, then the lock problem comes back on that cell and nothing is saved', async () => {
      const before = await draftHashes(admin);
      const sheet = await exportList(admin);
      const row = sheet.rowOf('va-ip-securitization');
      sheet.set(row, '服务内容', '绵阳自行改写的服务内容');
      const answer = await importList(admin, sheet);
      expect(answer.status, JSON.stringify(answer.body)).to.equal(422);
      expect(answer.body.problems.map((p: { code: string; path: string }) => [p.code, p.path])).to.deep.equal([['adoption.locked-field-changed', `/rows/${row}/服务内容`]]);
      expect(await draftHashes(admin)).to.deep.equal(before);
    });

    it('given the 材料要求 cell of the implementation list edited, when imported, then it is refused as read-only', async () => {
      const sheet = await exportList(admin, 'province-implementation-list');
      const row = sheet.rowOf('patent-pledge-registration');
      sheet.set(row, '材料要求', '只要身份证');
      const answer = await importList(admin, sheet, 'province-implementation-list');
      expect(answer.status).to.equal(422);
      expect(answer.body.problems[0]).to.include({ code: 'workbook.cell-read-only', path: `/rows/${row}/材料要求` });
    });

    it('given an item saved in the studio after the export, when the stale workbook edits its row, then it is refused', async () => {
      const sheet = await exportList(admin);
      const item = (await shown(admin, 'ServiceItem', 'va-ip-agency')).body;
      const saved = await admin.put('/api/definitions/ServiceItem/va-ip-agency', { ...item, channelNote: '工作室里的修改' });
      expect(saved.status, JSON.stringify(saved.body)).to.equal(200);
      sheet.set(sheet.rowOf('va-ip-agency'), '实施部门', '工作簿里的修改');
      const answer = await importList(admin, sheet);
      expect(answer.status).to.equal(422);
      expect(answer.body.problems[0].code).to.equal('workbook.item-changed-since-export');
      expect((await shown(admin, 'ServiceItem', 'va-ip-agency')).body.channelNote).to.equal('工作室里的修改');
    });

    it('given a file that is not a workbook, or no file, when imported, then the request is refused', async () => {
      const text = await admin.postFile(`/api/lists/${VALUE_ADDED}/workbook`, 'workbook', { name: 'list.xlsx', content: 'not a zip', type: XLSX });
      expect(text.status).to.equal(400);
      expect(text.body.code).to.equal('request.workbook-unreadable');
      const none = await admin.postFile(`/api/lists/${VALUE_ADDED}/workbook`, 'other', { name: 'list.xlsx', content: 'x', type: XLSX });
      expect(none.status).to.equal(400);
    });
  });

  describe('another platform\'s list', () => {
    const OWN_LIST = 'mianyang-workbook-list';

    before(async () => {
      await addDeyang(suite.server.services);
      const saved = await admin.put(`/api/definitions/ServiceList/${OWN_LIST}`, {
        kind: 'ServiceList', schemaVersion: 1, id: OWN_LIST, title: '绵阳个性化服务清单（测试）', listType: 'personalized', entries: [{ item: 'va-ip-consulting' }],
      });
      expect(saved.status, JSON.stringify(saved.body)).to.equal(200);
    });

    it('given 绵阳\'s own list, when 德阳\'s admin or the province exports or imports it, then they get what a missing id gets and nothing changes', async () => {
      const mine = await exportList(admin, OWN_LIST);
      expect(mine.headers.slice(0, 7)).to.deep.equal(['序号', '事项类别', '事项名称', '服务对象', '服务内容', '服务形式', '实施部门']);
      const before = await draftHashes(admin);
      for (const client of [await suite.server.client('deyang-admin'), province]) {
        const real = await client.download(`/api/lists/${OWN_LIST}/workbook`);
        const missing = await client.download('/api/lists/no-such-list/workbook');
        expect(real.status).to.equal(404);
        expect(JSON.stringify(real.body).replaceAll(OWN_LIST, 'no-such-list')).to.equal(JSON.stringify(missing.body));
        expect((await importList(client, mine, OWN_LIST)).status).to.equal(404);
      }
      expect(await draftHashes(admin)).to.deep.equal(before);
    });
  });
});
