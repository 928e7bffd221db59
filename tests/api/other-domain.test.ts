/**
 * The engine is generic: a public library's reader-card service (tests/fixtures/definitions/
 * other-domain), imported as data onto its own platform, runs over HTTP to its final step with
 * no code of its own.
 */
import { expect } from 'chai';
import { join } from 'node:path';
import type { Platform } from '../../engine/kinds/platform.js';
import { readDefinitionFiles } from '../../server/definition-files.js';
import { importDefinitions } from '../../server/operations/import-definitions.js';
import { hashPassword } from '../../server/operations/passwords.js';
import { projectRoot } from '../../server/paths.js';
import { insertPlatform } from '../../storage/platforms.js';
import { insertUser } from '../../storage/users.js';
import type { ApiClient } from '../support/api-client.js';
import { forEachDatabase } from '../support/databases.js';
import { useApiSuite } from './support/api-suite.js';
import { act, allOk, tinyPdf } from './support/pledge.js';

const PLATFORM = 'city-library';
const PASSWORD = 'Reader@2026';

const readerData = (overrides: Record<string, unknown> = {}) => ({
  name: '王小明',
  idNumber: '11010519491231002X',
  phone: '13700137000',
  cardType: 'standard',
  isMinor: false,
  ...overrides,
});

forEachDatabase('API: a non-IP service (library reader card) on the same engine', (target) => {
  const suite = useApiSuite(target, { start: '2026-09-21T09:00:00+08:00' });
  let reader: ApiClient;
  let librarian: ApiClient;

  before(async () => {
    const { services } = suite.server;
    const { files, errors } = await readDefinitionFiles([join(projectRoot, 'tests/fixtures/definitions/other-domain')]);
    expect(errors).to.deep.equal([]);
    const platform = files.map((f) => f.doc as Platform).find((d) => d.kind === 'Platform' && d.id === PLATFORM)!;
    const at = services.now().toISOString();
    await insertPlatform(services.db.knex, { id: PLATFORM, parentId: null, level: platform.level, title: String(platform.title), body: platform as unknown as Record<string, unknown>, createdAt: at });
    const published = await importDefinitions(services, { platformId: PLATFORM, files, by: 'test' });
    expect(published).to.have.length(files.length);
    const passwordHash = await hashPassword(PASSWORD);
    await insertUser(services.db.knex, { id: 'lib-reader', platformId: PLATFORM, username: 'reader1', displayName: '王小明', roles: ['applicant'], phone: '13700137000', passwordHash, createdAt: at });
    await insertUser(services.db.knex, { id: 'lib-staff', platformId: PLATFORM, username: 'librarian1', displayName: '图书馆服务台', roles: ['staff'], passwordHash, createdAt: at });
    reader = await suite.server.client('reader1', PASSWORD);
    librarian = await suite.server.client('librarian1', PASSWORD);
  });

  it('given the imported set, when the public reads the platform and the item, then the list and the guide come from the data', async () => {
    const anonymous = await suite.server.client();
    const catalog = await anonymous.get(`/api/platforms/${PLATFORM}`);
    expect(catalog.status).to.equal(200);
    expect(catalog.body.lists.flatMap((l: any) => l.rows.map((r: any) => r.itemId))).to.deep.equal(['reader-card']);
    const guide = await anonymous.get(`/api/platforms/${PLATFORM}/items/reader-card`);
    expect(guide.status).to.equal(200);
    expect(guide.body.guideHtml).to.contain('读者证办理').and.to.contain('居民身份证');
  });

  it('given a reader\'s application, when the librarian approves it and hands the card over, then the case reaches its final step', async () => {
    const submitted = await reader.postMultipart('/api/cases', { item: 'reader-card', data: readerData() }, { idCard: [tinyPdf('身份证正反面.pdf')] });
    expect(submitted.status, JSON.stringify(submitted.body)).to.equal(201);
    expect(submitted.body).to.include({ step: 'review', platformId: PLATFORM, status: 'open' });

    const approved = await act(librarian, submitted.body, 'approve', { verdicts: allOk(submitted.body) });
    expect(approved.status, JSON.stringify(approved.body)).to.equal(200);
    expect(approved.body).to.include({ step: 'issue', assigneeId: 'lib-staff' });
    const notices = (await reader.get(`/api/cases/${submitted.body.id}/notices`)).body.notices;
    expect(notices.map((n: any) => [n.templateId, [...n.channels].sort()])).to.deep.equal([['card-ready-notice', ['inApp', 'sms']]]);
    // 10 working days from Mon 09-21: 09-22..24, 28..30, 10-08, 09, 10 (make-up Saturday), 12.
    expect(notices[0].body).to.contain('王小明').and.to.contain('2026年10月12日');

    const handed = await act(librarian, approved.body, 'handOver', { payload: { result: 'R2026000123' } });
    expect(handed.status, JSON.stringify(handed.body)).to.equal(200);
    expect(handed.body).to.include({ step: 'closed', status: 'completed' });
    expect(handed.body.fields).to.include({ cardNumber: 'R2026000123' });
    expect(handed.body.actions).to.deep.equal([]);
    const events = (await reader.get(`/api/cases/${submitted.body.id}/events`)).body.events;
    expect(events.filter((e: any) => e.type === 'case.acted').map((e: any) => e.data.action)).to.deep.equal(['submit', 'approve', 'handOver']);
  });

  it('given a minor\'s application without the guardian\'s consent, when the librarian approves, then the workflow\'s own condition refuses it', async () => {
    const submitted = await reader.postMultipart('/api/cases', { item: 'reader-card', data: readerData({ cardType: 'child', isMinor: true, guardianName: '王大明' }) }, { idCard: [tinyPdf('身份证.pdf')] });
    expect(submitted.status, JSON.stringify(submitted.body)).to.equal(201);
    expect(submitted.body.materials.find((m: any) => m.key === 'guardianConsent')).to.include({ isRequired: true, status: 'missing' });
    const refused = await act(librarian, submitted.body, 'approve');
    expect(refused.status).to.equal(422);
    expect(refused.body.problems.map((p: any) => [p.code, p.message])).to.deep.equal([['case.condition-failed', '身份材料不齐，不能通过。']]);
    const rejected = await act(librarian, submitted.body, 'reject', { payload: { reason: '未提交监护人同意书' } });
    expect(rejected.body).to.include({ step: 'rejected', status: 'rejected' });
  });
});
