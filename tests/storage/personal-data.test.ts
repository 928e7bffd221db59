/**
 * The personal-data keyring and migration 0017's sealing of rows stored before encryption, on
 * SQLite and PostgreSQL: plain ID numbers and phones in users, case bodies, event payloads,
 * drafts, the outbox and messages are sealed in place, read back plain through the
 * repositories, and a second run writes nothing.
 */
import { expect } from 'chai';
import { getApplicationDraft, putApplicationDraft } from '../../storage/application-drafts.js';
import { listEvents } from '../../storage/case-events.js';
import { getCase, insertCase } from '../../storage/cases.js';
import { writeJson } from '../../storage/columns.js';
import { listMessages, insertMessage } from '../../storage/messages.js';
import { enqueueNotice, listNotices } from '../../storage/outbox.js';
import { PersonalDataKeyring } from '../../storage/personal-data/keyring.js';
import { sealExistingPersonalData } from '../../storage/personal-data/seal-existing.js';
import { findOfflineApplicant, getUser } from '../../storage/users.js';
import { migrationSource } from '../../storage/migrations/index.js';
import { forEachDatabase } from '../support/databases.js';
import { TEST_DEPLOYMENT_SECRET } from '../support/personal-data-key.js';
import { sampleCase, seedPlatforms, seedUser, T0 } from './contract/fixtures.js';

const ID = '11010519491231002X';
const PHONE = '13912345678';

describe('personal-data keyring', () => {
  const keyring = PersonalDataKeyring.fromSecrets([TEST_DEPLOYMENT_SECRET]);

  it('given a value, when sealed twice, then both open to it, differ (random IV) and name the key', () => {
    const [a, b] = [keyring.seal(ID), keyring.seal(ID)];
    expect(a).to.not.equal(b);
    expect(a).to.match(new RegExp(`^enc:v1:${keyring.keyId}:[A-Za-z0-9_-]+$`));
    expect([keyring.open(a), keyring.open(b)]).to.deep.equal([ID, ID]);
  });

  it('given another secret, when it opens the value, then it refuses naming the key; a changed byte fails the integrity check', () => {
    const sealed = keyring.seal(PHONE);
    const other = PersonalDataKeyring.fromSecrets(['another-deployment-secret']);
    expect(() => other.open(sealed)).to.throw(/personal value was sealed with key/);
    const flipped = sealed.slice(0, -3) + (sealed.at(-3) === 'A' ? 'B' : 'A') + sealed.slice(-2);
    expect(() => keyring.open(flipped)).to.throw(/integrity check/);
  });

  it('given a rotated keyring (new secret first), when it opens a value of the old key, then it reads it and seals new ones under the new key', () => {
    const rotated = PersonalDataKeyring.fromSecrets(['the-next-deployment-secret', TEST_DEPLOYMENT_SECRET]);
    expect(rotated.open(keyring.seal(PHONE))).to.equal(PHONE);
    expect(rotated.seal(PHONE)).to.contain(`:${rotated.keyId}:`).and.not.contain(keyring.keyId);
  });

  it('given a value, when indexed, then the index is the same each time and differs per secret', () => {
    expect(keyring.blindIndex(PHONE)).to.equal(keyring.blindIndex(PHONE)).and.match(/^[0-9a-f]{64}$/);
    expect(PersonalDataKeyring.fromSecrets(['another-deployment-secret']).blindIndex(PHONE)).to.not.equal(keyring.blindIndex(PHONE));
  });

  it('given a rotated keyring handed to a worker thread as plain data, then the copy seals under the current key, opens what either key sealed and indexes alike', () => {
    const rotated = PersonalDataKeyring.fromSecrets(['the-next-deployment-secret', TEST_DEPLOYMENT_SECRET]);
    const copy = PersonalDataKeyring.fromShared(structuredClone(rotated.toShared()));
    expect(copy.keyId).to.equal(rotated.keyId);
    expect(rotated.open(copy.seal(ID))).to.equal(ID);
    expect(copy.open(keyring.seal(PHONE))).to.equal(PHONE);
    expect(copy.blindIndex(PHONE)).to.equal(rotated.blindIndex(PHONE));
  });
});

