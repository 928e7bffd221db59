/**
 * The desk's 导出 Excel buttons in Chromium: staff1 downloads the inbox's view as a workbook
 * (the case zhangsan applied for is a row, her agent's phone masked) and the reviews screen's
 * evaluations (the headers of the 好差评 export).
 */
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { maskPersonal } from '../../engine/forms/personal-values.js';
import { pledgeData, submitPledge } from '../api/support/pledge.js';
import { readExport } from '../api/support/exported-workbook.js';
import { describeBrowser, useStudio } from './support/studio.js';

const AGENT_PHONE = '13512355001';

describeBrowser('desk: Excel exports', () => {
  const studio = useStudio({ signInAs: 'staff1' });

  it('downloads the inbox view as a workbook with the case in it, its phone masked', async () => {
    const { page, server } = studio;
    const zhangsan = await server.client('zhangsan');
    const submitted = await submitPledge(zhangsan, { hasAgentIdentity: true, data: pledgeData({ agentPhone: AGENT_PHONE }) });
    expect(submitted.status, JSON.stringify(submitted.body)).to.equal(201);
    await page.goto('/desk?view=toAccept');
    await page.getByTestId(`case-row-${submitted.body.number}`).waitFor();
    const downloading = page.waitForEvent('download');
    await page.getByTestId('export-cases').click();
    const download = await downloading;
    expect(download.suggestedFilename()).to.match(/^mianyang-办件-\d{8}\.xlsx$/);
    const workbook = await readExport(readFileSync((await download.path()) as string));
    const row = workbook.records.find((r) => r['办件编号'] === submitted.body.number);
    expect(row?.['联系电话']).to.include(maskPersonal(AGENT_PHONE));
    expect(workbook.about.get('筛选条件')).to.equal('view=toAccept; lang=zh');
  });

  it('downloads the evaluations from the reviews screen', async () => {
    const { page } = studio;
    await page.goto('/desk/reviews');
    const downloading = page.waitForEvent('download');
    await page.getByTestId('export-evaluations').click();
    const workbook = await readExport(readFileSync((await (await downloading).path()) as string));
    expect(workbook.data.name).to.equal('好差评');
    expect(workbook.data.headers).to.include('评价等级').and.to.include('整改情况');
  });
});
