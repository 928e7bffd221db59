/** The case runtime: `decide` and the pieces storage and server share with it. */
export { decide } from './decide.js';
export { pinsOf } from './create.js';
export { effectiveRoles } from './rule-context.js';
export { dueStateOf, nextDueAt, nextWarnAt, stepClockName, stepOfClock, resolveLimit, warnInstant } from './clocks.js';
export { MAX_HOPS } from './transition.js';
export { caseQueue, type CaseQueue } from './queue.js';
export type * from './case.js';
export type * from './decision.js';
export type { Bundle } from './bundle.js';