forEachDatabase('storage: personal data stored before encryption is sealed by migration 0017', (target) => {
  let store: Awaited<ReturnType<typeof target.createStore>>;
  before(async () => {
    store = await target.createStore();
    const { knex } = store.db;
    const { city } = await seedPlatforms(knex);
    await seedUser(knex, { id: 'wang', platformId: city, roles: ['applicant'], phone: PHONE });
    await insertCase(knex, sampleCase({ id: 'c1', platformId: city, data: { agentIdNumber: ID, name: '王五' } }));
    await enqueueNotice(knex, { id: 'n1', platformId: city, caseId: 'c1', noticeId: 'x', channel: 'sms', recipientUserId: 'wang', recipientAddress: PHONE, templateId: 't', purpose: 'p', subject: `致 ${PHONE}`, body: `证件 ${ID}`, format: 'text', createdAt: T0 });
    await insertMessage(knex, { id: 'm1', userId: 'wang', platformId: city, caseId: 'c1', title: '回执', body: `证件 ${ID}`, createdAt: T0 });
    await putApplicationDraft(knex, { userId: 'wang', platformId: city, itemId: 'i1', data: { agentIdNumber: '1101051949' }, fileRefs: {}, savedAt: T0 });
    // As an older version stored them: plain text (events can only be inserted).
    await knex('users').where({ id: 'wang' }).update({ phone: PHONE, phone_index: null });
    await knex('cases').where({ id: 'c1' }).update({ body: writeJson({ ...sampleCase({ id: 'c1', platformId: city }), data: { agentIdNumber: ID, name: '王五' }, version: 1 }) });
    await knex('case_events').insert({ id: 'e1', case_id: 'c1', seq: 1, type: 'case.acted', actor_id: 'wang', data: writeJson({ payload: { phone: PHONE } }), at: T0 });
    await knex('outbox').where({ id: 'n1' }).update({ recipient_address: PHONE, subject: `致 ${PHONE}`, body: `证件 ${ID}` });
    await knex('messages').where({ id: 'm1' }).update({ body: `证件 ${ID}` });
    await knex('application_drafts').update({ body: writeJson({ data: { agentIdNumber: '1101051949' }, fileRefs: {} }) });
  });
  after(() => store.dispose());

  it('given plain rows, when sealed, then no plain value is left and the repositories read them as they were', async () => {
    const { knex } = store.db;
    expect(await sealExistingPersonalData(knex)).to.equal(6);
    const raw = JSON.stringify([
      await knex('users').select('phone').where({ id: 'wang' }),
      await knex('cases').select('body'),
      await knex('case_events').select('data'),
      await knex('outbox').select('recipient_address', 'subject', 'body'),
      await knex('messages').select('body'),
      await knex('application_drafts').select('body'),
    ]);
    expect(raw).not.to.contain(PHONE).and.not.to.contain(ID).and.not.to.contain('1101051949');
    expect(raw).to.contain('enc:v1:');
    expect((await getUser(knex, 'wang'))?.phone).to.equal(PHONE);
    expect(await findOfflineApplicant(knex, { platformId: 'sc-my', phone: PHONE, displayName: '用户 wang' })).to.include({ id: 'wang' });
    expect((await getCase(knex, 'c1'))?.data).to.deep.equal({ agentIdNumber: ID, name: '王五' });
    expect((await listEvents(knex, 'c1'))[0]?.data).to.deep.equal({ payload: { phone: PHONE } });
    expect((await listNotices(knex, 'c1'))[0]).to.include({ recipientAddress: PHONE, subject: `致 ${PHONE}`, body: `证件 ${ID}` });
    expect((await listMessages(knex, { userId: 'wang' }))[0]?.body).to.equal(`证件 ${ID}`);
    expect((await getApplicationDraft(knex, { userId: 'wang', platformId: 'sc-my', itemId: 'i1' }))?.data).to.deep.equal({ agentIdNumber: '1101051949' });
  });

  it('given sealed rows, when sealed again, then nothing is written and events stay append-only', async () => {
    const { knex } = store.db;
    expect(await sealExistingPersonalData(knex)).to.equal(0);
    const update = await knex('case_events').where({ id: 'e1' }).update({ type: 'case.forged' }).then(() => 'ok', (e: unknown) => String(e));
    expect(update).to.match(/append-only/);
  });
});

forEachDatabase('storage: migration 0017 run by the migrator over a database holding plain phones', (target) => {
  it('given 0017 rolled back and a plain phone stored, when the database is migrated again, then the phone is sealed, indexed and found', async () => {
    const store = await target.createStore();
    try {
      const { knex } = store.db;
      const { city } = await seedPlatforms(knex);
      await seedUser(knex, { id: 'zhao', platformId: city, roles: ['applicant'], phone: PHONE });
      await knex.migrate.down({ migrationSource, name: '0017-personal-data-sealed' });
      await knex('users').where({ id: 'zhao' }).update({ phone: PHONE });
      // The migrator works on a copy of the connection's settings: the keyring must travel with it.
      await store.db.migrate();
      const [row] = await knex('users').select('phone', 'phone_index').where({ id: 'zhao' });
      expect(row.phone).to.match(/^enc:v1:/);
      expect(row.phone_index).to.match(/^[0-9a-f]{64}$/);
      expect(await findOfflineApplicant(knex, { platformId: city, phone: PHONE, displayName: '用户 zhao' })).to.include({ id: 'zhao', phone: PHONE });
    } finally {
      await store.dispose();
    }
  });
});
