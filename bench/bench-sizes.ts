/**
 * How big each benchmark runs. `fullSizes` is `make bench` at issue 7's sizes (the report says
 * how long the run took against the issue's 20 minutes); `smokeSizes` is the smoke run inside
 * `make test`, which proves every section still runs end to end without measuring anything
 * worth reading.
 */
import type { FormShape } from './forms/generated-form.js';
import { fullShape } from './forms/generated-form.js';

export interface BenchSizes {
  /** Runs of the definitions benchmark (medians over them). */
  definitionRuns: number;
  /** Server starts per database for the cold start (and of the floor). */
  coldStartRuns: number;
  /** Cases per implementation and database, in-process transitions. */
  transitions: number;
  /** Cases per side and database, HTTP transitions. */
  http: number;
  /** Process counts on one PostgreSQL, and seconds of load at each. */
  scaleOut: { processCounts: number[]; seconds: number; clientsPerProcess: number };
  /** Cases on the inbox's platform, and timed reads per measurement. */
  inbox: { cases: number; runs: number };
  /** Lines of the imported case register, and rows of the list workbook asked for. */
  import: { cases: number; listRows: number };
  /** Cases per side and database in the peer comparison. */
  peerCases: number;
  /** The generated form, keystrokes measured and page loads timed. */
  forms: { shape: FormShape; keystrokes: number; loads: number };
}

/** Issue 7's sizes. */
export const fullSizes: BenchSizes = {
  definitionRuns: 20,
  coldStartRuns: 5,
  transitions: 1000,
  http: 200,
  scaleOut: { processCounts: [1, 2, 3, 4], seconds: 5, clientsPerProcess: 8 },
  inbox: { cases: 1_000_000, runs: 30 },
  import: { cases: 1_000_000, listRows: 10_000 },
  peerCases: 100,
  forms: { shape: fullShape, keystrokes: 200, loads: 3 },
};

export const smokeSizes: BenchSizes = {
  definitionRuns: 2,
  coldStartRuns: 1,
  transitions: 5,
  http: 3,
  scaleOut: { processCounts: [1, 2], seconds: 1, clientsPerProcess: 2 },
  inbox: { cases: 300, runs: 2 },
  import: { cases: 200, listRows: 20 },
  peerCases: 3,
  forms: { shape: { fields: 30, conditionals: 3, rows: 5, sections: 1 }, keystrokes: 6, loads: 1 },
};

/** Case numbers carry a 4-digit daily sequence, and every transitions case starts on the same day. */
export const MAX_TRANSITION_CASES = 9999;

/** Refuses sizes a section cannot run, before any of them starts. */
export function checkSizes(sizes: BenchSizes): void {
  const n = sizes.transitions;
  if (!Number.isInteger(n) || n < 1 || n > MAX_TRANSITION_CASES) {
    throw new RangeError(`The transitions size must be a whole number from 1 to ${MAX_TRANSITION_CASES} (got ${n}): case numbers hold 4 sequence digits per day.`);
  }
}
