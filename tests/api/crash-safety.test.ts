/**
 * Crash safety (goal A4): the real server (`ipsp serve`, a child process) takes 1,000
 * submissions with uploads from 32 clients at a time and is killed with SIGKILL at random
 * moments, at least 20 times, and started again each time. Clients resend every request that
 * got no answer with the same Idempotency-Key until it does. Afterwards: no acknowledged
 * submission lost, no case twice, the database intact, every file row's bytes there with their
 * digest, and the orphans a kill leaves (bytes never named by a row) gone after one
 * housekeeping pass. Figures are printed for docs/security.md.
 */
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knexFactory from 'knex';
import { openServices } from '../../server/bootstrap.js';
import { loadConfig } from '../../server/config.js';
import { runHousekeeping } from '../../server/worker/housekeeping.js';
import { getCase } from '../../storage/cases.js';
import { findIdempotencyRecord } from '../../storage/idempotency-keys.js';
import { ApiClient, type UploadFile } from '../support/api-client.js';
import { ipsp } from '../support/cli.js';
import { postgresUrl } from '../support/databases.js';
import { postgresUnreachable } from '../../storage/postgres-probe.js';
import { DEMO_PASSWORD } from '../support/test-server.js';
import { bundleServer, serveBundle } from '../support/server-bundle.js';
import { envFor, freePort, type Deployment } from './support/deployment-process.js';
import { PLEDGE_ITEM, pledgeData } from './support/pledge.js';

const SUBMISSIONS = Number(process.env.IPSP_CRASH_SUBMISSIONS ?? 1000);
const CLIENTS = 32;
const MIN_KILLS = 20;
const APPLICANTS = ['zhangsan', 'lisi'];

interface Submission {
  index: number;
  key: string;
  username: string;
  files: Record<string, UploadFile[]>;
}

interface Acknowledged {
  submission: Submission;
  caseId: string;
  text: string;
}

interface Run {
  acknowledged: Acknowledged[];
  kills: number;
  retries: number;
  replays: number;
  noiseStored: number;
  unexpected: string[];
  ms: number;
}

/** A small PDF whose bytes are this submission's own, so every file row names distinct content. */
function pdfOf(label: string): UploadFile {
  const text = `%PDF-1.4\n% ${label}\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`;
  return { name: `${label}.pdf`, content: new TextEncoder().encode(text), type: 'application/pdf' };
}

