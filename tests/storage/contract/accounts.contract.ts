import { expect } from 'chai';
import { insertCase } from '../../../storage/cases.js';
import { attachFile, getFile, insertFile, listFiles } from '../../../storage/files.js';
import { insertMessage, listMessages, markMessageRead } from '../../../storage/messages.js';
import { destroySession, getSession, purgeExpiredSessions, setSession, touchSession } from '../../../storage/sessions.js';
import { closeTask, listTasks, openTask } from '../../../storage/tasks.js';
import { findUserByUsername, getUser, listUsers, recordLogin, setUserDisabled } from '../../../storage/users.js';
import { useStore, type ContractContext } from './context.js';
import { at, sampleCase, seedPlatforms, seedUser } from './fixtures.js';

export function accountsContract(ctx: ContractContext): void {
  describe('users, sessions, messages, tasks and file records', () => {
    const store = useStore(ctx);
    before(async () => {
      const { knex } = store.current.db;
      await seedPlatforms(knex);
      await seedUser(knex, { id: 'u1', platformId: 'sc-my', roles: ['staff', 'auditor'], phone: '13800000002' });
      await seedUser(knex, { id: 'u2', platformId: 'sc-my', roles: ['applicant'] });
      await insertCase(knex, sampleCase({ id: 'c1', platformId: 'sc-my' }));
    });

    it('given users, when looked up, then roles and flags round-trip and disabled users are not listed', async () => {
      const { knex } = store.current.db;
      expect(await getUser(knex, 'u1')).to.include({ username: 'u1', isDemo: false, isDisabled: false, phone: '13800000002', lastLoginAt: null });
      expect((await findUserByUsername(knex, 'u1'))?.roles).to.deep.equal(['staff', 'auditor']);
      await recordLogin(knex, { id: 'u1', at: at(1) });
      expect((await getUser(knex, 'u1'))?.lastLoginAt).to.equal(at(1));
      expect((await listUsers(knex, { platformId: 'sc-my', role: 'staff' })).map((u) => u.id)).to.deep.equal(['u1']);
      await setUserDisabled(knex, { id: 'u1', isDisabled: true });
      expect(await listUsers(knex, { platformId: 'sc-my', role: 'staff' })).to.have.length(0);
      const duplicate = await seedUser(knex, { id: 'u1', platformId: 'sc', roles: [] }).then(() => 'ok', () => 'refused');
      expect(duplicate).to.equal('refused');
    });

    it('given a session, when read, touched, destroyed and purged, then only live sessions are returned', async () => {
      const { knex } = store.current.db;
      await setSession(knex, { sid: 's1', userId: 'u2', data: { csrf: 'x' }, expiresAt: at(30) });
      await setSession(knex, { sid: 's1', userId: 'u2', data: { csrf: 'y' }, expiresAt: at(30) });
      await setSession(knex, { sid: 's2', userId: null, data: {}, expiresAt: at(10) });
      expect(await getSession(knex, { sid: 's1', now: at(0) })).to.deep.equal({ sid: 's1', userId: 'u2', data: { csrf: 'y' }, expiresAt: at(30) });
      expect(await getSession(knex, { sid: 's2', now: at(10) })).to.equal(undefined);
      expect(await touchSession(knex, { sid: 's1', expiresAt: at(60) })).to.equal(true);
      expect(await touchSession(knex, { sid: 'nope', expiresAt: at(60) })).to.equal(false);
      expect(await purgeExpiredSessions(knex, at(40))).to.equal(1);
      expect((await getSession(knex, { sid: 's1', now: at(40) }))?.expiresAt).to.equal(at(60));
      await destroySession(knex, 's1');
      expect(await getSession(knex, { sid: 's1', now: at(40) })).to.equal(undefined);
    });

    it('given a message delivered twice, when read, then the inbox holds it once and only its owner can mark it read', async () => {
      const { knex } = store.current.db;
      const message = { id: 'm1', userId: 'u2', platformId: 'sc-my', caseId: 'c1', title: '受理回执', body: '您的申请已受理。', createdAt: at(2) };
      await insertMessage(knex, message);
      await insertMessage(knex, message);
      expect(await listMessages(knex, { userId: 'u2', isUnreadOnly: true })).to.have.length(1);
      expect(await markMessageRead(knex, { id: 'm1', userId: 'u1', at: at(3) })).to.equal(false);
      expect(await markMessageRead(knex, { id: 'm1', userId: 'u2', at: at(3) })).to.equal(true);
      expect(await listMessages(knex, { userId: 'u2', isUnreadOnly: true })).to.have.length(0);
      expect((await listMessages(knex, { userId: 'u2' }))[0]?.readAt).to.equal(at(3));
    });

    it('given an open task, when closed twice, then it is done once', async () => {
      const { knex } = store.current.db;
      await openTask(knex, { id: 't1', platformId: 'sc-my', caseId: 'c1', kind: 'rectification', title: '差评整改', assigneeRole: 'staff', dueAt: at(100), createdAt: at(4) });
      expect(await closeTask(knex, { id: 't1', at: at(5) })).to.equal(true);
      expect(await closeTask(knex, { id: 't1', at: at(6) })).to.equal(false);
      expect(await listTasks(knex, { platformId: 'sc-my', status: 'open' })).to.have.length(0);
      expect((await listTasks(knex, { platformId: 'sc-my', status: 'done' }))[0]).to.include({ closedAt: at(5), dueAt: at(100) });
    });

    it('given an uploaded file, when attached to a case, then it moves from the owner\'s list to the case\'s', async () => {
      const { knex } = store.current.db;
      const file = { id: 'f1', platformId: 'sc-my', ownerId: 'u2', caseId: null, materialKey: null, sha256: 'a'.repeat(64), size: 3_000_000_000, mediaType: 'application/pdf', originalName: '营业执照.pdf', createdAt: at(7) };
      await insertFile(knex, file);
      expect(await getFile(knex, 'f1')).to.deep.equal(file);
      expect((await listFiles(knex, { ownerId: 'u2' })).map((f) => f.id)).to.deep.equal(['f1']);
      expect(await attachFile(knex, { id: 'f1', caseId: 'c1', materialKey: 'license' })).to.equal(true);
      expect(await attachFile(knex, { id: 'f1', caseId: 'c1', materialKey: 'other' })).to.equal(false);
      expect(await listFiles(knex, { ownerId: 'u2' })).to.have.length(0);
      expect((await listFiles(knex, { caseId: 'c1' }))[0]).to.include({ materialKey: 'license' });
    });
  });
}
