/**
 * Cells of list workbooks without Excel: every fact of every province item survives being
 * written to a cell and read back; what people type by hand is read or refused with a hint;
 * rows with blank or untouched cells change nothing.
 */
import { expect } from 'chai';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ServiceItem } from '../../engine/kinds/service-item.js';
import { definitionsDir } from '../../server/paths.js';
import { channel, fee, lines, targets, timeLimit } from '../../server/workbook/cell-formats.js';
import { sheetLayout, type RowView } from '../../server/workbook/columns.js';
import { readRows } from '../../server/workbook/read-rows.js';

async function provinceItems(): Promise<ServiceItem[]> {
  const dir = join(definitionsDir, 'province', 'items');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json'));
  return Promise.all(files.map(async (f) => JSON.parse(await readFile(join(dir, f), 'utf8')) as ServiceItem));
}

describe('workbook cells', () => {
  let items: ServiceItem[];

  before(async () => {
    items = await provinceItems();
    expect(items.length).to.be.greaterThan(15);
  });

  it('given every province item, when each fact is written to a cell and read back, then it is unchanged', () => {
    for (const item of items) {
      expect(timeLimit.parse(timeLimit.format(item.timeLimit)), item.id).to.deep.equal({ value: item.timeLimit });
      expect(fee.parse(fee.format(item.fee)), item.id).to.deep.equal({ value: item.fee });
      expect(channel.parse(channel.format(item.channel)), item.id).to.deep.equal({ value: item.channel });
      expect(targets.parse(targets.format(item.targets)), item.id).to.deep.equal({ value: item.targets });
      expect(lines.parse(lines.format(item.legalBasis)), item.id).to.deep.equal(item.legalBasis);
    }
  });

  it('given time limits typed by hand, when read, then units, full-width digits and notes are understood and vague ones refused', () => {
    expect(timeLimit.parse(' ３ 个工作日 ')).to.deep.equal({ value: { value: 3, unit: 'workingDay' } });
    expect(timeLimit.parse('1个月(自受理之日起)')).to.deep.equal({ value: { value: 1, unit: 'month', note: '自受理之日起' } });
    expect(timeLimit.parse('4小时')).to.deep.equal({ value: { value: 4, unit: 'hour' } });
    expect(timeLimit.parse('3天')).to.have.property('error').that.includes('3个工作日 or 3个自然日');
    expect(timeLimit.parse('尽快')).to.have.property('error').that.includes('e.g. 3个工作日');
    expect(timeLimit.parse('0个工作日')).to.have.property('error').that.includes('1 to 3650');
  });

  it('given fees and channels typed by hand, when read, then the usual forms are understood and others refused with a suggestion', () => {
    expect(fee.parse('收费200元（按次）')).to.deep.equal({ value: { isFree: false, amount: 200, description: '按次' } });
    expect(fee.parse('免费200元')).to.have.property('error');
    expect(fee.parse('看情况')).to.have.property('error').that.includes('免费（基础咨询免费）');
    expect(channel.parse('线上线下')).to.deep.equal({ value: 'both' });
    expect(channel.parse('网上办')).to.deep.equal({ value: 'online' });
    expect(channel.parse('网上办里')).to.deep.include({ suggestion: '网上办理' });
    expect(targets.parse('企业，个人;高校、科研院所')).to.deep.equal({ value: ['企业', '个人', '高校', '科研院所'] });
    expect(targets.parse('企业\n事业单位、社会团体')).to.deep.equal({ value: ['企业', '事业单位、社会团体'] });
  });

  it('given a sheet whose cells are as exported or blank, when read, then no item changes; an edited cell changes only its field', () => {
    const item = items.find((i) => i.id === 'va-ip-consulting') as ServiceItem;
    const layout = sheetLayout('valueAdded');
    const view: RowView = { seq: 1, entry: { item: item.id }, item, materials: [], fingerprint: 'f1' };
    const headers = layout.columns.map((c) => c.header);
    const exported = layout.columns.map((c) => c.show(view));
    const current = { entries: [{ item: item.id }], items: new Map([[item.id, { item, materials: [], fingerprint: 'f1' }]]) };
    const blanks = exported.map((text, i) => (headers[i] === '事项标识' ? text : ''));
    const untouched = readRows({ sheet: { name: 's', headers, rows: [{ number: 2, cells: exported }, { number: 3, cells: ['', ''] }] }, layout, current });
    expect(untouched).to.deep.include({ changed: [], problems: [], entries: [{ item: item.id }] });
    expect(readRows({ sheet: { name: 's', headers, rows: [{ number: 2, cells: blanks }] }, layout, current }).changed).to.deep.equal([]);
    const edited = exported.map((text, i) => (headers[i] === '收费标准' ? '收费' : text));
    const read = readRows({ sheet: { name: 's', headers, rows: [{ number: 2, cells: edited }] }, layout, current });
    expect(read.changed).to.deep.equal([{ item: { ...item, fee: { isFree: false } }, row: 2 }]);
  });
});
