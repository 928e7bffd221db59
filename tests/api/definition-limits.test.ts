/**
 * Goal D3: definitions past a limit — larger than 1 MB, nested deeper than 32, more than 500
 * fields, steps or materials, more than 10,000 values — or workflows with unreachable steps or
 * no final step are refused with a path and a Chinese and English message, by the loader and
 * over HTTP (validate, save, publish). SQLite: the checks are the loader's.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDefinitions } from '../../engine/load/index.js';
import { definitionsDir } from '../../server/paths.js';
import { sqlite } from '../support/databases.js';
import { resolvePointer } from '../support/fuzz.js';
import { useApiSuite } from './support/api-suite.js';

type Doc = Record<string, any>;
const read = (folder: string, id: string): Doc => JSON.parse(readFileSync(join(definitionsDir, 'province', folder, `${id}.json`), 'utf8')) as Doc;
const CHINESE = /[\u4e00-\u9fff]/;

function nested(depth: number): unknown {
  let node: unknown = 'bottom';
  for (let i = 0; i < depth; i++) node = { deeper: node };
  return node;
}

/** Each case: a document past one limit, the code and the path it must be refused with. */
function overLimits(): Array<{ label: string; doc: Doc; code: string; path: string }> {
  const form = read('forms', 'patent-pledge-registration');
  const checklist = read('checklists', 'patent-pledge-registration');
  const workflow = read('workflows', 'standard-service');
  const big = { ...form, id: 'limit-big', sampleData: { text: '字'.repeat(400_000) } };
  const deep = { ...form, id: 'limit-deep', sampleData: nested(40) };
  const manyFields = { ...form, id: 'limit-fields', schema: { type: 'object', properties: Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`f${i}`, { type: 'string' }])) } };
  const manyMaterials = { ...checklist, id: 'limit-materials', materials: Array.from({ length: 501 }, (_, i) => ({ ...checklist.materials[0], key: `m${i}` })) };
  const manyValues = { ...form, id: 'limit-values', sampleData: Array.from({ length: 10_001 }, (_, i) => i) };
  const steps = Object.keys(workflow.steps);
  const unreachable = { ...workflow, id: 'limit-unreachable', steps: { ...workflow.steps, orphan: { ...workflow.steps[steps[steps.length - 1]!] } } };
  const noFinal = structuredClone(workflow);
  noFinal.id = 'limit-no-final';
  for (const step of Object.values(noFinal.steps) as Doc[]) if (step.isFinal) { delete step.isFinal; step.actions = { again: { title: '重新开始', roles: ['staff'], to: noFinal.start } }; }
  return [
    { label: 'over 1 MB', doc: big, code: 'definition.too-large', path: '' },
    { label: 'deeper than 32', doc: deep, code: 'definition.too-deep', path: `/sampleData${'/deeper'.repeat(31)}` },
    { label: '501 form fields', doc: manyFields, code: 'definition.too-many-parts', path: '/schema' },
    { label: '501 materials', doc: manyMaterials, code: 'definition.too-many-parts', path: '/materials' },
    { label: 'over 10,000 values', doc: manyValues, code: 'definition.too-many-values', path: '' },
    { label: 'an unreachable step', doc: unreachable, code: 'workflow.step.unreachable', path: '/steps/orphan' },
    { label: 'no final step', doc: noFinal, code: 'workflow.no-final-step', path: '/steps' },
  ];
}

describe('Definition limits (goal D3)', function () {
  this.timeout(120_000);

  it('given each document past a limit, when loaded, then it is refused with its code, a path inside it and a Chinese and English message', () => {
    for (const { label, doc, code, path } of overLimits()) {
      const result = loadDefinitions([{ file: 'doc.json', doc }]);
      expect(result.ok, label).to.equal(false);
      const problem = !result.ok && result.problems.find((p) => p.code === code);
      expect(problem, `${label}: ${JSON.stringify(!result.ok && result.problems.slice(0, 2))}`).to.be.an('object');
      if (!problem) continue;
      expect(problem.path, label).to.equal(path);
      expect(resolvePointer(doc, problem.path), label).to.equal('value');
      expect(problem.message, label).to.match(CHINESE).and.to.match(/[A-Za-z]{4,}/);
    }
  });

  it('given a document nested 100,000 deep, when loaded, then it is refused at depth 33 without overflowing the stack', () => {
    const result = loadDefinitions([{ file: 'deep.json', doc: { kind: 'Form', sampleData: nested(100_000) } }]);
    expect(!result.ok && result.problems.map((p) => p.code)).to.deep.equal(['definition.too-deep']);
  });

  describe('over HTTP', () => {
    const suite = useApiSuite(sqlite);

    it('given each document past a limit, when the province validates it, then the answer names the code at its path; when saved, the size, depth and count limits refuse the save', async () => {
      const province = await suite.server.client('province');
      for (const { label, doc: body, code, path } of overLimits()) {
        const validated = await province.post('/api/definitions/validate', { definitions: [body] });
        expect(validated.status, label).to.equal(200);
        expect(validated.body.isValid, label).to.equal(false);
        expect(validated.body.problems.map((p: { code: string; path: string }) => [p.code, p.path]), label).to.deep.include([code, path]);
        const saved = await province.put(`/api/definitions/${body.kind}/${body.id}`, body);
        if (code.startsWith('definition.')) {
          expect(saved.status, label).to.equal(422);
          expect(saved.body.problems.map((p: { code: string; path: string }) => [p.code, p.path]), label).to.deep.include([code, path]);
        } else {
          // A graph problem is saved as a draft with its problems, and blocks publishing.
          expect(saved.status, label).to.equal(200);
          expect(saved.body.problems.map((p: { code: string }) => p.code), label).to.include(code);
          const published = await province.post('/api/definitions/publish', { definitions: [{ kind: body.kind, id: body.id }] });
          expect(published.status, label).to.equal(422);
          expect(published.body.problems.map((p: { code: string; path: string }) => [p.code, p.path]), label).to.deep.include([code, path]);
        }
      }
    });
  });
});
