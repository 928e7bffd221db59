/**
 * Cases stored before inbox queues existed have none (migration 0008 cannot derive them: that
 * needs each case's pinned workflow). When the server opens, it derives them once, in pages;
 * afterwards every write stores the queue with the case, and this finds nothing to do.
 */
import { caseQueue } from '../../engine/runtime/queue.js';
import { casesWithoutQueue, setCaseQueue } from '../../storage/cases.js';
import { Failure } from '../http/failure.js';
import type { Services } from '../services.js';
import { bundleForCase } from './bundles.js';

/** Derives the missing queues; returns how many cases got one. A case whose definitions are gone is marked `waiting`. */
export async function fillMissingQueues(services: Services, pageSize = 200): Promise<number> {
  let filled = 0;
  for (;;) {
    const cases = await casesWithoutQueue(services.db.knex, pageSize);
    if (cases.length === 0) return filled;
    for (const kase of cases) {
      let queue: string = 'waiting';
      try {
        queue = caseQueue(kase, (await bundleForCase(services, kase)).workflow);
      } catch (error) {
        if (!(error instanceof Failure)) throw error;
      }
      await setCaseQueue(services.db.knex, { id: kase.id, queue });
      filled++;
    }
  }
}
