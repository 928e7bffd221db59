/**
 * The architecture rules of DESIGN.md and STYLE.md, checked over the source: dependencies point
 * inward (engine imports no I/O, storage no server), the engine reads no clock and no random
 * source, the core is free of one domain's words, generated schemas are fresh, files stay small.
 */
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { dirname, join, posix } from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../../server/paths.js';
import { importsOf, lineCount, sourceFiles, withoutComments, type SourceFile } from './source-files.js';

const run = promisify(execFile);

/** Packages and Node modules the pure engine must not import (a subpath counts as the module). */
const engineForbiddenModules = [
  'node:fs',
  'node:net',
  'node:http',
  'node:https',
  'node:child_process',
  'express',
  'knex',
  'pg',
  'pg-copy-streams',
  'better-sqlite3',
  'multer',
  'nodemailer',
];

const engineForbiddenFolders = ['storage', 'server', 'designer'];
const storageForbiddenFolders = ['server', 'designer'];
/** The front end talks to the server only over HTTP; it may reuse the pure engine. */
const frontEndForbiddenFolders = ['storage', 'server'];

/** The top-level folder a relative import of `file` reaches, e.g. "storage"; undefined for packages. */
function folderReached(file: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  return posix.normalize(posix.join(dirname(file), specifier)).split('/')[0];
}

function isModule(specifier: string, name: string): boolean {
  const bare = name.replace(/^node:/, '');
  return [name, bare].some((n) => specifier === n || specifier.startsWith(`${n}/`));
}

/** "file: specifier" for every import of `files` that breaks the rule. */
function forbiddenImports(files: SourceFile[], rule: { folders: string[]; modules?: string[] }): string[] {
  return files.flatMap((file) =>
    importsOf(file.text)
      .filter((s) => rule.folders.includes(folderReached(file.path, s) ?? '') || (rule.modules ?? []).some((m) => isModule(s, m)))
      .map((s) => `${file.path}: ${s}`),
  );
}

const clockAndRandom = [/\bDate\s*\.\s*now\s*\(/, /\bnew\s+Date\s*\(\s*\)/, /\bnew\s+Date\b(?!\s*\()/, /\bMath\s*\.\s*random\s*\(/];

/** "file:line: code" for every use of the wall clock or Math.random outside comments. */
function clockUses(files: SourceFile[]): string[] {
  return files.flatMap((file) =>
    withoutComments(file.text)
      .split('\n')
      .flatMap((line, i) => (clockAndRandom.some((re) => re.test(line)) ? [`${file.path}:${i + 1}: ${line.trim()}`] : [])),
  );
}

const domainWords = /知识产权|专利|商标|patent|trademark|intellectual/i;

function domainWordUses(files: SourceFile[]): string[] {
  return files.flatMap((file) =>
    file.text.split('\n').flatMap((line, i) => (domainWords.test(line) ? [`${file.path}:${i + 1}: ${line.trim()}`] : [])),
  );
}

describe('architecture', () => {
  let engine: SourceFile[];
  let storage: SourceFile[];
  let server: SourceFile[];
  let frontEnd: SourceFile[];

  before(async () => {
    [engine, storage, server, frontEnd] = await Promise.all([sourceFiles('engine'), sourceFiles('storage'), sourceFiles('server'), sourceFiles('designer/src')]);
  });

  describe('the rule checks themselves', () => {
    const sample: SourceFile = {
      path: 'engine/runtime/sample.ts',
      text: [
        "import { readFile } from 'node:fs/promises';",
        "import type { Knex } from 'knex';",
        "export { getCase } from '../../storage/cases.js';",
        "const lazy = () => import('express');",
        "import { decide } from './decide.js';",
        "import { Type } from '@sinclair/typebox';",
        '// Date.now() in a comment is fine',
        "const text = 'a // not a comment'; const now = Date.now();",
        '/* Math.random() */ const id = Math.random(); const at = new Date;',
        "const fixed = new Date('2026-01-01');",
      ].join('\n'),
    };

    it('given a file with forbidden static, type-only, re-exported and dynamic imports, when scanned, then each is reported and allowed ones are not', () => {
      expect(forbiddenImports([sample], { folders: engineForbiddenFolders, modules: engineForbiddenModules })).to.deep.equal([
        'engine/runtime/sample.ts: node:fs/promises',
        'engine/runtime/sample.ts: knex',
        'engine/runtime/sample.ts: ../../storage/cases.js',
        'engine/runtime/sample.ts: express',
      ]);
    });

    it('given clock and random calls in code, strings and comments, when scanned, then only the code lines are reported', () => {
      expect(clockUses([sample]).map((use) => use.split(':')[1])).to.deep.equal(['8', '9']);
    });
  });

  describe('dependencies point inward', () => {
    it('given every .ts file under engine/, when its imports are read, then none reaches storage, server, designer or an I/O module', () => {
      expect(engine.length).to.be.greaterThan(20);
      expect(engine.flatMap((f) => importsOf(f.text))).to.include('@sinclair/typebox');
      expect(forbiddenImports(engine, { folders: engineForbiddenFolders, modules: engineForbiddenModules })).to.deep.equal([]);
    });

    it('given every .ts file under storage/, when its imports are read, then none reaches server or designer', () => {
      expect(storage.length).to.be.greaterThan(5);
      expect(storage.flatMap((f) => importsOf(f.text))).to.include('knex');
      expect(forbiddenImports(storage, { folders: storageForbiddenFolders })).to.deep.equal([]);
    });

    it('given every .ts/.tsx file under designer/src/, when its imports are read, then none reaches storage or server (the front end uses only the HTTP API)', () => {
      expect(frontEnd.length).to.be.greaterThan(10);
      expect(frontEnd.flatMap((f) => importsOf(f.text)).some((s) => s.includes('/engine/'))).to.equal(true);
      expect(forbiddenImports(frontEnd, { folders: frontEndForbiddenFolders })).to.deep.equal([]);
    });
  });

  describe('the engine is deterministic', () => {
    it('given engine/ without comments, when searched, then it never calls Date.now(), new Date() without arguments or Math.random()', () => {
      expect(clockUses(engine)).to.deep.equal([]);
    });
  });

  describe('the core is domain-neutral', () => {
    it('given every .ts file under engine/, storage/ and server/, when searched, then no IP-specific word occurs (知识产权, 专利, 商标, patent, trademark, intellectual)', () => {
      expect(domainWordUses([...engine, ...storage, ...server])).to.deep.equal([]);
    });
  });

  describe('generated files', () => {
    it('given the kinds in engine/kinds/, when the schema generator checks definitions/schemas/, then nothing is stale', async function () {
      this.timeout(60_000);
      const tsx = join(projectRoot, 'node_modules', '.bin', 'tsx');
      const result = await run(tsx, ['tools/generate-schemas.ts', '--check'], { cwd: projectRoot }).then(
        ({ stdout }) => ({ code: 0, output: stdout }),
        (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code ?? -1, output: `${error.stdout ?? ''}${error.stderr ?? ''}` }),
      );
      expect(result.code, result.output).to.equal(0);
      expect(result.output).to.include('schemas up to date');
    });
  });

  describe('files stay small', () => {
    it('given every source file under engine/, storage/, server/ and designer/src/, when its lines are counted, then none is longer than 400', () => {
      const long = [...engine, ...storage, ...server, ...frontEnd].filter((f) => lineCount(f.text) > 400).map((f) => `${f.path}: ${lineCount(f.text)} lines`);
      expect(long).to.deep.equal([]);
    });
  });
});
