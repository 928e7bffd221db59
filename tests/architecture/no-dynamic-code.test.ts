/**
 * Goal D2: definitions are data, never code. No source under engine/, server/ or storage/
 * evaluates strings (`eval`, `new Function`, `Function(`, `vm`), loads modules by computed
 * names, or compiles anything but in the audited places named here: Handlebars compiling
 * notice templates (engine/templates/render.ts: prototype access off, known helpers only,
 * see tests/engine/templates/hostile-templates.test.ts) and Ajv compiling JSON Schemas (its
 * code generator quotes every schema value; see docs/security.md "Input and files").
 */
import { expect } from 'chai';
import { sourceFiles, withoutComments } from './source-files.js';

const forbidden: Array<{ name: string; pattern: RegExp }> = [
  { name: 'eval', pattern: /\beval\s*\(/ },
  { name: 'new Function', pattern: /\bnew\s+Function\b/ },
  { name: 'Function(', pattern: /(?<![.\w$])Function\s*\(/ },
  { name: 'vm', pattern: /\bvm\.|['"](node:)?vm['"]/ },
  { name: 'require of a computed name', pattern: /\brequire\s*\(\s*(?!['"])/ },
  { name: 'import() of a computed name', pattern: /\bimport\s*\(\s*(?!['"])/ },
  { name: 'compile', pattern: /\.compile\s*\(/ },
];

/** The audited places: file and what it may do there, with the reason. */
const audited: Array<{ path: string; name: string; why: string }> = [
  { path: 'engine/templates/render.ts', name: 'compile', why: 'Handlebars notice templates: own environment, knownHelpersOnly, prototype access off' },
  { path: 'server/operations/reports/report-html.ts', name: 'compile', why: 'Handlebars report templates: our own files (no definition text), own environment, knownHelpersOnly, prototype access off' },
  { path: 'engine/load/validate-shape.ts', name: 'compile', why: 'Ajv: the kinds’ own meta-schemas (our code)' },
  { path: 'engine/load/check-forms.ts', name: 'compile', why: 'Ajv: a form’s JSON Schema, checked to compile; values are quoted by Ajv’s code generator' },
  { path: 'engine/forms/validate.ts', name: 'compile', why: 'Ajv: a form’s JSON Schema validating submissions' },
  { path: 'engine/forms/form-findings.ts', name: 'compile', why: 'Ajv: a form’s JSON Schema, per field' },
  { path: 'server/http/validate-body.ts', name: 'compile', why: 'Ajv: route body schemas (our code)' },
  { path: 'server/operations/package-verify.ts', name: 'compile', why: 'Ajv: the package document schema (our code)' },
  { path: 'server/operations/import-lanes.ts', name: 'import() of a computed name', why: 'an import worker run from source (tsx): a fixed bootstrap importing tsx’s hooks and our worker module by their resolved URLs, never definition text' },
];

describe('No dynamic code (goal D2)', () => {
  it('given engine/, server/ and storage/, when scanned, then eval, Function, vm, computed require/import and compile appear only in the audited places', async () => {
    const findings: string[] = [];
    for (const folder of ['engine', 'server', 'storage']) {
      for (const file of await sourceFiles(folder)) {
        const code = withoutComments(file.text);
        for (const { name, pattern } of forbidden) {
          if (!pattern.test(code)) continue;
          if (audited.some((a) => a.path === file.path && a.name === name)) continue;
          findings.push(`${file.path}: ${name}`);
        }
      }
    }
    expect(findings).to.deep.equal([]);
  });

  it('given the audited places, then each still exists and still does what it is audited for (a stale entry would hide a new one)', async () => {
    const files = new Map((await Promise.all(['engine', 'server', 'storage'].map(sourceFiles))).flat().map((f) => [f.path, withoutComments(f.text)]));
    for (const place of audited) {
      const pattern = forbidden.find((f) => f.name === place.name)!.pattern;
      expect(pattern.test(files.get(place.path) ?? ''), place.path).to.equal(true);
    }
  });

  it('given the scan itself, when shown code it must catch, then it catches it', () => {
    const samples = ['eval("1")', 'new Function("return 1")', 'const f = Function("x")', "import vm from 'node:vm'", 'require(name)', 'await import(specifier)', 'handlebars.compile(source)'];
    for (const sample of samples) expect(forbidden.some(({ pattern }) => pattern.test(sample)), sample).to.equal(true);
    for (const sample of ["require('knex')", "await import('./x.js')", 'item.evaluate(rule)', 'const fn = myFunction(x)']) {
      expect(forbidden.some(({ pattern }) => pattern.test(sample)), sample).to.equal(false);
    }
  });
});
