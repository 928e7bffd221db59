/**
 * What runtime tests share: the official 2025–2026 calendar, actors, files, and a context
 * factory with a simulated clock and counting ids.
 */
import { readFileSync } from 'node:fs';
import { createWorkingCalendar } from '../../../engine/calendar/index.js';
import type { Calendar } from '../../../engine/kinds/calendar.js';
import type { Actor, FileRef } from '../../../engine/runtime/case.js';
import type { Bundle } from '../../../engine/runtime/bundle.js';
import type { DecideContext } from '../../../engine/runtime/decision.js';
import { pledgeBundle } from '../../fixtures/bundles/pledge.js';

const calendarFile = (year: number) =>
  JSON.parse(readFileSync(new URL(`../../../definitions/calendars/cn-${year}.json`, import.meta.url), 'utf8')) as Calendar;

export const calendar = createWorkingCalendar({ years: [calendarFile(2025), calendarFile(2026)] });

export const applicant: Actor = { id: 'u-applicant', roles: ['applicant'], platformId: 'mianyang', name: '张三' };
export const otherApplicant: Actor = { id: 'u-other', roles: ['applicant'], platformId: 'mianyang', name: '李四' };
export const staff: Actor = { id: 'u-staff', roles: ['staff'], platformId: 'mianyang', name: '王五' };

/** A stored file reference with the given name. */
export function file(name: string, size = 1024): FileRef {
  return { id: `f-${name}`, name, size, sha256: '0'.repeat(64), mediaType: 'application/octet-stream' };
}

/** A context at `now` for `actor`; ids count up from 1 per context. */
export function contextAt(now: string, actor: Actor = applicant, bundle: Bundle = pledgeBundle()): DecideContext {
  let next = 0;
  return {
    now,
    actor,
    bundle,
    calendar,
    newId: () => `id-${++next}`,
    applicant: { name: '绵阳某某科技有限公司', phone: '13800000000' },
  };
}

/** Valid form data for the pledge form. */
export function pledgeData(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { applicantName: '绵阳某某科技有限公司', patentNumber: 'ZL202310123456.7', isAgent: false, ...overrides };
}

/** Deep-freezes a value so any mutation by the code under test throws. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
