/**
 * The peer benchmark, their side: the same five steps as a BPMN 2.0 process run by the
 * `bpmn-engine` package in memory — a start event, five user tasks in sequence, an end event.
 * Each case is one engine: `execute({ listener })`, then every `activity.wait` is answered with
 * `api.signal()` until the engine ends, the idiomatic use its API reference shows.
 *
 * To be as fast as its documented use allows, the XML is parsed and serialized once: a first
 * engine loads the source, and every case engine gets that definition's serialized context
 * (`sourceContext`, the engine option meant for it) instead of parsing the XML again, and a
 * silent `Logger` (documented option) spares creating a `debug` logger per element per case.
 */
import { EventEmitter } from 'node:events';
import { Engine } from 'bpmn-engine';

/** The user tasks, named after the stages of 附录E they stand for. */
export const bpmnTasks = ['consult', 'accept', 'implement', 'feedback', 'supervise'] as const;

/** The process as a modeller would draw it; ids only, no extensions, nothing to evaluate. */
export function fiveStepSource(): string {
  const nodes = ['start', ...bpmnTasks, 'end'];
  const flows = nodes.slice(1).map((target, i) => `    <sequenceFlow id="flow${i + 1}" sourceRef="${nodes[i]}" targetRef="${target}" />`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<definitions id="standardServiceDefinitions" xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" targetNamespace="http://bpmn.io/schema/bpmn">',
    '  <process id="standardService" isExecutable="true">',
    '    <startEvent id="start" />',
    ...bpmnTasks.map((task) => `    <userTask id="${task}" />`),
    '    <endEvent id="end" />',
    ...flows,
    '  </process>',
    '</definitions>',
  ].join('\n');
}

const silent = () => undefined;
const silentLogger = { debug: silent, error: silent, warn: silent };

/** What one case ended with, to prove it ran to the end. */
export interface BpmnCaseOutcome {
  /** Task ids in the order they were signalled. */
  signalled: string[];
  /** Completed runs of the definition (1 when the process reached its end event). */
  completedRuns: number;
}

/** A case runner over one parsed definition. */
export interface BpmnFlow {
  runCase(): Promise<BpmnCaseOutcome>;
}

/** Parses the source once; each `runCase` then starts a fresh engine on the parsed context. */
export async function prepareBpmnFlow(source = fiveStepSource()): Promise<BpmnFlow> {
  const [definition] = await new Engine({ name: 'parse once', source }).getDefinitions();
  if (definition === undefined) throw new Error('bpmn-engine found no definition in the five-step source.');
  const sourceContext = definition.context.definitionContext;
  return {
    async runCase() {
      const engine = new Engine({ name: 'five steps', sourceContext, Logger: () => silentLogger });
      const listener = new EventEmitter();
      const signalled: string[] = [];
      listener.on('activity.wait', (api: { id: string; signal(message?: unknown): void }) => {
        signalled.push(api.id);
        api.signal();
      });
      const ended = engine.waitFor('end');
      const execution = await engine.execute({ listener });
      await ended;
      const completedRuns = execution.definitions.reduce((sum, d) => sum + (d.counters?.completed ?? 0), 0);
      return { signalled, completedRuns };
    },
  };
}

/** Whether a case signalled the five tasks in order and its definition completed once. */
export function isBpmnCaseComplete(outcome: BpmnCaseOutcome): boolean {
  return outcome.completedRuns === 1 && outcome.signalled.join() === bpmnTasks.join();
}
