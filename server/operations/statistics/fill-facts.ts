/**
 * Cases stored before migration 0020, or written without the server's derivation (bulk
 * imports and seeds), have no statistics facts. They are derived here in pages, from each
 * case's pinned workflow, before figures are counted; once every case has them this is one
 * index probe that finds nothing.
 */
import type { WorkingCalendar } from '../../../engine/calendar/index.js';
import type { Workflow } from '../../../engine/kinds/workflow.js';
import { casesWithoutFacts, setCaseFacts } from '../../../storage/statistics/case-facts.js';
import { Failure } from '../../http/failure.js';
import type { Services } from '../../services.js';
import { bundleForCase, calendarFor } from '../bundles.js';
import { caseFacts } from './case-facts.js';
import { platformCalendar } from './platform-calendar.js';

/** Derives the missing facts; returns how many cases got them. A case whose definitions are gone gets the facts its body alone gives. */
export async function fillMissingCaseFacts(services: Services, pageSize = 200): Promise<number> {
  let filled = 0;
  for (;;) {
    const cases = await casesWithoutFacts(services.db.knex, pageSize);
    if (cases.length === 0) return filled;
    for (const kase of cases) {
      let workflow: Workflow | undefined;
      let calendar: WorkingCalendar;
      try {
        const bundle = await bundleForCase(services, kase);
        workflow = bundle.workflow;
        calendar = calendarFor(services, bundle.platform);
      } catch (error) {
        if (!(error instanceof Failure)) throw error;
        calendar = await platformCalendar(services, kase.platformId);
      }
      await setCaseFacts(services.db.knex, { id: kase.id, facts: caseFacts(kase, { workflow, calendar }) });
      filled++;
    }
  }
}
