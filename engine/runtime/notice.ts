/**
 * The notify effect: render the template (the item's replacement when it names one) with the
 * case context, and queue it as a NoticeOutcome for the runner's outbox.
 */
import type { Effect } from '../kinds/workflow.js';
import { EngineError, pointer } from '../problem.js';
import { renderTemplate } from '../templates/render.js';
import { buildCaseContext } from './case-context.js';
import type { Draft } from './draft.js';
import { record } from './draft.js';

/** Queues one notice rendered now; default channel in-app. */
export function queueNotice(draft: Draft, effect: Extract<Effect, { notify: string }>): void {
  const { bundle, calendar } = draft.context;
  const templateId = bundle.item.notices?.[effect.notify] ?? effect.notify;
  const template = bundle.templates[templateId];
  if (template === undefined) {
    const message = `Bundle of item "${bundle.item.id}" has no template "${templateId}" (named by notify "${effect.notify}"): add it to the bundle's templates.`;
    throw new EngineError('bundle.template-missing', message, [
      { code: 'bundle.template-missing', path: pointer('templates', templateId), message },
    ]);
  }
  const { subject, body } = renderTemplate({ template, context: buildCaseContext(draft), calendar });
  const id = draft.context.newId();
  draft.outcomes.push({
    type: 'notice',
    id,
    template: templateId,
    purpose: template.purpose,
    to: effect.to,
    channels: effect.channels ?? ['inApp'],
    subject,
    body,
    format: template.format,
  });
  record(draft, 'notice.queued', { noticeId: id, template: templateId, to: effect.to });
}
