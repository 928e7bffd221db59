/**
 * What of 绵阳 must never show up in an answer to someone else: ids, numbers, content hashes
 * and zhangsan's form data; and, to callers of other platforms, the platform id itself.
 */
import type { Caller } from './callers.js';
import { MIANYANG, zhangsanData, type MianyangObjects } from './mianyang-objects.js';

/** The secrets a public answer (catalog, guide, API description) must not carry. */
export function caseSecrets(objects: MianyangObjects): string[] {
  return [
    objects.caseId,
    objects.caseNumber,
    objects.closedCaseId,
    objects.closedCaseNumber,
    objects.fileId,
    ...objects.taskIds,
    ...objects.messageIds,
    objects.draft.id,
    objects.draft.hash,
    objects.consultation.id,
    objects.consultation.question,
    objects.feedback.id,
    objects.feedback.text,
    objects.appeal.id,
    objects.appeal.reason,
    objects.replyText,
    objects.visitNote,
    zhangsanData.applicantName,
    zhangsanData.description,
    zhangsanData.certificateNo,
    'demo-zhangsan',
  ];
}

/** The secrets no answer to `caller` may carry. */
export function secretsFor(objects: MianyangObjects, caller: Caller): string[] {
  const secrets = [...caseSecrets(objects), ...objects.definitionHashes];
  return caller.platformId === MIANYANG ? secrets : [...secrets, `"${MIANYANG}"`, objects.ownItem.id];
}

/** The secrets found in `body`. */
export function leaksIn(body: unknown, secrets: string[]): string[] {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return secrets.filter((secret) => text.includes(secret));
}
