/**
 * The engine's public entry: what storage, server and the designer use. Everything here is
 * pure; time, ids and the calendar are passed in. Deeper modules stay importable for tests,
 * but code outside engine/ should need only this file.
 */

// Definitions: kinds, loading, resolving what one case runs on.
export { kinds, kindNames, isKindName, SCHEMA_VERSION } from './kinds/index.js';
export type {
  KindName,
  Definition,
  DefinitionOf,
  Calendar,
  Checklist,
  Material,
  Form,
  Platform,
  PlatformLevel,
  ServiceItem,
  ServiceList,
  Template,
  Action,
  Branch,
  Channel,
  Effect,
  LimitSource,
  Recipient,
  Role,
  Stage,
  Step,
  Workflow,
  Limit,
  LimitUnit,
  RuleValue,
  Text,
} from './kinds/index.js';
export { loadDefinitions, validateShape, resolveBundle, getDefinition, getEntry, entriesOf, templateIdsOf } from './load/index.js';
export type { LoadInput, LoadResult, DefinitionEntry, DefinitionSet } from './load/index.js';

// Problems and names.
export { EngineError, pointer, pointerToken, ok, fail } from './problem.js';
export type { Problem, Result } from './problem.js';
export { didYouMean, suggest } from './suggest.js';

// Working days.
export { createWorkingCalendar, CalendarRangeError, CHINA_TIME_ZONE } from './calendar/index.js';
export type { WorkingCalendar, WorkingCalendarOptions, DatedEntry } from './calendar/index.js';

// Forms, rules, checklists.
export { validateFormData } from './forms/validate.js';
export { evaluateRule, readPath } from './rules/evaluate.js';
export type { RuleContext } from './rules/context.js';
export { evaluateChecklist, checkUploads, DEFAULT_MAX_FILES } from './checklist/index.js';
export type { ChecklistState, MaterialEvaluation, MaterialStatus, ToSupply } from './checklist/index.js';

// Templates and labels.
export { renderTemplate } from './templates/render.js';
export type { RenderInput, Rendered } from './templates/render.js';
export { buildItemContext } from './templates/item-context.js';
export type { ItemContext, CaseContext } from './templates/context.js';
export { textOf, type Locale } from './text.js';
export * from './labels.js';

// Cases.
export { decide, pinsOf, effectiveRoles, stepClockName, stepOfClock, resolveLimit, warnInstant, MAX_HOPS } from './runtime/index.js';
export type {
  Bundle,
  Case,
  CaseStatus,
  Pins,
  DefinitionRef,
  FileRef,
  Verdict,
  MaterialState,
  Clock,
  StepVisit,
  Evaluation,
  Actor,
  Command,
  CreateCommand,
  ActCommand,
  TimerCommand,
  TimerSpec,
  DecideContext,
  CaseEvent,
  Outcome,
  NoticeOutcome,
  TimerScheduleOutcome,
  TimerCancelOutcome,
  TaskOpenOutcome,
  Decision,
} from './runtime/index.js';
