/**
 * Forms hold any rjsf sample unchanged: every playground sample in ../shared/peer/rjsf-samples/
 * is saved as a Form draft through the API and read back equal (schema, uiSchema and its
 * formData as sampleData), on SQLite and PostgreSQL. The server's form validation agrees with
 * the samples' README on which formData are valid.
 */
import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { validateFormData } from '../../engine/forms/validate.js';
import type { Form } from '../../engine/kinds/form.js';
import { projectRoot } from '../../server/paths.js';
import type { ApiClient } from '../support/api-client.js';
import { forEachDatabase } from '../support/databases.js';
import { useApiSuite } from './support/api-suite.js';

const samplesDir = resolve(projectRoot, '..', 'shared', 'peer', 'rjsf-samples');

interface Sample {
  name: string;
  schema: Record<string, unknown>;
  uiSchema: Record<string, unknown>;
  formData: unknown;
}

function readSamples(): Sample[] {
  if (!existsSync(join(samplesDir, 'README.md'))) {
    throw new Error(`The rjsf samples are missing: expected them in ${samplesDir} (../shared/peer/rjsf-samples/ beside the repository).`);
  }
  return readdirSync(samplesDir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ name: file.slice(0, -'.json'.length), ...(JSON.parse(readFileSync(join(samplesDir, file), 'utf8')) as Omit<Sample, 'name'>) }));
}

/** "valid (raw)" of each sample as the README's table states it: `| \`name.json\` | source | yes/no | …`. */
function readmeValidity(): Map<string, boolean> {
  const rows = readFileSync(join(samplesDir, 'README.md'), 'utf8').matchAll(/^\| `([^`]+)\.json` \| [^|]+ \| (yes|no) \|/gm);
  return new Map([...rows].map((row) => [row[1] as string, row[2] === 'yes']));
}

const kebab = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

function formOf(sample: Sample): Form {
  const title = typeof sample.schema.title === 'string' && sample.schema.title !== '' ? sample.schema.title : sample.name;
  return {
    kind: 'Form',
    schemaVersion: 1,
    id: `rjsf-${kebab(sample.name)}`,
    version: 1,
    title,
    schema: sample.schema,
    uiSchema: sample.uiSchema,
    sampleData: sample.formData,
  };
}

const samples = readSamples();

/**
 * uiSchema entries in the samples that name no field of their schema: rjsf ignores them, the
 * loader reports them as it would a typo (form.ui-field-unknown). Nothing else in any sample is a problem.
 */
const uiEntriesNamingNoField: Record<string, string[]> = {
  errorSchema: ['/uiSchema/date'],
  group: ['/uiSchema/TeamDetails/group'],
  nullable: ['/uiSchema/date'],
  options: ['/uiSchema/age', '/uiSchema/bio', '/uiSchema/password', '/uiSchema/date'],
};

describe('rjsf samples: the corpus', () => {
  it('given ../shared/peer/rjsf-samples, when read, then it holds the 43 samples its README lists, each with schema, uiSchema and formData', () => {
    expect(samples).to.have.length(43);
    expect([...readmeValidity().keys()].sort()).to.deep.equal(samples.map((s) => s.name).sort());
    for (const sample of samples) expect(sample, sample.name).to.include.keys('schema', 'uiSchema', 'formData');
  });
});

describe('rjsf samples: server-side validation of their formData', () => {
  const validity = readmeValidity();

  for (const sample of samples) {
    it(`given sample "${sample.name}", when its formData is validated, then it is ${validity.get(sample.name) ? 'valid' : 'invalid'} as the README says`, () => {
      const problems = validateFormData(formOf(sample), sample.formData);
      expect(problems.length === 0, JSON.stringify(problems)).to.equal(validity.get(sample.name));
    });
  }

  it('given the named samples, when validated, then errors is invalid, simple-2, single, fallback and the 2020-12 bundledSchema are valid', () => {
    const named = (name: string) => samples.find((s) => s.name === name) as Sample;
    expect(validateFormData(formOf(named('errors')), named('errors').formData)).not.to.deep.equal([]);
    for (const name of ['simple-2', 'single', 'fallback', 'bundledSchema']) {
      expect(validateFormData(formOf(named(name)), named(name).formData), name).to.deep.equal([]);
    }
  });

  it('given the 2020-12 bundledSchema, when a negative or fractional number is validated, then its $ref through an embedded $id rejects it', () => {
    const form = formOf(samples.find((s) => s.name === 'bundledSchema') as Sample);
    expect(validateFormData(form, { num: 3 })).to.deep.equal([]);
    expect(validateFormData(form, { num: -1 }).map((p) => [p.code, p.path])).to.deep.equal([['form.minimum', '/num']]);
    expect(validateFormData(form, { num: 1.5 }).map((p) => [p.code, p.path])).to.deep.equal([['form.type', '/num']]);
  });
});

forEachDatabase('API: every rjsf sample round-trips as a Form draft', (target) => {
  const suite = useApiSuite(target);
  let admin: ApiClient;

  before(async () => {
    admin = await suite.server.client('admin');
  });

  for (const sample of samples) {
    const stale = uiEntriesNamingNoField[sample.name] ?? [];
    const expected = stale.length === 0 ? 'no problems' : `only its ${stale.length} uiSchema entries naming no field as problems`;
    it(`given sample "${sample.name}", when saved by the 绵阳 admin and read back, then schema, uiSchema and sampleData are unchanged, with ${expected}`, async () => {
      const form = formOf(sample);
      const saved = await admin.put(`/api/definitions/Form/${form.id}`, form);
      expect(saved.status, JSON.stringify(saved.body)).to.equal(200);
      const own = (saved.body.problems as Array<{ code: string; path: string; file?: string }>).filter((p) => p.file?.startsWith(`mianyang/Form/${form.id}@`));
      expect(own.map((p) => [p.code, p.path]), JSON.stringify(own)).to.have.deep.members(stale.map((path) => ['form.ui-field-unknown', path]));

      const read = await admin.get(`/api/definitions/Form/${form.id}`);
      expect(read.status).to.equal(200);
      const draft = (read.body.versions as Array<{ status: string; body: Form }>).find((v) => v.status === 'draft');
      expect(draft?.body.schema).to.deep.equal(sample.schema);
      expect(draft?.body.uiSchema).to.deep.equal(sample.uiSchema);
      expect(draft?.body.sampleData).to.deep.equal(sample.formData);
      // Key order is meaning (rjsf draws fields in properties order): the text must match too.
      expect(JSON.stringify(draft?.body.schema)).to.equal(JSON.stringify(sample.schema));
      expect(JSON.stringify(draft?.body.uiSchema)).to.equal(JSON.stringify(sample.uiSchema));
    });
  }
});
