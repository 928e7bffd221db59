/**
 * The worker delivers the outbox over real channels: e-mail to a real SMTP server (smtp-server)
 * and SMS through a real HTTP gateway, in-app into the user's messages; failures are retried
 * or recorded for good, as the channel says.
 */
import { expect } from 'chai';
import express from 'express';
import type { Server } from 'node:http';
import { SMTPServer } from 'smtp-server';
import { runWorkerOnce } from '../../server/worker/worker.js';
import { listNotices } from '../../storage/outbox.js';
import { consultationData } from '../fixtures/form-data.js';
import { forEachDatabase, type TestStore } from '../support/databases.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

interface ReceivedMail {
  to: string[];
  raw: string;
}

async function startSmtp(received: ReceivedMail[]): Promise<{ server: SMTPServer; port: number }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c)).on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.server.address() as { port: number }).port };
}

async function startGateway(received: unknown[], status: () => number): Promise<{ server: Server; url: string }> {
  const app = express();
  app.post('/sms', express.json(), (req, res) => {
    received.push(req.body);
    res.status(status()).json({ ok: status() < 300 });
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/sms` };
}

const consultation = consultationData();

forEachDatabase('worker delivers notices over real channels', (target) => {
  let store: TestStore;
  let server: TestServer;
  let smtp: { server: SMTPServer; port: number };
  let gateway: { server: Server; url: string };
  const mails: ReceivedMail[] = [];
  const sms: unknown[] = [];
  let gatewayStatus = 200;

  before(async () => {
    store = await target.createStore();
    smtp = await startSmtp(mails);
    gateway = await startGateway(sms, () => gatewayStatus);
    server = await startTestServer({
      db: store.db,
      config: { smtpUrl: `smtp://127.0.0.1:${smtp.port}`, mailFrom: 'service@example.com', smsWebhookUrl: gateway.url },
    });
  });

  after(async () => {
    await server.close();
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
    await new Promise<void>((resolve) => gateway.server.close(() => resolve()));
    await store.dispose();
  });

  it('given a submission missing materials, when the worker runs, then the one-time notice goes by e-mail, SMS and in-app', async () => {
    const applicant = await server.client('zhangsan');
    const created = await applicant.postMultipart('/api/cases', { item: 'ip-policy-consulting', data: consultation });
    expect(created.status).to.equal(201);
    expect(created.body.step).to.equal('supplement');

    const report = await runWorkerOnce(server.services, { workerId: 'w1' });

    expect(report.noticesFailed).to.equal(0);
    const toApplicant = mails.filter((m) => m.to.includes('zhangsan@example.com'));
    expect(toApplicant).to.have.length(1);
    expect(toApplicant[0]?.raw).to.include(created.body.number);
    const text = sms.map((s) => s as { to: string; text: string }).find((s) => s.to === '13800138000');
    expect(text?.text).to.match(/补正|补交|告知/);
    const messages = await applicant.get('/api/messages');
    expect(messages.body.messages.map((m: { caseId: string }) => m.caseId)).to.include(created.body.id);
  });

  it('given a notice already delivered, when the worker runs again, then nothing is sent twice', async () => {
    const before = { mails: mails.length, sms: sms.length };
    const report = await runWorkerOnce(server.services, { workerId: 'w2' });
    expect(report.noticesSent).to.equal(0);
    expect({ mails: mails.length, sms: sms.length }).to.deep.equal(before);
  });

  it('given a gateway answering 500, when delivering, then the SMS stays pending for a retry; a 400 fails it for good', async () => {
    const applicant = await server.client('zhangsan');
    gatewayStatus = 500;
    const first = await applicant.postMultipart('/api/cases', { item: 'ip-policy-consulting', data: consultation });
    await runWorkerOnce(server.services, { workerId: 'w3' });
    const retried = (await listNotices(store.db.knex, first.body.id)).filter((n) => n.channel === 'sms');
    expect(retried.map((n) => [n.status, n.attempts])).to.deep.equal([['pending', 1]]);

    gatewayStatus = 400;
    const second = await applicant.postMultipart('/api/cases', { item: 'ip-policy-consulting', data: consultation });
    await runWorkerOnce(server.services, { workerId: 'w4' });
    const refused = (await listNotices(store.db.knex, second.body.id)).filter((n) => n.channel === 'sms');
    expect(refused.map((n) => n.status)).to.deep.equal(['failed']);
    gatewayStatus = 200;
  });

  it('given an applicant without an e-mail address, when delivering, then the e-mail fails for good and in-app still arrives', async () => {
    const applicant = await server.client('lisi');
    const created = await applicant.postMultipart('/api/cases', { item: 'ip-policy-consulting', data: consultation });
    await runWorkerOnce(server.services, { workerId: 'w5' });
    const notices = await listNotices(store.db.knex, created.body.id);
    const email = notices.filter((n) => n.channel === 'email' && n.recipientUserId === 'demo-lisi');
    expect(email.map((n) => n.status)).to.deep.equal(['failed']);
    expect(email[0]?.lastError).to.match(/no e-mail address/);
    const inApp = notices.filter((n) => n.channel === 'inApp' && n.recipientUserId === 'demo-lisi');
    expect(inApp.every((n) => n.status === 'sent')).to.equal(true);
  });
});
