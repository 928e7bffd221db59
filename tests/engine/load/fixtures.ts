/** Reads the definition fixtures: valid-mini, and invalid cases overlaid on it. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LoadInput } from '../../../engine/load/index.js';

export const fixturesDir = fileURLToPath(new URL('../../fixtures/definitions/', import.meta.url));

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'expected.json').sort();
}

/** The valid-mini documents, by file name. */
export function validMini(): LoadInput[] {
  const dir = `${fixturesDir}valid-mini/`;
  return jsonFiles(dir).map((file) => ({ file, doc: readJson(dir + file) }));
}

/** Names of the invalid cases. */
export function invalidCases(): string[] {
  return readdirSync(`${fixturesDir}invalid/`).sort();
}

export interface ExpectedProblem {
  file: string;
  path: string;
  code: string;
  suggestion?: string;
}

/** valid-mini with the case's files replacing same-named ones; new files come after. */
export function invalidCase(name: string): { inputs: LoadInput[]; expected: ExpectedProblem[] } {
  const dir = `${fixturesDir}invalid/${name}/`;
  const overrides = new Map(jsonFiles(dir).map((file) => [file, readJson(dir + file)]));
  const base = validMini().map((input) => (overrides.has(input.file!) ? { file: input.file, doc: overrides.get(input.file!) } : input));
  const added = [...overrides].filter(([file]) => !base.some((b) => b.file === file)).map(([file, doc]) => ({ file, doc }));
  return { inputs: [...base, ...added], expected: readJson(`${dir}expected.json`) as ExpectedProblem[] };
}
