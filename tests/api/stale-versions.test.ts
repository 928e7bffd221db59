/**
 * A3 (docs/security.md "Concurrency"): every mutating case route refuses the version before the
 * last change with 409 case.version-conflict carrying the current version, and changes nothing:
 * the case row, its events, outbox rows, timers, tasks and files are the same before and after.
 *
 * The routes come from the route inventory (every POST/PUT/DELETE under /api/cases/:caseId); a
 * route without a stale-version case here fails the suite, so a new one cannot slip by; the
 * exemptions (revealing a masked value, filing an appeal against an evaluation: neither writes the case) name their reasons.
 */
import { expect } from 'chai';
import type { Knex } from 'knex';
import { routes } from '../../server/routes/index.js';
import { listEvents } from '../../storage/case-events.js';
import { getCase } from '../../storage/cases.js';
import { listFiles } from '../../storage/files.js';
import { listNotices } from '../../storage/outbox.js';
import { listTasks } from '../../storage/tasks.js';
import { listTimers } from '../../storage/timers.js';
import type { ApiClient, ApiResponse } from '../support/api-client.js';
import { forEachDatabase } from '../support/databases.js';
import { useApiSuite } from './support/api-suite.js';
import { act, acceptedPledge, completedPledge, submitPledge, tinyPdf } from './support/pledge.js';

interface Clients {
  zhangsan: ApiClient;
  staff1: ApiClient;
}

/**
 * One stale-version case: `prepare` brings a case to where the route applies and then changes it
 * once more; `call` sends the route at `staleVersion` (the version before that last change).
 */
interface StaleCase {
  title: string;
  prepare: (clients: Clients) => Promise<{ id: string; version: number }>;
  call: (clients: Clients, kase: { id: string; staleVersion: number }) => Promise<ApiResponse>;
}

/** A case in implement whose last change was a progress note by staff1. */
async function progressedCase(clients: Clients) {
  const accepted = await acceptedPledge({ applicant: clients.zhangsan, staff: clients.staff1 });
  const progressed = await act(clients.staff1, accepted, 'progress', { payload: { note: '已核对质押合同' } });
  expect(progressed.status, JSON.stringify(progressed.body)).to.equal(200);
  return progressed.body;
}

const staleCases: Record<string, StaleCase[]> = {
  'POST /api/cases/:caseId/actions/:action': [
    {
      title: 'staff record progress (JSON)',
      prepare: progressedCase,
      call: ({ staff1 }, kase) => act(staff1, { id: kase.id, version: kase.staleVersion }, 'progress', { payload: { note: '按旧页面记录的进度' } }),
    },
    {
      title: 'staff complete the case (JSON)',
      prepare: progressedCase,
      call: ({ staff1 }, kase) => act(staff1, { id: kase.id, version: kase.staleVersion }, 'complete', { payload: { result: '准予登记' } }),
    },
    {
      title: 'the applicant resubmits the missing paper (multipart with a file)',
      async prepare({ zhangsan, staff1 }) {
        const submitted = await submitPledge(zhangsan, { hasAgentIdentity: false });
        expect(submitted.body.step, JSON.stringify(submitted.body)).to.equal('supplement');
        const handed = await staff1.post(`/api/cases/${submitted.body.id}/assignee`, { userId: 'demo-staff2', version: submitted.body.version });
        expect(handed.status, JSON.stringify(handed.body)).to.equal(200);
        return handed.body;
      },
      call: ({ zhangsan }, kase) =>
        zhangsan.postMultipart(`/api/cases/${kase.id}/actions/resubmit`, { version: kase.staleVersion }, { agentIdentity: [tinyPdf('被委托人身份证.pdf')] }),
    },
  ],
  'POST /api/cases/:caseId/assignee': [
    {
      title: 'staff hand the case to staff2',
      prepare: progressedCase,
      call: ({ staff1 }, kase) => staff1.post(`/api/cases/${kase.id}/assignee`, { userId: 'demo-staff2', version: kase.staleVersion }),
    },
  ],
  'POST /api/cases/:caseId/evaluation-reply': [
    {
      title: 'staff reply to the evaluation',
      async prepare({ zhangsan, staff1 }) {
        const completed = await completedPledge({ applicant: zhangsan, staff: staff1 });
        const rated = await act(zhangsan, completed, 'evaluate', { payload: { level: 2, comment: '进度通知不及时' } });
        expect(rated.status, JSON.stringify(rated.body)).to.equal(200);
        return rated.body;
      },
      call: ({ staff1 }, kase) => staff1.post(`/api/cases/${kase.id}/evaluation-reply`, { text: '按旧页面写的回复', version: kase.staleVersion }),
    },
  ],
};