function submissionsFor(count: number): Submission[] {
  return Array.from({ length: count }, (_, index) => ({
    index,
    key: randomUUID(),
    username: APPLICANTS[index % APPLICANTS.length] as string,
    files: { applicationForm: [pdfOf(`application-${index}-${randomUUID()}`)], pledgeContract: [pdfOf(`contract-${index}-${randomUUID()}`)] },
  }));
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The server process alive now, and whether the test gave up (timeout): then nothing restarts it. */
const harness: { server?: Deployment; isAborted: boolean } = { isAborted: false };

async function kill(deployment: Deployment): Promise<void> {
  if (deployment.process.exitCode !== null || deployment.process.signalCode !== null) return;
  const exited = new Promise((resolve) => deployment.process.once('exit', resolve));
  deployment.process.kill('SIGKILL');
  await exited;
}

/**
 * The load and the killer. `server.url` stays the same across restarts (same port), so clients
 * simply retry; sessions live in the database and survive the kills.
 */
async function runUnderKills(env: Record<string, string>): Promise<Run> {
  const bundle = await bundleServer();
  const serve = (e: Record<string, string>) => serveBundle(bundle, e);
  const started = Date.now();
  let server = await serve(env);
  harness.server = server;
  const url = server.url;
  const clients = await Promise.all(
    Array.from({ length: CLIENTS }, async (_, i) => {
      const client = new ApiClient(url);
      await client.signIn(APPLICANTS[i % APPLICANTS.length] as string, DEMO_PASSWORD);
      return client;
    }),
  );
  const queue = submissionsFor(SUBMISSIONS);
  const run: Run = { acknowledged: [], kills: 0, retries: 0, replays: 0, noiseStored: 0, unexpected: [], ms: 0 };
  let isDone = false;

  const killer = (async () => {
    // Kill at a random moment while the load runs: after a random number of answers since the
    // last start, so every life of the server does some work and the kills spread over the run.
    while (!harness.isAborted && (run.kills < MIN_KILLS || !isDone)) {
      const remaining = SUBMISSIONS - run.acknowledged.length;
      const gap = Math.ceil((remaining / Math.max(1, MIN_KILLS + 2 - run.kills)) * (0.5 + Math.random()));
      const target = Math.min(SUBMISSIONS, run.acknowledged.length + gap);
      while (!isDone && !harness.isAborted && run.acknowledged.length < target) await pause(5);
      if (isDone && run.kills >= MIN_KILLS) break;
      await pause(Math.random() * 50);
      await kill(server);
      run.kills++;
      if (harness.isAborted) return;
      server = harness.server = await serve(env);
    }
  })();

  const submitOne = async (client: ApiClient, submission: Submission) => {
    for (let attempt = 0; !harness.isAborted; ) {
      try {
        const answer = await client.postMultipart('/api/cases', { item: PLEDGE_ITEM, data: pledgeData({ contactName: `客户${submission.index}` }) }, submission.files, { idempotencyKey: submission.key });
        if (answer.status === 201) {
          if (answer.headers.get('idempotent-replayed') === 'true') run.replays++;
          run.acknowledged.push({ submission, caseId: answer.body.id as string, text: answer.text ?? '' });
          return;
        }
        if (answer.status < 500 && answer.status !== 409) {
          run.unexpected.push(`${submission.index}: ${answer.status} ${(answer.text ?? '').slice(0, 300)}`);
          return;
        }
      } catch {
        // No answer (connection refused or reset by the kill): resend the same request.
      }
      run.retries++;
      // Back off while the server is down, so the clients do not slow its start.
      await pause(Math.min(1000, 25 * 2 ** Math.min(6, attempt++)) * (0.5 + Math.random()));
    }
  };

  /** Bytes a request stores and no row will ever name: the files of a submission refused for its form data. */
  const noise = async (client: ApiClient, index: number) => {
    const files = { applicationForm: [pdfOf(`orphan-${index}-${randomUUID()}`)] };
    const data = pledgeData({ debtAmount: 'not a number' });
    const answer = await client.postMultipart('/api/cases', { item: PLEDGE_ITEM, data }, files).catch(() => undefined);
    if (answer?.status === 422) run.noiseStored++;
  };

  let next = 0;
  await Promise.all(
    clients.map(async (client, i) => {
      for (let taken = next++; taken < queue.length; taken = next++) {
        const submission = queue[taken] as Submission;
        // Each client submits as the applicant it signed in as.
        await submitOne(client, { ...submission, username: APPLICANTS[i % APPLICANTS.length] as string });
        if (taken % 10 === 0) await noise(client, taken);
      }
    }),
  );
  isDone = true;
  await killer;
  await kill(server); // the last one too: what follows reads what a crash left
  run.ms = Date.now() - started;
  return run;
}

async function checkAfterCrashes(input: { env: Record<string, string>; run: Run; dialect: 'sqlite' | 'postgres' }) {
  const { env, run } = input;
  const services = await openServices({ ...loadConfig(env), fileGcHours: 0 });
  try {
    const knex = services.db.knex;
    if (input.dialect === 'sqlite') {
      const [check] = await knex.raw('PRAGMA integrity_check');
      expect(check.integrity_check).to.equal('ok');
    }
    // 0 lost: every acknowledged case is there, under its key, with the answer the client got.
    let lost = 0;
    for (const ack of run.acknowledged) {
      const kase = await getCase(knex, ack.caseId);
      const userId = `demo-${ack.submission.username}`;
      const record = await findIdempotencyRecord(knex, { platformId: 'mianyang', userId, key: ack.submission.key });
      if (!kase || record?.resourceId !== ack.caseId || record.response !== ack.text) lost++;
    }
    // 0 duplicates: one case per submission (its contact name carries the submission's index).
    const cases = await knex('cases').select('id');
    const indexes = new Map<string, number>();
    for (const { id } of cases) {
      const kase = await getCase(knex, id as string);
      const name = String(kase?.data.contactName ?? '');
      if (name.startsWith('客户')) indexes.set(name, (indexes.get(name) ?? 0) + 1);
    }
    const duplicates = [...indexes.values()].filter((n) => n > 1).length;
    // Every file row's bytes are stored and hash to its digest.
    const rows = await knex('files').select('sha256', 'case_id');
    let badFiles = 0;
    for (const row of rows) if (!(await services.files.verify(row.sha256 as string))) badFiles++;
    const named = new Set(rows.map((r) => r.sha256 as string));
    let orphansBefore = 0;
    for await (const sha256 of services.files.digests()) if (!named.has(sha256)) orphansBefore++;
    const tempBefore = (await readdir(join(services.files.dir, 'tmp')).catch(() => [])).length;
    const housekeeping = await runHousekeeping(services, { fileMs: 0, tempMs: 0 });
    let orphansAfter = 0;
    for await (const sha256 of services.files.digests()) if (!named.has(sha256)) orphansAfter++;
    const tempAfter = (await readdir(join(services.files.dir, 'tmp')).catch(() => [])).length;
    const figures = {
      dialect: input.dialect,
      submissions: SUBMISSIONS,
      clients: CLIENTS,
      acknowledged: run.acknowledged.length,
      kills: run.kills,
      retries: run.retries,
      replays: run.replays,
      refusedUploads: run.noiseStored,
      lost,
      duplicates,
      cases: indexes.size,
      fileRows: rows.length,
      badFiles,
      orphansBefore,
      tempBefore,
      collected: housekeeping.filesCollected + housekeeping.tempFilesRemoved,
      orphansAfter,
      tempAfter,
      seconds: Math.round(run.ms / 100) / 10,
    };
    console.log(`      crash figures: ${JSON.stringify(figures)}`);
    expect(run.unexpected, run.unexpected.slice(0, 3).join('\n')).to.deep.equal([]);
    expect(run.acknowledged).to.have.length(SUBMISSIONS);
    expect(run.kills).to.be.at.least(MIN_KILLS);
    expect(orphansBefore, 'refused submissions left bytes no row names').to.be.at.least(run.noiseStored > 0 ? 1 : 0);
    expect({ lost, duplicates, badFiles, orphansAfter, tempAfter }).to.deep.equal({ lost: 0, duplicates: 0, badFiles: 0, orphansAfter: 0, tempAfter: 0 });
    expect(indexes.size).to.equal(SUBMISSIONS);
    expect(rows.filter((r) => r.case_id !== null)).to.have.length(SUBMISSIONS * 2);
  } finally {
    await services.db.close();
  }
}

describe('crash safety: kill -9 during 1,000 submissions with uploads (A4)', function () {
  this.timeout(1_800_000);
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ipsp-crash-'));
  });
  beforeEach(() => {
    harness.isAborted = false;
  });
  afterEach(async () => {
    harness.isAborted = true;
    if (harness.server) await kill(harness.server);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const baseEnv = (port: number) => ({ ...envFor(dir, port), IPSP_SECRET_FILE: join(dir, 'ipsp.secret'), SESSION_SECRET: 'crash-test-session-secret-0123456789abcdef', WORKER_INTERVAL_MS: '2000' });

  it('given the server on a SQLite file, when it is killed at random at least 20 times under load, then 0 acknowledged submissions are lost, 0 duplicated, integrity ok, every digest matches and the orphans are collected', async () => {
    const env = baseEnv(await freePort());
    expect((await ipsp(['seed-demo'], env)).code).to.equal(0);
    const run = await runUnderKills(env);
    await checkAfterCrashes({ env, run, dialect: 'sqlite' });
  });

  it('given the server on a fresh PostgreSQL schema, when it is killed at random at least 20 times under load, then the same holds', async function () {
    const unreachable = await postgresUnreachable(postgresUrl);
    if (unreachable !== undefined) {
      if (process.env.IPSP_REQUIRE_PG === '1') throw new Error(`PostgreSQL is required but unreachable: ${unreachable}`);
      console.error(`SKIPPED: PostgreSQL crash suite (${unreachable}).`);
      this.skip();
    }
    const schema = `ipsp_crash_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const admin = knexFactory({ client: 'pg', connection: postgresUrl, pool: { min: 0, max: 1 } });
    await admin.raw('create schema ??', [schema]);
    try {
      const url = new URL(postgresUrl);
      url.searchParams.set('options', `-c search_path=${schema}`);
      const env = { ...baseEnv(await freePort()), DATABASE_URL: url.toString() };
      expect((await ipsp(['seed-demo'], env)).code).to.equal(0);
      const run = await runUnderKills(env);
      await checkAfterCrashes({ env, run, dialect: 'postgres' });
    } finally {
      await admin.raw('drop schema ?? cascade', [schema]);
      await admin.destroy();
    }
  });
});
