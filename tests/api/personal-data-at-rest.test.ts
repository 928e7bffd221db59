/**
 * Goal F2, personal data encrypted at rest: a real `ipsp serve` process (SQLite file, and
 * PostgreSQL in a database of its own) receives canary ID numbers and phones through the ways
 * they come in — a case whose form has ID and phone fields, a counter-mode applicant, a draft,
 * the notices and messages that follow — and then every byte the deployment keeps is searched
 * for each canary: the SQLite file with its -wal and -shm, an online backup of it, a pg_dump,
 * the file store, and everything the processes wrote to stdout and stderr. The lookups that
 * use the values still work: a search by ID number or phone finds the applicant.
 */
import { expect } from 'chai';
import { randomBytes, randomInt } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Sqlite from 'better-sqlite3';
import knexFactory from 'knex';
import { residentIdCheckChar } from '../../engine/forms/identity.js';
import { postgresUnreachable } from '../../storage/postgres-probe.js';
import { ApiClient } from '../support/api-client.js';
import { postgresUrl } from '../support/databases.js';
import { DEMO_PASSWORD } from '../support/test-server.js';
import { ipsp } from '../support/cli.js';
import { startDeployment, stopDeployment, type Deployment } from './support/deployment-process.js';
import { AGENT_PLEDGE_MATERIALS, uploadPledgeFiles } from './support/applying.js';
import { act, allOk, PLEDGE_ITEM, pledgeData, submitPledge } from './support/pledge.js';

const run = promisify(execFile);

/** A valid resident ID number of 绵阳 nobody else uses: random birth day and sequence. */
function canaryId(): string {
  const birth = `19${randomInt(50, 99)}0${randomInt(1, 9)}${randomInt(10, 28)}`;
  const body = `510703${birth}${String(randomInt(100, 999))}`;
  return body + residentIdCheckChar(body);
}

const canaryPhone = () => `135${String(randomInt(0, 1e8)).padStart(8, '0')}`;

const canaries = {
  caseIdNumber: canaryId(),
  caseAgentIdNumber: canaryId(),
  caseAgentPhone: canaryPhone(),
  caseContactPhone: canaryPhone(),
  counterIdNumber: canaryId(),
  counterPhone: canaryPhone(),
  draftIdNumber: canaryId(),
  draftPhone: canaryPhone(),
  // Seeded by `ipsp seed-demo`: the demo applicants' phones, notices go to them by SMS.
  zhangsanPhone: '13800138000',
  lisiPhone: '13900139000',
};

/** Every byte form a canary could take in a file: as is, JSON-escaped, lower-case x. */
function needles(value: string): Buffer[] {
  const forms = new Set([value, JSON.stringify(value).slice(1, -1), value.toLowerCase()]);
  return [...forms].map((form) => Buffer.from(form, 'utf8'));
}

