/**
 * What the case screen sends with an action: the payload from what was typed (the one-time
 * notice's explanation composed from the verdicts when left empty), the verdicts of supplied
 * materials, and why an action cannot go yet.
 */
import type { TFunction } from 'i18next';
import type { ActBody, CaseAction, MaterialView, Verdicts } from '../../api/desk';
import { draftKey, type Drafts } from './ActionPanel';

/** "缺少：A、B；不符合要求：C（原因）" — what the applicant must still do, in one line. */
export function composeReturnReason(materials: MaterialView[], verdicts: Verdicts, t: TFunction): string {
  const missing = materials.filter((m) => m.files.length === 0 && m.status === 'missing').map((m) => m.name);
  const deficient = materials
    .filter((m) => m.files.length > 0 && verdicts[m.key]?.status === 'deficient')
    .map((m) => {
      const reason = verdicts[m.key]?.reason?.trim();
      return reason ? `${m.name}（${reason}）` : m.name;
    });
  const parts = [
    ...(missing.length > 0 ? [t('reasonMissing', { names: missing.join('、') })] : []),
    ...(deficient.length > 0 ? [t('reasonDeficient', { names: deficient.join('、') })] : []),
  ];
  return parts.length > 0 ? parts.join('；') : t('reasonDefault');
}

/** Verdicts on the materials that have files; on acceptance an unjudged one counts as 合格. */
export function verdictsToSend(action: CaseAction, materials: MaterialView[], verdicts: Verdicts): Verdicts {
  const supplied = materials.filter((m) => m.files.length > 0);
  const chosen = supplied.flatMap((m): Array<[string, Verdicts[string]]> => {
    const verdict = verdicts[m.key] ?? (action.name === 'accept' ? { status: 'ok' } : undefined);
    if (!verdict) return [];
    return [[m.key, verdict.status === 'deficient' ? { status: 'deficient', reason: verdict.reason?.trim() ?? '' } : { status: 'ok' }]];
  });
  return Object.fromEntries(chosen);
}

export function actBody(action: CaseAction, input: { drafts: Drafts; materials: MaterialView[]; verdicts: Verdicts; t: TFunction }): Omit<ActBody, 'version'> {
  const payload = Object.fromEntries(
    action.requires.map((field) => {
      const typed = (input.drafts[draftKey(action.name, field)] ?? '').trim();
      const value = typed === '' && action.name === 'return' && field === 'reason' ? composeReturnReason(input.materials, input.verdicts, input.t) : typed;
      return [field, value];
    }),
  );
  return {
    ...(action.requires.length > 0 ? { payload } : {}),
    ...(action.acceptsVerdicts ? { verdicts: verdictsToSend(action, input.materials, input.verdicts) } : {}),
  };
}

/** Why accept or return cannot go with these verdicts; undefined when it can. */
export function blockersFor(materials: MaterialView[], verdicts: Verdicts, t: TFunction): Record<string, string | undefined> {
  const hasDeficient = materials.some((m) => m.files.length > 0 && verdicts[m.key]?.status === 'deficient');
  const hasMissing = materials.some((m) => m.status === 'missing');
  const hasBlankReason = materials.some((m) => m.files.length > 0 && verdicts[m.key]?.status === 'deficient' && (verdicts[m.key]?.reason ?? '').trim() === '');
  return {
    accept: hasDeficient ? t('acceptBlockedDeficient') : hasMissing ? t('acceptBlockedMissing') : undefined,
    return: hasBlankReason ? t('returnNeedsReasons') : !hasDeficient && !hasMissing ? t('returnNeedsDeficiency') : undefined,
  };
}

/** The drafts of one action removed, after it went through. */
export function withoutDrafts(drafts: Drafts, action: string): Drafts {
  return Object.fromEntries(Object.entries(drafts).filter(([key]) => !key.startsWith(`${action}.`)));
}
