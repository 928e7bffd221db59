/**
 * The desk's inbox: views (待受理, 办理中, 即将到期, 已逾期, 已退回补正, 我的, 全部) with counts,
 * search by case number, applicant or item, order by due date, keyset pages, and summaries
 * that name the item, step and people. Applicants only ever see their own cases.
 */
import { expect } from 'chai';
import type { ApiClient } from '../support/api-client.js';
import { forEachDatabase } from '../support/databases.js';
import { consultationData } from '../fixtures/form-data.js';
import { useApiSuite } from './support/api-suite.js';
import { act, acceptedPledge, PLEDGE_ITEM, pledgeData, submitPledge, tinyPdf } from './support/pledge.js';

type Summary = { id: string; number: string; dueAt: string | null; warnAt: string | null; dueState: string | null; status: string; [key: string]: unknown };

forEachDatabase('API: the staff inbox', (target) => {
  const suite = useApiSuite(target);
  let zhangsan: ApiClient;
  let lisi: ApiClient;
  let staff1: ApiClient;
  let staff2: ApiClient;
  const ids = {} as Record<'returned' | 'toAccept' | 'mine1' | 'mine2' | 'draft' | 'withdrawn' | 'lisi', string>;

  const list = async (client: ApiClient, query: string): Promise<Summary[]> => {
    const answer = await client.get(`/api/cases?${query}`);
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
    return answer.body.cases;
  };
  const idsOf = async (client: ApiClient, query: string) => (await list(client, query)).map((c) => c.id).sort();
  const counts = async (client: ApiClient, query = '') => (await client.get(`/api/cases/counts${query}`)).body;

  /** Sessions time out when the clock jumps days ahead: everyone signs in again then. */
  const signIn = async () => {
    zhangsan = await suite.server.client('zhangsan');
    lisi = await suite.server.client('lisi');
    staff1 = await suite.server.client('staff1');
    staff2 = await suite.server.client('staff2');
  };
  const moveClockTo = async (instant: string) => {
    suite.server.clock.set(instant);
    await signIn();
  };

  before(async () => {
    await signIn();
    ids.returned = (await submitPledge(zhangsan, { hasAgentIdentity: false })).body.id;
    ids.toAccept = (await submitPledge(zhangsan, { hasAgentIdentity: true })).body.id;
    ids.mine1 = (await acceptedPledge({ applicant: zhangsan, staff: staff1 })).id;
    ids.mine2 = (await acceptedPledge({ applicant: zhangsan, staff: staff2 })).id;
    ids.draft = (await zhangsan.post('/api/cases', { item: 'ip-policy-consulting', data: consultationData(), action: null })).body.id;
    const toWithdraw = (await submitPledge(zhangsan, { hasAgentIdentity: true })).body;
    ids.withdrawn = (await act(zhangsan, toWithdraw, 'withdraw')).body.id;
    const files = { applicationForm: [tinyPdf('申请表.pdf')], identity: [tinyPdf('营业执照.pdf')] };
    const lisis = await lisi.postMultipart('/api/cases', { item: 'ip-policy-consulting', data: consultationData({ applicantName: '李四的公司' }) }, files);
    expect(lisis.body.step, JSON.stringify(lisis.body)).to.equal('accept');
    ids.lisi = lisis.body.id;
  });

  it('given seven cases in every state, when staff1 reads the views, then each holds the cases whose turn it describes', async () => {
    expect(await idsOf(staff1, 'view=toAccept')).to.deep.equal([ids.toAccept, ids.lisi].sort());
    expect(await idsOf(staff1, 'view=returned')).to.deep.equal([ids.returned]);
    expect(await idsOf(staff1, 'view=inProgress')).to.deep.equal([ids.mine1, ids.mine2].sort());
    expect(await idsOf(staff1, 'view=mine')).to.deep.equal([ids.mine1]);
    expect(await idsOf(staff2, 'view=mine')).to.deep.equal([ids.mine2]);
    expect(await idsOf(staff1, 'view=dueSoon')).to.deep.equal([]);
    expect(await idsOf(staff1, 'view=overdue')).to.deep.equal([]);
    expect(await idsOf(staff1, 'view=all')).to.deep.equal(Object.values(ids).sort());
  });

  it('given the same moment, when staff1 asks for the counts, then they match the views', async () => {
    expect(await counts(staff1)).to.deep.equal({ toAccept: 2, inProgress: 2, dueSoon: 0, overdue: 0, returned: 1, mine: 1, all: 7, capped: [] });
  });

  it('given a summary, when read, then it names the item, the step, the applicant and the assignee, and says how the time limit stands', async () => {
    const mine = (await list(staff1, 'view=mine'))[0] as Summary;
    expect(mine).to.include({ itemTitle: '专利权质押登记', step: 'implement', applicantName: '张三（演示申请人）', assigneeName: '窗口工作人员王敏（演示）', channel: 'online', dueState: 'ok' });
    expect(mine.stepTitle).to.be.a('string').and.not.equal('implement');
    expect(Date.parse(mine.warnAt as string)).to.be.lessThan(Date.parse(mine.dueAt as string));
  });

  it('given the warning time of the cases waiting for acceptance, when the views are read then, then both are due soon; past their due time both are overdue', async () => {
    const waiting = (await list(staff1, 'view=toAccept')) as Summary[];
    const warnAt = waiting[0]!.warnAt as string;
    await moveClockTo(warnAt);
    expect(await idsOf(staff1, 'view=dueSoon')).to.deep.equal([ids.toAccept, ids.lisi].sort());
    expect((await list(staff1, 'view=dueSoon')).every((c) => c.dueState === 'dueSoon')).to.equal(true);
    await moveClockTo(waiting[0]!.dueAt as string);
    expect(await idsOf(staff1, 'view=overdue')).to.include.members([ids.toAccept, ids.lisi]);
    const { dueSoon, overdue } = await counts(staff1);
    expect([dueSoon, overdue]).to.deep.equal([(await list(staff1, 'view=dueSoon')).length, (await list(staff1, 'view=overdue')).length]);
  });

  it('given any moment, when the due views are read, then they agree case by case with the due state each summary gives', async () => {
    const all = await list(staff1, 'view=all&limit=100');
    for (const view of ['dueSoon', 'overdue'] as const) {
      const expected = all.filter((c) => c.status === 'open' && c.dueState === view).map((c) => c.id).sort();
      expect(await idsOf(staff1, `view=${view}`), view).to.deep.equal(expected);
    }
  });

  it('given a search, when it is part of a case number, an applicant\'s name or an item\'s title, then the matching cases come back in every view', async () => {
    const number = (await list(staff1, 'view=returned'))[0]!.number;
    // Sequences count per implementation code, so the tail names the item's basic code too.
    expect(await idsOf(staff1, `view=all&q=${encodeURIComponent(number.slice(-20))}`)).to.deep.equal([ids.returned]);
    expect(await idsOf(staff1, `view=all&q=${encodeURIComponent('李四')}`)).to.deep.equal([ids.lisi]);
    expect(await idsOf(staff1, `view=all&q=${encodeURIComponent('政策咨询')}`)).to.deep.equal([ids.draft, ids.lisi].sort());
    expect(await idsOf(staff1, `view=toAccept&q=${encodeURIComponent('政策咨询')}`)).to.deep.equal([ids.lisi]);
    expect(await idsOf(staff1, `q=${encodeURIComponent('100%_')}`)).to.deep.equal([]);
    expect((await counts(staff1, `?q=${encodeURIComponent('政策咨询')}`)).all).to.equal(2);
  });

  it('given a search, when counted, then every view\'s count is the number of cases the view lists for it', async () => {
    for (const q of ['政策咨询', '张三', '质押', '0001']) {
      const { capped, ...counted } = await counts(staff1, `?q=${encodeURIComponent(q)}`);
      expect(capped, q).to.deep.equal([]);
      const listed: Record<string, number> = {};
      for (const view of Object.keys(counted)) listed[view] = (await list(staff1, `view=${view}&limit=100&q=${encodeURIComponent(q)}`)).length;
      expect(counted, q).to.deep.equal(listed);
    }
  });

  it('given order=due, when every case is listed, then only cases with a running clock come, earliest due first', async () => {
    const due = await list(staff1, 'view=all&order=due');
    expect(due.map((c) => c.id).sort()).to.deep.equal([ids.toAccept, ids.lisi, ids.mine1, ids.mine2].sort());
    const instants = due.map((c) => Date.parse(c.dueAt as string));
    expect(instants).to.deep.equal([...instants].sort((a, b) => a - b));
  });

  it('given pages of two, when followed to the end, then every case comes once in update order', async () => {
    const seen: string[] = [];
    let next: string | null = null;
    do {
      const page: { body: { cases: Summary[]; next: string | null } } = await staff1.get(`/api/cases?view=all&limit=2${next ? `&after=${next}` : ''}`);
      seen.push(...page.body.cases.map((c) => c.id));
      next = page.body.next;
    } while (next);
    expect(seen).to.have.length(7);
    expect([...seen].sort()).to.deep.equal(Object.values(ids).sort());
  });

  it('given zhangsan, when he reads views and counts, then only his own cases count and "mine" is all of them', async () => {
    expect(await idsOf(zhangsan, 'view=returned')).to.deep.equal([ids.returned]);
    expect(await idsOf(zhangsan, 'view=toAccept')).to.deep.equal([ids.toAccept]);
    const own = await counts(zhangsan);
    expect(own).to.include({ toAccept: 1, returned: 1, inProgress: 2, mine: 6, all: 6 });
    expect(await idsOf(lisi, 'view=all')).to.deep.equal([ids.lisi]);
  });

  it('given an unknown view or a broken cursor, when listed, then 400', async () => {
    const view = await staff1.get('/api/cases?view=later');
    expect(view.status).to.equal(400);
    expect(view.body.problems[0]).to.include({ path: '/view' });
    expect((await staff1.get('/api/cases?after=not-a-cursor')).status).to.equal(400);
  });

  it('given a pledge by another route, when the item is searched by its title, then it is found', async () => {
    const started = await zhangsan.post('/api/cases', { item: PLEDGE_ITEM, data: pledgeData(), action: null });
    expect(await idsOf(staff1, `view=all&q=${encodeURIComponent('质押')}`)).to.include(started.body.id);
  });
});
