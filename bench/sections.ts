/**
 * Every section of docs/benchmarks.md as one runner each: run the benchmark at the given sizes,
 * render its markdown, and state its targets as data for the summary table and the chart.
 * Each benchmark lives in its own folder; this file only wires them, in the report's order.
 */
import { benchColdStart } from './cold-start/cold-start.js';
import { renderColdStart } from './cold-start/cold-start-report.js';
import { benchDefinitions } from './definitions/definitions-bench.js';
import { definitionsSection } from './definitions/definitions-report.js';
import { benchForms } from './forms/forms-bench.js';
import { formTargets, renderForms } from './forms/forms-report.js';
import { postgresHttpTarget, sqliteHttpTarget } from './http/deployments.js';
import { benchHttp } from './http/http-bench.js';
import { compareHttp, httpP99TargetRatio, httpThroughputTargetPercent, renderHttp, renderScaleOut } from './http/http-report.js';
import { benchScaleOut } from './http/scale-out.js';
import { benchImport } from './import/import-bench.js';
import { importTargets, renderImport } from './import/import-report.js';
import { benchInbox, type InboxResult } from './inbox/inbox.js';
import { inboxSection, inboxTargets } from './inbox/inbox-report.js';
import { benchPeer } from './peer/peer-bench.js';
import { peerTargets, renderPeer } from './peer/peer-report.js';
import { postgresTarget, sqliteTarget, type BenchTarget } from './bench-targets.js';
import type { BenchSizes } from './bench-sizes.js';
import type { TargetCheck } from './targets.js';
import { benchTransitions } from './transitions/transitions-bench.js';
import { transitionsSection, transitionTargetPercent, transitionTargets } from './transitions/transitions-report.js';

/** What a section's run gives the report. */
export interface SectionOutput {
  lines: string[];
  targets: TargetCheck[];
}

/** Where and how big to run. */
export interface SectionContext {
  sizes: BenchSizes;
  /** The PostgreSQL to measure, or undefined when it is not measured in this run. */
  postgresUrl: string | undefined;
  log: (line: string) => void;
}

export interface Section {
  key: 'definitions' | 'transitions' | 'http' | 'inbox' | 'import' | 'peer' | 'forms';
  title: string;
  run(context: SectionContext): Promise<SectionOutput>;
}

/** `SQLite (file, WAL, synchronous=FULL)` → `SQLite FULL`, for chart labels. */
function shortTarget(label: string): string {
  const sync = /synchronous=(\w+)/.exec(label)?.[1];
  return sync ? `SQLite ${sync}` : label.startsWith('PostgreSQL') ? 'PostgreSQL' : label;
}

const sqliteAnd = (context: SectionContext, ...sqlite: BenchTarget[]): BenchTarget[] =>
  context.postgresUrl === undefined ? sqlite : [...sqlite, postgresTarget(context.postgresUrl)];

const definitions: Section = {
  key: 'definitions',
  title: 'Definitions and server start',
  async run({ sizes, postgresUrl, log }) {
    log(`definitions: ${sizes.definitionRuns} runs`);
    const loaded = await benchDefinitions({ runs: sizes.definitionRuns });
    const coldStart = await benchColdStart({ runs: sizes.coldStartRuns, isPostgresIncluded: postgresUrl !== undefined, ...(postgresUrl ? { postgresUrl } : {}), log });
    return { lines: [...definitionsSection(loaded), '', ...renderColdStart(coldStart)], targets: [] };
  },
};

const transitions: Section = {
  key: 'transitions',
  title: 'Case transitions in-process',
  async run(context) {
    const lines: string[] = [];
    const targets: TargetCheck[] = [];
    for (const [index, target] of sqliteAnd(context, sqliteTarget('FULL'), sqliteTarget('NORMAL')).entries()) {
      context.log(`transitions on ${target.label}: ${context.sizes.transitions} cases × 3 implementations`);
      const result = await benchTransitions(target, context.sizes.transitions);
      lines.push(...transitionsSection(result, index), '');
      for (const t of transitionTargets(result)) {
        targets.push({ area: 'Transition', label: `${t.phase}, ${shortTarget(t.target)}: engine / thin knex`, measured: t.percent, target: transitionTargetPercent, direction: 'atLeast', unit: '%' });
      }
    }
    return { lines, targets };
  },
};

