/**
 * Definition management over HTTP as the province admin: a shape-invalid draft is refused and
 * not stored; a semantically broken draft is stored with its problems but cannot be published,
 * alone or with a valid draft (all or nothing); fixed, it publishes with a version and a hash.
 * The CLI's validate command reports the same kind of problem and exits 1.
 */
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../../server/paths.js';
import type { ApiClient } from '../support/api-client.js';
import { forEachDatabase } from '../support/databases.js';
import { useApiSuite } from './support/api-suite.js';

const WORKFLOW = '/api/definitions/Workflow/standard-service';
const TEMPLATE = '/api/definitions/Template/acceptance-receipt';

type Version = { version: number; status: string; hash: string; body: any };

/** The standard flow with "complete" sent to a misspelt step. */
function withTypo(workflow: any, target = 'feedbak'): any {
  const copy = structuredClone(workflow);
  copy.steps.implement.actions.complete.to = target;
  return copy;
}

forEachDatabase('API: saving, validating and publishing definitions', (target) => {
  const suite = useApiSuite(target);
  let province: ApiClient;
  let publishedV1: { workflow: Version; template: Version };

  const versionsOf = async (path: string): Promise<Version[]> => {
    const response = await province.get(path);
    expect(response.status).to.equal(200);
    return (response.body.versions as Version[]).sort((a, b) => a.version - b.version);
  };
  const statusesOf = async (path: string) => (await versionsOf(path)).map((v) => [v.version, v.status, v.hash]);

  before(async () => {
    province = await suite.server.client('province');
    const [workflow] = await versionsOf(WORKFLOW);
    const [template] = await versionsOf(TEMPLATE);
    publishedV1 = { workflow: workflow!, template: template! };
    expect(publishedV1.workflow).to.include({ version: 1, status: 'published' });
  });

  it('given a draft that breaks its schema, when saved, then 422 lists each problem with path and code and nothing is stored', async () => {
    const { title: _title, ...untitled } = publishedV1.workflow.body;
    const saved = await province.put(WORKFLOW, { ...untitled, start: 5 });
    expect(saved.status).to.equal(422);
    const problems = saved.body.problems as Array<{ path: string; code: string }>;
    expect(problems.map((p) => [p.path, p.code])).to.have.deep.members([
      ['/title', 'shape.required'],
      ['/start', 'shape.type'],
    ]);
    expect(await statusesOf(WORKFLOW)).to.deep.equal([[1, 'published', publishedV1.workflow.hash]]);
  });

  it('given a draft whose action targets an unknown step, when saved, then it is stored as a draft with the problem and its suggestion', async () => {
    const saved = await province.put(WORKFLOW, withTypo(publishedV1.workflow.body));
    expect(saved.status).to.equal(200);
    expect(saved.body.draft).to.include({ kind: 'Workflow', id: 'standard-service', version: 2, status: 'draft' });
    const typo = saved.body.problems.find((p: any) => p.code === 'workflow.action.target-unknown');
    expect(typo).to.include({ path: '/steps/implement/actions/complete/to', suggestion: 'feedback' });
    expect(typo.message).to.contain('feedbak').and.to.contain('Did you mean "feedback"?');
    expect(typo.file).to.contain('Workflow/standard-service');
  });

  it('given the broken draft, when published, then 422 and nothing is published: v1 is unchanged and v2 is still a draft', async () => {
    const published = await province.post('/api/definitions/publish', { definitions: [{ kind: 'Workflow', id: 'standard-service' }] });
    expect(published.status).to.equal(422);
    expect(published.body.problems.map((p: any) => p.code)).to.include('workflow.action.target-unknown');
    const versions = await versionsOf(WORKFLOW);
    expect(versions.map((v) => [v.version, v.status])).to.deep.equal([
      [1, 'published'],
      [2, 'draft'],
    ]);
    expect(versions[0]!.hash).to.equal(publishedV1.workflow.hash);
    expect(versions[0]!.body.steps.implement.actions.complete.to).to.equal('feedback');
  });

  it('given a valid template draft beside the broken workflow draft, when both are published together, then neither is published', async () => {
    const saved = await province.put(TEMPLATE, { ...publishedV1.template.body, title: '受理回执（2026版）' });
    expect(saved.status).to.equal(200);
    expect(saved.body.draft).to.include({ version: 2, status: 'draft' });

    const published = await province.post('/api/definitions/publish', {});
    expect(published.status).to.equal(422);
    expect((await versionsOf(TEMPLATE)).map((v) => [v.version, v.status])).to.deep.equal([
      [1, 'published'],
      [2, 'draft'],
    ]);
    expect((await versionsOf(WORKFLOW)).map((v) => v.status)).to.deep.equal(['published', 'draft']);
  });

  it('given the workflow draft fixed, when both are published, then 200 gives each its version 2 and content hash, and v1 stays as it was', async () => {
    const fixed = await province.put(WORKFLOW, withTypo(publishedV1.workflow.body, 'feedback'));
    expect(fixed.status).to.equal(200);
    expect(fixed.body.problems).to.deep.equal([]);

    const published = await province.post('/api/definitions/publish', {});
    expect(published.status, JSON.stringify(published.body)).to.equal(200);
    const byKind = new Map(published.body.published.map((p: any) => [p.kind, p]));
    expect(byKind.get('Workflow')).to.include({ id: 'standard-service', version: 2 });
    expect(byKind.get('Template')).to.include({ id: 'acceptance-receipt', version: 2 });

    const workflows = await versionsOf(WORKFLOW);
    expect(workflows.map((v) => [v.version, v.status, v.hash])).to.deep.equal([
      [1, 'published', publishedV1.workflow.hash],
      [2, 'published', (byKind.get('Workflow') as any).hash],
    ]);
    expect((await versionsOf(TEMPLATE))[1]!.body.title).to.equal('受理回执（2026版）');
    const again = await province.post('/api/definitions/publish', {});
    expect(again.status).to.equal(409);
    expect(again.body.code).to.equal('definition.no-drafts');
  });

  it('given documents to check, when validated, then problems carry file, path and code and nothing is saved', async () => {
    const broken = { ...withTypo(publishedV1.workflow.body), id: 'trial-flow' };
    const answer = await province.post('/api/definitions/validate', { definitions: [broken] });
    expect(answer.status).to.equal(200);
    expect(answer.body.isValid).to.equal(false);
    const typo = answer.body.problems.find((p: any) => p.code === 'workflow.action.target-unknown');
    expect(typo).to.include({ file: 'request#/definitions/0', path: '/steps/implement/actions/complete/to', suggestion: 'feedback' });
    const shape = await province.post('/api/definitions/validate', { definitions: [{ ...broken, schemaVersion: 99 }] });
    expect(shape.body.isValid).to.equal(false);
    expect(shape.body.problems.every((p: any) => p.file === 'request#/definitions/0' && typeof p.path === 'string')).to.equal(true);
    const good = await province.post('/api/definitions/validate', { definitions: [{ ...publishedV1.workflow.body, id: 'trial-flow' }] });
    expect(good.body).to.deep.equal({ isValid: true, problems: [] });
    expect((await province.get('/api/definitions/Workflow/trial-flow')).status).to.equal(404);
  });
});

describe('CLI: ipsp validate', () => {
  it('given an invalid fixture folder, when validated from the command line, then it exits 1 and prints the problem with file, path and code', async function () {
    this.timeout(60_000);
    const dir = await mkdtemp(join(tmpdir(), 'ipsp-cli-'));
    try {
      const run = promisify(execFile)('npx', ['tsx', 'server/cli/main.ts', 'validate', 'tests/fixtures/definitions/invalid/action-target-typo'], {
        cwd: projectRoot,
        env: { ...process.env, SQLITE_FILE: join(dir, 'cli.sqlite') },
      });
      const failure = await run.then(
        () => undefined,
        (error: { code?: number; stdout?: string }) => error,
      );
      expect(failure?.code).to.equal(1);
      expect(failure?.stdout).to.match(
        /action-target-typo\/workflow\.json\s+\/steps\/review\/actions\/accept\/to\s+\[workflow\.action\.target-unknown\].*Did you mean "implement"\?/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
