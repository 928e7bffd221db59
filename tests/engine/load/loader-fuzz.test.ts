/**
 * Goal D1, the loader: 10,000 generated definition sets and 10,000 mutations of the real
 * province library go through `loadDefinitions` (what `ipsp validate`, import, save and
 * publish call). No case may throw; every refusal names at least one problem, and every
 * problem's JSON Pointer lands inside the document it names; prototypes stay as they were;
 * the same input gives the same answer and is not changed; memory stays flat. The slowest
 * case is printed (a hang detector at 2 s, not a timing goal).
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { loadDefinitions, type LoadInput, type LoadResult } from '../../../engine/load/index.js';
import { heapUsedMB, prototypeFingerprint, residentMB, resolvePointer } from '../../support/fuzz.js';
import { generatedSet, mutatedSet, provinceFiles } from './fuzz-inputs.js';

/** A case longer than this counts as a hang. */
const HANG_MS = 2000;
const RUNS = Number(process.env.IPSP_FUZZ_RUNS ?? 10_000);

interface Tally {
  cases: number;
  accepted: number;
  refused: number;
  problems: number;
  atValue: number;
  atMissingMember: number;
  slowestMs: number;
}

const newTally = (): Tally => ({ cases: 0, accepted: 0, refused: 0, problems: 0, atValue: 0, atMissingMember: 0, slowestMs: 0 });

function outcome(result: LoadResult): string {
  if (!result.ok) return JSON.stringify(result.problems);
  return JSON.stringify(Object.entries(result.set.byKind).map(([kind, map]) => [kind, [...map.keys()]]));
}

/** Loads `inputs` twice and checks every invariant; throws (so fast-check shrinks) on a breach. */
function checkCase(inputs: LoadInput[], tally: Tally): void {
  const before = inputs.map(({ doc }) => JSON.stringify(doc));
  const started = performance.now();
  const first = loadDefinitions(inputs);
  const tookMs = performance.now() - started;
  tally.slowestMs = Math.max(tally.slowestMs, tookMs);
  expect(tookMs, 'one case took longer than the hang limit').to.be.below(HANG_MS);
  expect(outcome(loadDefinitions(inputs)), 'the same input gave another answer').to.equal(outcome(first));
  expect(inputs.map(({ doc }) => JSON.stringify(doc)), 'loading changed its input').to.deep.equal(before);
  tally.cases += 1;
  if (first.ok) {
    tally.accepted += 1;
    return;
  }
  tally.refused += 1;
  expect(first.problems, 'a refusal without problems').to.not.be.empty;
  const byFile = new Map(inputs.map(({ file, doc }) => [file, doc]));
  for (const problem of first.problems) {
    tally.problems += 1;
    expect(byFile.has(problem.file), `problem names no input file: ${JSON.stringify(problem)}`).to.equal(true);
    const landing = resolvePointer(byFile.get(problem.file), problem.path);
    expect(landing, `path outside the input: ${JSON.stringify(problem)}`).to.not.equal('outside');
    if (landing === 'value') tally.atValue += 1;
    else tally.atMissingMember += 1;
    expect(problem.message, 'a problem without a message').to.be.a('string').and.not.equal('');
  }
}

describe('Definition loader fuzz (goal D1)', function () {
  // Generous: on a loaded machine 2,000 mutations took 4 minutes; the figure it guards is no crash, not speed.
  this.timeout(1_800_000);
  const tallies: Record<string, Tally> = { generated: newTally(), mutated: newTally() };
  let prototypes: string;
  let rssBefore: number;
  let heapBefore: number;

  before(() => {
    prototypes = prototypeFingerprint();
  });

  it('given the province library as it is, when loaded, then it loads (the mutations start from valid documents)', () => {
    const result = loadDefinitions(provinceFiles);
    expect(result.ok, JSON.stringify(!result.ok && result.problems.slice(0, 3))).to.equal(true);
    // Memory is counted from here: the validators are compiled and the modules loaded.
    rssBefore = residentMB();
    heapBefore = heapUsedMB();
  });

  it(`given ${RUNS} generated definition sets (any JSON, and documents shaped like each kind), when loaded, then no crash and every problem lands inside its document`, () => {
    fc.assert(fc.property(generatedSet, (inputs) => checkCase(inputs, tallies.generated!)), { numRuns: RUNS, seed: 20_261_204, endOnFailure: true });
    expect(tallies.generated!.cases).to.equal(RUNS);
  });

  it(`given ${RUNS} mutations of the real library (bit flips, type swaps, deep nesting, huge arrays, reference cycles and dangling ones, prototype keys, awkward unicode), when loaded, then the same holds`, () => {
    const byOp = new Map<string, number>();
    fc.assert(
      fc.property(mutatedSet, ({ op, inputs }) => {
        byOp.set(op, (byOp.get(op) ?? 0) + 1);
        checkCase(inputs, tallies.mutated!);
      }),
      { numRuns: RUNS, seed: 6, endOnFailure: true },
    );
    expect(tallies.mutated!.cases).to.equal(RUNS);
    expect(byOp.size, 'every kind of mutation ran').to.equal(10);
  });

  it('given all those cases, then Object.prototype and the other built-in prototypes are unchanged and the memory kept grew less than 100 MB', () => {
    expect(prototypeFingerprint()).to.equal(prototypes);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    const rssGrowthMB = residentMB() - rssBefore;
    const heapGrowthMB = heapUsedMB() - heapBefore;
    console.log(`      loader fuzz: ${JSON.stringify(tallies)}; after a full collection: heap kept +${heapGrowthMB.toFixed(1)} MB, resident memory +${rssGrowthMB.toFixed(1)} MB`);
    // What a leak keeps is heap that survives a full collection. Resident memory also counts the
    // pages V8 keeps committed after the megabyte strings and 21,000-element arrays of the
    // mutations are freed (it does not hand them back to the system at once), so it is reported, not judged.
    expect(heapGrowthMB).to.be.below(100);
  });
});