interface Place {
  name: string;
  bytes: Buffer;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** The canaries (by name) found in a place. */
function hitsIn(place: Place): string[] {
  return Object.entries(canaries)
    .filter(([, value]) => needles(value).some((needle) => place.bytes.includes(needle)))
    .map(([name]) => `${name} in ${place.name}`);
}

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`personal data at rest: canaries in every byte the deployment keeps [${dialect}]`, function () {
    this.timeout(240_000);
    let dir: string;
    let deployment: Deployment | undefined;
    let database: string | undefined;
    const admin = knexFactory({ client: 'pg', connection: postgresUrl, pool: { min: 0, max: 1 } });
    const logs: string[] = [];
    let staff1: ApiClient;
    let counterCase: { id: string; number: string };

    before(async function () {
      if (dialect === 'postgres') {
        const unreachable = await postgresUnreachable(postgresUrl);
        if (unreachable !== undefined) {
          if (process.env.IPSP_REQUIRE_PG === '1') throw new Error(`PostgreSQL is required but unreachable: ${unreachable}`);
          console.error(`SKIPPED: PostgreSQL canary scan (${unreachable}).`);
          this.skip();
        }
        database = `ipsp_canary_${randomBytes(5).toString('hex')}`;
        await admin.raw('create database ??', [database]);
      }
      dir = await mkdtemp(join(tmpdir(), 'ipsp-canary-'));
      const databaseUrl = database ? postgresUrl.replace(/\/[^/]*$/, `/${database}`) : '';
      const env = { DATABASE_URL: databaseUrl, IPSP_SECRET: randomBytes(32).toString('hex'), WORKER_INTERVAL_MS: '200' };
      const seeded = await ipsp(['seed-demo'], { ...env, SQLITE_FILE: join(dir, 'ipsp.sqlite'), FILES_DIR: join(dir, 'files') });
      expect(seeded.code, seeded.stderr).to.equal(0);
      logs.push(seeded.stdout, seeded.stderr);
      deployment = await startDeployment(dir, env);
      staff1 = new ApiClient(deployment.url);
      await staff1.signIn('staff1', DEMO_PASSWORD);
    });

    after(async () => {
      await stopDeployment(deployment);
      if (database) await admin.raw('drop database if exists ?? with (force)', [database]);
      await admin.destroy();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('given canaries sent through a draft, a case form, a counter applicant and its notices, when each is stored, then the server answers as usual', async () => {
      const zhangsan = new ApiClient(deployment!.url);
      await zhangsan.signIn('zhangsan', DEMO_PASSWORD);
      const draft = await zhangsan.put(`/api/application-drafts/${PLEDGE_ITEM}`, { data: pledgeData({ agentIdNumber: canaries.draftIdNumber, agentPhone: canaries.draftPhone }), fileRefs: {} });
      expect(draft.status, JSON.stringify(draft.body)).to.equal(200);
      const data = pledgeData({
        pledgorType: 'individual',
        pledgorName: '钱七',
        pledgorCertificateNo: canaries.caseIdNumber,
        agentIdNumber: canaries.caseAgentIdNumber,
        agentPhone: canaries.caseAgentPhone,
        contactPhone: canaries.caseContactPhone,
      });
      const submitted = await submitPledge(zhangsan, { hasAgentIdentity: true, data });
      expect(submitted.status, JSON.stringify(submitted.body)).to.equal(201);
      const registered = await staff1.post('/api/cases', {
        item: PLEDGE_ITEM,
        data: pledgeData(),
        applicant: { name: '孙八', phone: canaries.counterPhone, idNumber: canaries.counterIdNumber },
        fileRefs: await uploadPledgeFiles(staff1, AGENT_PLEDGE_MATERIALS.slice(0, 2)),
      });
      expect(registered.status, JSON.stringify(registered.body)).to.equal(201);
      counterCase = registered.body;
      const accepted = await act(staff1, submitted.body, 'accept', { verdicts: allOk(submitted.body) });
      expect(accepted.status, JSON.stringify(accepted.body)).to.equal(200);
      // The worker delivers the receipt in-app: the messages table holds it too.
      const messages = async () => (await zhangsan.get('/api/messages')).body.messages as unknown[];
      for (let tries = 0; tries < 150 && (await messages()).length === 0; tries++) await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await messages()).not.to.be.empty;
    });

    it('given the counter applicant, when staff search the inbox by his ID number or phone, then his case is found (blind index)', async () => {
      for (const q of [canaries.counterIdNumber, canaries.counterPhone]) {
        const found = await staff1.get(`/api/cases?q=${encodeURIComponent(q)}`);
        expect(found.status).to.equal(200);
        expect(found.body.cases.map((c: { id: string }) => c.id)).to.deep.equal([counterCase.id]);
      }
    });

    it('given everything stored, when every byte kept is searched for each canary, then none is found in plain text', async () => {
      const places: Place[] = [];
      const sqliteFile = join(dir, 'ipsp.sqlite');
      if (dialect === 'sqlite') {
        const backupFile = join(dir, 'backup.sqlite');
        const source = new Sqlite(sqliteFile, { readonly: true });
        await source.backup(backupFile);
        source.close();
        for (const file of [sqliteFile, `${sqliteFile}-wal`, `${sqliteFile}-shm`, backupFile]) places.push({ name: file.slice(dir.length + 1), bytes: await readFile(file) });
      } else {
        const dumped = await run('pg_dump', ['--no-owner', postgresUrl.replace(/\/[^/]*$/, `/${database}`)], { maxBuffer: 256 * 1024 * 1024, encoding: 'buffer' });
        places.push({ name: 'pg_dump', bytes: dumped.stdout });
      }
      for (const file of await filesUnder(join(dir, 'files'))) places.push({ name: file.slice(dir.length + 1), bytes: await readFile(file) });
      places.push({ name: 'server stdout and stderr', bytes: Buffer.from([...logs, deployment!.output()].join('\n'), 'utf8') });
      const hits = places.flatMap(hitsIn);
      const bytes = places.reduce((sum, place) => sum + place.bytes.length, 0);
      console.log(`      [F2 ${dialect}] ${Object.keys(canaries).length} canaries × ${places.length} places (${(bytes / 1024).toFixed(0)} KiB): ${hits.length} plain-text hits`);
      expect(hits).to.deep.equal([]);
      expect(places.length).to.be.greaterThan(dialect === 'sqlite' ? 4 : 1);
    });

    it('given a place that holds a canary, when searched the same way, then it is found (the scan can fail)', () => {
      const place = { name: 'a row written plainly', bytes: Buffer.from(`{"agentPhone":"${canaries.caseAgentPhone}"}`) };
      expect(hitsIn(place)).to.deep.equal(['caseAgentPhone in a row written plainly']);
    });
  });
}
