/**
 * Creating a case: validate the form and the uploads, pin the bundle's versions, enter the
 * workflow's start step, and take the command's action at once when it names one.
 */
import { checkUploads } from '../checklist/check-uploads.js';
import type { Bundle } from './bundle.js';
import type { Case, Pins } from './case.js';
import type { CreateCommand, DecideContext, Decision } from './decision.js';
import { finish, applyAction } from './act.js';
import { createDraft, record } from './draft.js';
import { checkedFormData, flagConfirmedData } from './form-data.js';
import { supplyFiles } from './materials.js';
import { enterStep } from './transition.js';

/**
 * Decides a create command. The case comes back with `version` 0: storage sets the stored
 * version. The actor becomes the case's applicant, unless they register it on behalf of
 * another (`onBehalfOf`, counter mode): then the case records that and who registered it.
 */
export function decideCreate(command: CreateCommand, context: DecideContext): Decision {
  const { bundle, actor, now } = context;
  const files = command.files ?? {};
  const checked = checkedFormData({ form: bundle.form, data: command.data, now, ...(command.confirmations ? { confirmations: command.confirmations } : {}) });
  const problems = [...checked.problems, ...checkUploads({ checklist: bundle.checklist, files })];
  if (problems.length > 0) return { ok: false, problems };

  const applicantId = command.onBehalfOf ?? actor.id;
  const draft = createDraft({ caseState: newCase({ command, bundle, applicantId, actorId: actor.id, now }), context, actorId: actor.id });
  const channel = draft.case.channel ?? 'online';
  record(draft, 'case.created', {
    number: command.number,
    item: draft.case.pins.item,
    platformId: bundle.platform.id,
    channel,
    ...(channel === 'counter' ? { applicantId, registeredBy: actor.id } : {}),
  });
  flagConfirmedData(draft, checked.confirmable);
  supplyFiles(draft, files);
  enterStep(draft, { to: bundle.workflow.start });
  if (command.action !== undefined) {
    const refused = applyAction(draft, { type: 'act', action: command.action });
    if (refused.length > 0) return { ok: false, problems: refused };
  }
  return finish(draft);
}

function newCase(args: { command: CreateCommand; bundle: Bundle; applicantId: string; actorId: string; now: string }): Case {
  const { command, bundle, now } = args;
  return {
    id: command.caseId,
    number: command.number,
    platformId: bundle.platform.id,
    applicantId: args.applicantId,
    pins: pinsOf(bundle),
    step: bundle.workflow.start,
    status: 'open',
    data: structuredClone(command.data),
    materials: {},
    clocks: {},
    fields: {},
    evaluations: [],
    visits: {},
    channel: command.onBehalfOf === undefined ? 'online' : 'counter',
    ...(command.onBehalfOf === undefined ? {} : { registeredBy: args.actorId }),
    ...(command.verificationCode === undefined ? {} : { verificationCode: command.verificationCode }),
    version: 0,
    createdAt: now,
    updatedAt: now,
  };
}

/** The exact versions the case runs on. */
export function pinsOf(bundle: Bundle): Pins {
  const ref = (d: { id: string; version: number }) => ({ id: d.id, version: d.version });
  return {
    item: ref(bundle.item),
    form: ref(bundle.form),
    checklist: ref(bundle.checklist),
    workflow: ref(bundle.workflow),
    templates: Object.fromEntries(Object.entries(bundle.templates).map(([id, t]) => [id, t.version])),
  };
}