/**
 * Mutating routes under /api/cases/:caseId that write nothing of the case, with the reason they
 * take no version. Anything else in the inventory must have a stale-version case above.
 */
const takesNoVersion: Record<string, string> = {
  'POST /api/cases/:caseId/reveal': 'reads one masked value with a reason (audited); it changes nothing of the case, so no version can be stale',
  'POST /api/cases/:caseId/evaluation-appeals':
    'files an appeal against one evaluation named by its instant (evaluations are never changed or removed); it writes the appeal, nothing of the case, so no version can be stale',
};

/** Every mutating route on one case, from the route inventory. */
const mutatingCaseRoutes = routes.filter((r) => r.method !== 'get' && r.path.startsWith('/api/cases/:caseId')).map((r) => `${r.method.toUpperCase()} ${r.path}`);

/** Everything a case route could change, as stored. */
async function storedState(knex: Knex, caseId: string) {
  return {
    kase: await getCase(knex, caseId),
    events: await listEvents(knex, caseId),
    notices: await listNotices(knex, caseId),
    timers: await listTimers(knex, caseId),
    tasks: await listTasks(knex, { platformId: 'mianyang', caseId }),
    files: await listFiles(knex, { caseId }),
    unattachedFiles: await listFiles(knex, { ownerId: 'demo-zhangsan' }),
  };
}

describe('API: the stale-version table covers the route inventory (A3)', () => {
  it('given the route inventory, when its mutating case routes are listed, then each has a stale-version case (or a reason it takes no version) and no entry names a route that is gone', () => {
    expect(mutatingCaseRoutes, 'the inventory lists the case routes').to.include('POST /api/cases/:caseId/actions/:action');
    const covered = [...Object.keys(staleCases), ...Object.keys(takesNoVersion)];
    expect(covered.sort(), 'stale-version cases and exemptions, against the inventory').to.deep.equal([...mutatingCaseRoutes].sort());
    expect(Object.keys(staleCases).filter((route) => route in takesNoVersion)).to.deep.equal([]);
  });
});

forEachDatabase('API: a stale version on every mutating case route (A3)', (target) => {
  const suite = useApiSuite(target, { start: '2026-09-21T09:00:00+08:00' });
  const clients = {} as Clients;

  before(async () => {
    clients.zhangsan = await suite.server.client('zhangsan');
    clients.staff1 = await suite.server.client('staff1');
  });

  for (const route of mutatingCaseRoutes) {
    for (const stale of staleCases[route] ?? []) {
      it(`given ${route}, when ${stale.title} at the version before the last change, then 409 with the current version and nothing changes`, async () => {
        const kase = await stale.prepare(clients);
        const { knex } = suite.store.db;
        const before = await storedState(knex, kase.id);
        expect(before.kase?.version).to.equal(kase.version);

        const answer = await stale.call(clients, { id: kase.id, staleVersion: kase.version - 1 });
        expect(answer.status, JSON.stringify(answer.body)).to.equal(409);
        expect(answer.body).to.include({ code: 'case.version-conflict', currentVersion: kase.version });
        expect(await storedState(knex, kase.id)).to.deep.equal(before);
      });
    }
  }
});