const http: Section = {
  key: 'http',
  title: 'Case transitions over HTTP, and several processes',
  async run({ sizes, postgresUrl, log }) {
    const targets = [sqliteHttpTarget('NORMAL'), sqliteHttpTarget('FULL'), ...(postgresUrl ? [postgresHttpTarget(postgresUrl)] : [])];
    const result = await benchHttp({ targets, size: sizes.http, log });
    const lines = renderHttp(result);
    if (postgresUrl) {
      const { processCounts, seconds, clientsPerProcess } = sizes.scaleOut;
      lines.push('', ...renderScaleOut(await benchScaleOut({ url: postgresUrl, processCounts, clientsPerProcess, durationMs: seconds * 1000, log })));
    }
    const checks = result.targets.flatMap((r) =>
      compareHttp(r).flatMap((c): TargetCheck[] => [
        { area: 'HTTP', label: `${c.phase}, ${shortTarget(r.target)}: server / thin handler`, measured: c.throughputPercent, target: httpThroughputTargetPercent, direction: 'atLeast', unit: '%' },
        { area: 'HTTP', label: `${c.phase}, ${shortTarget(r.target)}: p99 server ÷ thin`, measured: c.p99Ratio, target: httpP99TargetRatio, direction: 'atMost', unit: '×' },
      ]),
    );
    return { lines, targets: checks };
  },
};

const inbox: Section = {
  key: 'inbox',
  title: 'Lists at scale',
  async run(context) {
    const results: InboxResult[] = [];
    for (const target of sqliteAnd(context, sqliteTarget('FULL'))) {
      context.log(`inbox on ${target.label}: ${context.sizes.inbox.cases} cases`);
      results.push(await benchInbox(target, { size: context.sizes.inbox.cases, runs: context.sizes.inbox.runs, log: context.log }));
    }
    return { lines: inboxSection(results), targets: inboxTargets(results) };
  },
};

const bulkImport: Section = {
  key: 'import',
  title: 'Bulk import',
  async run({ sizes, postgresUrl, log }) {
    const result = await benchImport({ cases: sizes.import.cases, listRows: sizes.import.listRows, isPostgresIncluded: postgresUrl !== undefined, log });
    return { lines: renderImport(result), targets: importTargets(result) };
  },
};

const peer: Section = {
  key: 'peer',
  title: 'Peer',
  async run({ sizes, postgresUrl, log }) {
    const result = await benchPeer({ cases: sizes.peerCases, isPostgresIncluded: postgresUrl !== undefined, ...(postgresUrl ? { postgresUrl } : {}), log });
    return { lines: renderPeer(result), targets: peerTargets(result) };
  },
};

const forms: Section = {
  key: 'forms',
  title: 'Forms in the browser',
  async run({ sizes, log }) {
    const result = await benchForms({ ...sizes.forms, log });
    const { large, bundle } = result;
    const targets: TargetCheck[] = [
      { area: 'Forms', label: `${result.shape.fields}-field form: keystroke to paint, p95`, measured: large.keystrokes.p95Ms, target: formTargets.keystrokeP95Ms, direction: 'atMost', unit: 'ms' },
      { area: 'Forms', label: `${result.shape.fields}-field form: time to interactive`, measured: large.timeToInteractive.medianMs, target: formTargets.timeToInteractiveMs, direction: 'atMost', unit: 'ms' },
      { area: 'Forms', label: 'initial bundle, gzip', measured: bundle.initial.gzipBytes / 1024, target: formTargets.initialGzipKB, direction: 'atMost', unit: 'KB' },
    ];
    return { lines: renderForms(result), targets };
  },
};

/** The report's sections, in order. */
export const sections: Section[] = [definitions, transitions, http, inbox, bulkImport, peer, forms];
