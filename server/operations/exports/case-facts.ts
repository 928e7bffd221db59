/**
 * What the exports say about a case beyond its row: the masked ID numbers and phones of its form
 * data, the titles of its item and steps in the export's language, and when it closed. The
 * masking is the case views' own (personal-data-view.ts): the same values are masked, the same way.
 */
import { isMobile } from '../../../engine/forms/identity.js';
import type { Bundle } from '../../../engine/runtime/bundle.js';
import type { Case } from '../../../engine/runtime/case.js';
import { textOf, type Locale } from '../../../engine/text.js';
import { listEventsOfType } from '../../../storage/case-events.js';
import { Failure } from '../../http/failure.js';
import type { Services } from '../../services.js';
import { bundleForCase } from '../bundles.js';
import { maskedCaseValues } from '../personal-data-view.js';
import { valueAt } from '../reveal.js';

/** A case's resident ID numbers and mobile phones as its case view shows them (masked), each once. */
export function maskedIdentity(kase: Case): { idNumbers: string[]; phones: string[] } {
  const shown = maskedCaseValues(kase);
  const idNumbers = new Set<string>();
  const phones = new Set<string>();
  for (const pointer of shown.masked) {
    const original = String(valueAt(kase, pointer)).trim();
    const masked = String(valueAt(shown, pointer));
    (isMobile(original) ? phones : idNumbers).add(masked);
  }
  return { idNumbers: [...idNumbers], phones: [...phones] };
}

/** Titles of a case's item and steps in one language. */
export interface CaseTitles {
  item: string;
  step(name: string): string;
  stage(name: string): Bundle['workflow']['steps'][string]['stage'];
}

/** The pinned definitions' titles; the ids when the pinned definitions cannot be had (as the inbox does). */
export async function caseTitles(services: Services, kase: Case, locale: Locale): Promise<CaseTitles> {
  let bundle: Bundle;
  try {
    bundle = await bundleForCase(services, kase);
  } catch (error) {
    if (error instanceof Failure) return { item: kase.pins.item.id, step: (name) => name, stage: () => undefined };
    throw error;
  }
  return {
    item: textOf(bundle.item.title, locale),
    step: (name) => textOf(bundle.workflow.steps[name]?.title, locale) || name,
    stage: (name) => bundle.workflow.steps[name]?.stage,
  };
}

/** When each closed case of `cases` closed (its `case.closed` event), by case id. */
export async function closedAtOf(services: Services, cases: Case[]): Promise<Map<string, string>> {
  const closed = cases.filter((c) => c.status !== 'open').map((c) => c.id);
  const events = await listEventsOfType(services.db.knex, closed, 'case.closed');
  return new Map(events.map((event) => [event.caseId, event.at]));
}
