/**
 * The feedback answer limit is the platform's own: `settings.feedbackAnswer` replaces the
 * default 3 working days, and the platform's local closures count as days off, on top of the
 * official holidays and make-up days. Expected days are counted from the calendar file here.
 */
import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { definitionsDir } from '../../server/paths.js';
import { runFeedbackDeadlines } from '../../server/worker/feedback-deadlines.js';
import { forEachDatabase } from '../support/databases.js';
import { useApiSuite } from './support/api-suite.js';
import { endOfChinaDay, workingDaysAfter } from './support/working-days.js';

const FILED_DAY = '2026-09-30';
const CLOSURE = '2026-10-09';

forEachDatabase('API: the feedback answer limit on the platform\'s own calendar', (target) => {
  const suite = useApiSuite(target, { start: `${FILED_DAY}T10:00:00+08:00` });

  before(async () => {
    const admin = await suite.server.client('admin');
    const platform = JSON.parse(await readFile(join(definitionsDir, 'demo', 'mianyang', 'platform.json'), 'utf8'));
    platform.settings.feedbackAnswer = { value: 2, unit: 'workingDay' };
    platform.settings.closures = [...(platform.settings.closures ?? []), { date: CLOSURE, name: '本地闭馆（测试）' }];
    expect((await admin.put('/api/definitions/Platform/mianyang', platform)).status).to.equal(200);
    const published = await admin.post('/api/definitions/publish', { definitions: [{ kind: 'Platform', id: 'mianyang' }] });
    expect(published.status, JSON.stringify(published.body)).to.equal(200);
  });

  it('given 2 working days and a local closure on 10-09, when zhangsan files on 09-30, then it is due at the end of the make-up Saturday 10-10', async () => {
    const zhangsan = await suite.server.client('zhangsan');
    const filed = await zhangsan.post('/api/feedback', { kind: 'suggestion', text: '建议增加停车位。' });
    expect(filed.status, JSON.stringify(filed.body)).to.equal(201);
    const dueDay = workingDaysAfter(FILED_DAY, 2, [CLOSURE]);
    expect(dueDay, 'Thu 10-08, then 10-09 closed, then the make-up Saturday').to.equal('2026-10-10');
    expect(filed.body.answerDueAt).to.equal(endOfChinaDay(dueDay));
  });

  it('given one working day left after 10-08, when the worker runs on the closure day, then staff are reminded once', async () => {
    suite.server.clock.set('2026-10-08T20:00:00+08:00');
    expect(await runFeedbackDeadlines(suite.server.services)).to.deep.equal({ reminded: 0, flagged: 0 });
    suite.server.clock.set(`${CLOSURE}T09:00:00+08:00`);
    expect(await runFeedbackDeadlines(suite.server.services)).to.deep.equal({ reminded: 1, flagged: 0 });
  });
});
