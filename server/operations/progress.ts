/**
 * The public progress lookup (信息公示专区): a case number plus its verification code shows
 * where the case stands — item, status, step, the actions taken with their times, the due
 * date — and nothing personal: no names, ids, form data, phones, files or typed notes. A wrong
 * code and an unknown number answer the same.
 */
import { nextDueAt } from '../../engine/runtime/clocks.js';
import { textOf } from '../../engine/text.js';
import { listEvents } from '../../storage/case-events.js';
import { getCaseByNumber } from '../../storage/cases.js';
import { Failure } from '../http/failure.js';
import type { Services } from '../services.js';
import { bundleForCase } from './bundles.js';
import { codesMatch } from './verification-code.js';

export interface PublicProgress {
  number: string;
  itemTitle: string;
  status: string;
  stepTitle: string;
  stage: string | null;
  /** Each action taken on the case, by its title in the flow, oldest first. */
  nodes: Array<{ title: string; at: string }>;
  dueAt: string | null;
}

const notFound = () => new Failure('progress.not-found', '未找到该办件：请核对办件编号和查询码。No case matches this number and verification code.');

/** Progress of the case with this number, when the code is its verification code. */
export async function publicProgress(services: Services, input: { number: string; code: string }): Promise<PublicProgress> {
  const kase = await getCaseByNumber(services.db.knex, input.number.trim());
  if (!kase || !codesMatch(kase.verificationCode, input.code)) throw notFound();
  const bundle = await bundleForCase(services, kase);
  const steps = bundle.workflow.steps;
  const events = await listEvents(services.db.knex, kase.id);
  const nodes = events
    .filter((e) => e.type === 'case.acted')
    .map((e) => {
      const { action, from } = e.data as { action: string; from: string };
      return { title: textOf(steps[from]?.actions?.[action]?.title) || action, at: e.at };
    });
  const step = steps[kase.step];
  return {
    number: kase.number,
    itemTitle: textOf(bundle.item.title),
    status: kase.status,
    stepTitle: textOf(step?.title) || kase.step,
    stage: step?.stage ?? null,
    nodes,
    dueAt: nextDueAt(kase),
  };
}
