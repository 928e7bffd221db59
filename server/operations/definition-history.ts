/**
 * A definition's history for the designer: what changed between two visible versions, and
 * rolling back, i.e. making an earlier version's body the platform's next draft. Both see
 * exactly what GET /api/definitions/:kind/:id shows the caller, so another platform's
 * versions answer like a missing id.
 */
import { diffDocuments, type Change } from '../../engine/load/index.js';
import type { Problem } from '../../engine/problem.js';
import type { Actor } from '../../engine/runtime/case.js';
import { Failure } from '../http/failure.js';
import type { Services } from '../services.js';
import { getDefinitionVersions, saveDefinitionDraft, type DefinitionSummary } from './manage-definitions.js';
import { lineageOf } from './visible-definitions.js';

/**
 * One version as the caller names it: a published (or retired) version number, or the
 * platform's own draft. `owner` picks whose version when the platform and an ancestor both
 * have that number (a localized item); without it the nearest platform's wins.
 */
export interface VersionRef {
  version: number | 'draft';
  owner?: string;
}

type VisibleVersion = DefinitionSummary & { body: unknown };

/** Where a version sits in a diff answer. */
export interface VersionPoint {
  platformId: string;
  version: number;
  status: string;
}

/** Parses a query value: a positive integer, or "draft" where a draft may be named. */
export function parseVersionRef(input: { value: unknown; owner: unknown; name: string; mayBeDraft: boolean }): VersionRef {
  const owner = typeof input.owner === 'string' && input.owner !== '' ? { owner: input.owner } : {};
  if (input.mayBeDraft && input.value === 'draft') return { version: 'draft', ...owner };
  if (typeof input.value === 'string' && /^[1-9][0-9]{0,8}$/.test(input.value)) return { version: Number(input.value), ...owner };
  const expected = input.mayBeDraft ? 'a version number or "draft"' : 'a version number';
  const problem: Problem = { code: 'request.version-invalid', path: `/${input.name}`, message: `${input.name} must be ${expected}, e.g. ${input.name}=1.` };
  throw Failure.fromProblems([problem]);
}

function pickVersion(versions: VisibleVersion[], lineage: string[], ref: VersionRef): VisibleVersion {
  // The only draft a caller sees is its own platform's.
  const candidates =
    ref.version === 'draft'
      ? versions.filter((v) => v.status === 'draft')
      : versions.filter((v) => v.status !== 'draft' && v.version === ref.version && (ref.owner === undefined || v.platformId === ref.owner));
  const nearest = lineage.map((platformId) => candidates.find((v) => v.platformId === platformId)).find((v) => v !== undefined);
  if (nearest === undefined) {
    const { kind, id } = versions[0]!;
    const which = ref.version === 'draft' ? 'no draft' : `no version ${ref.version}${ref.owner ? ` of platform "${ref.owner}"` : ''}`;
    throw new Failure('definition.version-not-found', `${kind} "${id}" has ${which} you can see.`);
  }
  return nearest;
}

const pointOf = (v: VisibleVersion): VersionPoint => ({ platformId: v.platformId, version: v.version, status: v.status });

/** The changes from one visible version of a definition to another. */
export async function diffDefinitionVersions(
  services: Services,
  actor: Actor,
  input: { kind: string; id: string; from: VersionRef; to: VersionRef },
): Promise<{ from: VersionPoint; to: VersionPoint; changes: Change[] }> {
  const versions = await getDefinitionVersions(services, actor, input);
  const lineage = await lineageOf(services, actor.platformId);
  const from = pickVersion(versions, lineage, input.from);
  const to = pickVersion(versions, lineage, input.to);
  return { from: pointOf(from), to: pointOf(to), changes: diffDocuments(from.body, to.body) };
}

/**
 * Makes a visible published (or retired) version's body the platform's draft, numbered next
 * like any draft. Rolling back to an inherited version localizes it: the draft is checked
 * against the locks of what the platform inherits, as any save is.
 */
export async function rollbackDefinition(
  services: Services,
  actor: Actor,
  input: { kind: string; id: string; to: { version: number; owner?: string } },
): ReturnType<typeof saveDefinitionDraft> {
  const versions = await getDefinitionVersions(services, actor, input);
  const lineage = await lineageOf(services, actor.platformId);
  const chosen = pickVersion(versions, lineage, input.to);
  return saveDefinitionDraft(services, actor, { kind: input.kind, id: input.id, doc: chosen.body });
}
