/**
 * A generated case register (办件台账) of `size` lines in the import format, made from the four
 * lines of tests/fixtures/import/cases.ndjson: each line gets its own number, one of 2,000
 * applicants and, for consultations, its own dates over two years. Mostly ended cases, as an
 * old system's register is.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { projectRoot } from '../../server/paths.js';

const DAY_MS = 86_400_000;
const APPLICANTS = 2000;
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];

/** The fixture's lines: completed consultation, rejected pledge, pledge in progress, consultation to accept. */
async function templates(): Promise<Array<Record<string, unknown>>> {
  const text = await readFile(join(projectRoot, 'tests/fixtures/import/cases.ndjson'), 'utf8');
  return text.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Which template the i-th line copies: 70% completed consultations, 10% of each other kind. */
function templateAt(i: number): number {
  const x = (i * 7919) % 10;
  return x < 7 ? 0 : x - 6;
}

const shifted = (instant: unknown, days: number) => new Date(Date.parse(instant as string) - days * DAY_MS).toISOString().replace('Z', '+00:00');

/** The i-th line. Pledges keep their dates: their form judges the contract dates against the day of submission. */
function lineAt(base: Array<Record<string, unknown>>, i: number): string {
  const which = templateAt(i);
  const line = { ...(base[which] as Record<string, unknown>) };
  const who = i % APPLICANTS;
  line.number = `BENCH-${String(i).padStart(8, '0')}`;
  line.applicant = { name: `${SURNAMES[who % SURNAMES.length]}申请人${who}`, phone: `138${String(10_000_000 + who * 37).slice(-8)}` };
  if (which === 0 || which === 3) {
    const days = (i * 31) % 700;
    line.submittedAt = shifted(line.submittedAt, days);
    if (line.decidedAt !== undefined) line.decidedAt = shifted(line.decidedAt, days);
  }
  return JSON.stringify(line);
}

/**
 * Writes the register to `file`.
 *
 * @example await writeRegister('/tmp/register.ndjson', 1_000_000)
 */
export async function writeRegister(file: string, size: number): Promise<void> {
  const base = await templates();
  const out = createWriteStream(file, { encoding: 'utf8' });
  for (let i = 0; i < size; i++) {
    if (!out.write(`${lineAt(base, i)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
