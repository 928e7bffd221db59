/**
 * What the matrix substitutes into routes: the ids of 绵阳's objects, or ids of the same shape
 * that name nothing. Definition ids and usernames miss the real ones by one character, so an
 * answer that suggests "Did you mean <the real id>?" betrays that the object exists.
 */
import { randomUUID } from 'node:crypto';
import type { Caller } from './callers.js';
import type { MianyangObjects } from './mianyang-objects.js';

export interface Targets {
  /** zhangsan's open case (waiting for acceptance) and closed case (evaluated). */
  caseId: string;
  closedCaseId: string;
  caseVersion: number;
  /** zhangsan's open case's number, for the public progress lookup. */
  caseNumber: string;
  fileId: string;
  /** 绵阳's draft definition. */
  definition: { kind: string; id: string };
  /** 绵阳's own published service item. */
  ownItemId: string;
  /** The item the caller applies for: 绵阳's own for other platforms, the draft for 绵阳's applicants. */
  applyItemId: string;
  /** An existing 绵阳 account. */
  username: string;
  /** zhangsan's answered consultation, its FAQ entry, and the rectification task of the bad review. */
  consultationId: string;
  faqId: string;
  taskId: string;
  /** zhangsan's open complaint and the improvement measure that answers it. */
  feedbackId: string;
  measureId: string;
  /** Staff's open appeal against the closed case's bad review. */
  appealId: string;
}

/** The real 绵阳 objects as the caller would aim at them. */
export function realTargets(objects: MianyangObjects, caller: Caller): Targets {
  return {
    caseId: objects.caseId,
    closedCaseId: objects.closedCaseId,
    caseVersion: objects.caseVersion,
    caseNumber: objects.caseNumber,
    fileId: objects.fileId,
    definition: { kind: objects.draft.kind, id: objects.draft.id },
    ownItemId: objects.ownItem.id,
    applyItemId: caller.platformId === 'mianyang' ? objects.draft.id : objects.ownItem.id,
    username: 'zhangsan',
    consultationId: objects.consultation.id,
    faqId: objects.consultation.faqId,
    taskId: objects.taskIds[0] as string,
    feedbackId: objects.feedback.id,
    measureId: objects.feedback.measureId,
    appealId: objects.appeal.id,
  };
}

const nearMiss = (id: string): string => `${id.slice(0, -1)}${id.endsWith('x') ? 'y' : 'x'}`;

/** Targets of the same shape that name nothing. */
export function missingTargets(real: Targets): Targets {
  return {
    caseId: randomUUID(),
    closedCaseId: randomUUID(),
    caseVersion: real.caseVersion,
    caseNumber: nearMiss(real.caseNumber),
    fileId: randomUUID(),
    definition: { kind: real.definition.kind, id: nearMiss(real.definition.id) },
    ownItemId: nearMiss(real.ownItemId),
    applyItemId: nearMiss(real.applyItemId),
    username: nearMiss(real.username),
    consultationId: randomUUID(),
    faqId: randomUUID(),
    taskId: randomUUID(),
    feedbackId: randomUUID(),
    measureId: randomUUID(),
    appealId: randomUUID(),
  };
}

/** Pairs [real, missing] of every id, longest first, to rewrite a real answer as the missing one would read. */
export function idPairs(real: Targets, missing: Targets): Array<[string, string]> {
  const pairs: Array<[string, string]> = [
    [real.caseId, missing.caseId],
    [real.closedCaseId, missing.closedCaseId],
    [real.fileId, missing.fileId],
    [real.caseNumber, missing.caseNumber],
    [real.definition.id, missing.definition.id],
    [real.ownItemId, missing.ownItemId],
    [real.applyItemId, missing.applyItemId],
    [real.username, missing.username],
    [real.consultationId, missing.consultationId],
    [real.faqId, missing.faqId],
    [real.taskId, missing.taskId],
    [real.feedbackId, missing.feedbackId],
    [real.measureId, missing.measureId],
    [real.appealId, missing.appealId],
  ];
  return pairs.sort((a, b) => b[0].length - a[0].length);
}

/** The answer body with every real id replaced by its missing counterpart. */
export function asIfMissing(body: unknown, pairs: Array<[string, string]>): unknown {
  let text = JSON.stringify(body);
  for (const [real, missing] of pairs) text = text.replaceAll(real, missing);
  return JSON.parse(text);
}
