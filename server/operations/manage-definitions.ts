/**
 * Definition management for platform and province admins: validate, save drafts, publish a
 * set all-or-nothing, list and read. Shape problems refuse a save; name and semantic problems
 * are returned with the saved draft so the designer can show them, and refuse a publish.
 */
import { isKindName } from '../../engine/kinds/index.js';
import { loadDefinitions, validateShape } from '../../engine/load/index.js';
import type { Problem } from '../../engine/problem.js';
import type { Actor } from '../../engine/runtime/case.js';
import {
  listDefinitions,
  publishSet,
  saveDraft,
  type DefinitionBody,
  type DefinitionRecord,
} from '../../storage/definitions.js';
import { Failure } from '../http/failure.js';
import type { Services } from '../services.js';
import { adoptionProblems, pinAdoptions } from './adoption-problems.js';
import { lineageOf, recordKey, sourceOf, visibleDefinitions } from './visible-definitions.js';

export interface DefinitionSummary {
  platformId: string;
  kind: string;
  id: string;
  version: number;
  status: string;
  title: unknown;
  hash: string;
  publishedAt: string | null;
  isInherited: boolean;
}

export function summarize(record: DefinitionRecord, actor: Actor): DefinitionSummary {
  return {
    platformId: record.platformId,
    kind: record.kind,
    id: record.defId,
    version: record.version,
    status: record.status,
    title: record.body.title,
    hash: record.hash,
    publishedAt: record.publishedAt,
    isInherited: record.platformId !== actor.platformId,
  };
}

/**
 * Problems of `docs` loaded on top of what the platform already has (docs win on kind/id),
 * and of the items among them that localize an inherited one without respecting its locks.
 */
export async function candidateProblems(services: Services, platformId: string, docs: Array<{ file: string; doc: unknown }>): Promise<Problem[]> {
  const { records: published } = await visibleDefinitions(services, platformId);
  const overridden = new Set(docs.map(({ doc }) => keyOfDoc(doc)));
  const base = [...published.values()]
    .filter((r) => !overridden.has(recordKey(r.kind, r.defId)))
    .map((r) => ({ file: sourceOf(r), doc: r.body as unknown }));
  const result = loadDefinitions([...base, ...docs]);
  const adoption = await adoptionProblems(services, platformId, docs);
  return [...(result.ok ? [] : result.problems), ...adoption];
}

function keyOfDoc(doc: unknown): string {
  const d = doc as { kind?: unknown; id?: unknown };
  return recordKey(String(d?.kind), String(d?.id));
}

/** Validates documents against the platform's definitions without saving anything. */
export async function validateDefinitions(services: Services, actor: Actor, docs: unknown[]): Promise<Problem[]> {
  const inputs = docs.map((doc, index) => ({ file: `request#/definitions/${index}`, doc }));
  const shape = inputs.flatMap(({ file, doc }) => validateShape(doc, file));
  if (shape.length > 0) return shape;
  return candidateProblems(services, actor.platformId, inputs);
}

/** Saves a draft; refuses a shape-invalid one; returns the draft and the problems that would block publishing. */
export async function saveDefinitionDraft(
  services: Services,
  actor: Actor,
  input: { kind: string; id: string; doc: unknown },
): Promise<{ draft: DefinitionSummary; problems: Problem[] }> {
  if (!isKindName(input.kind)) throw new Failure('request.kind-unknown', `There is no definition kind "${input.kind}".`);
  const doc = input.doc as { kind?: unknown; id?: unknown };
  const mismatch: Problem[] = [];
  if (doc?.kind !== input.kind) mismatch.push({ code: 'request.kind-mismatch', path: '/kind', message: `The document's kind must be "${input.kind}" as in the URL.` });
  if (doc?.id !== input.id) mismatch.push({ code: 'request.id-mismatch', path: '/id', message: `The document's id must be "${input.id}" as in the URL.` });
  if (mismatch.length > 0) throw Failure.fromProblems(mismatch);
  const shape = validateShape({ ...doc, version: 1 }, `${input.kind}/${input.id}`);
  if (shape.length > 0) throw Failure.fromProblems(shape, `${input.kind} "${input.id}" does not match its schema; nothing was saved.`);
  // An inherited item saved without `extends` is adopted at the latest version of the platform above.
  const [body] = await pinAdoptions(services, actor.platformId, [input.doc as DefinitionBody]);
  const record = await saveDraft(services.db.knex, {
    platformId: actor.platformId,
    kind: input.kind,
    body: body!,
    by: actor.id,
    at: services.now().toISOString(),
  });
  const drafts = await listDefinitions(services.db.knex, { platformIds: [actor.platformId], status: 'draft' });
  const problems = await candidateProblems(services, actor.platformId, drafts.map((r) => ({ file: sourceOf(r), doc: r.body })));
  return { draft: summarize(record, actor), problems };
}

/**
 * Publishes drafts of the actor's platform as one set: all or nothing. Without `refs`, every
 * draft of the platform.
 */
export async function publishDefinitions(
  services: Services,
  actor: Actor,
  refs?: Array<{ kind: string; id: string }>,
): Promise<Array<{ kind: string; id: string; version: number; hash: string }>> {
  const db = services.db.knex;
  const drafts = await pinDrafts(services, actor, await listDefinitions(db, { platformIds: [actor.platformId], status: 'draft' }));
  const wanted = refs ?? drafts.map((r) => ({ kind: r.kind, id: r.defId }));
  if (wanted.length === 0) throw new Failure('definition.no-drafts', 'There are no drafts to publish.');
  const checked = new Map<string, string>();
  for (const ref of wanted) {
    const draft = drafts.find((d) => d.kind === ref.kind && d.defId === ref.id);
    if (!draft) throw new Failure('definition.draft-not-found', `${ref.kind} "${ref.id}" has no draft to publish; save it first.`);
    checked.set(recordKey(draft.kind, draft.defId), draft.hash);
  }
  const toCheck = drafts.filter((d) => checked.has(recordKey(d.kind, d.defId)));
  const problems = await candidateProblems(services, actor.platformId, toCheck.map((r) => ({ file: sourceOf(r), doc: r.body })));
  if (problems.length > 0) throw Failure.fromProblems(problems, 'Nothing was published: the definitions have problems.');
  // The check ran outside the write transaction (on SQLite it may not read through another
  // connection); inside it, refuse if any draft changed since it was checked.
  const published = await services.db.transaction((tx) =>
    publishSet(tx, {
      platformId: actor.platformId,
      items: wanted.map((r) => ({ kind: r.kind, defId: r.id })),
      at: services.now().toISOString(),
      check: (current) =>
        current
          .filter((d) => checked.get(recordKey(d.kind, d.defId)) !== d.hash)
          .map((d) => ({
            code: 'definition.draft-changed',
            path: '',
            file: sourceOf(d),
            message: `${d.kind} "${d.defId}" changed while it was being published; publish again.`,
          })),
    }),
  ).catch((error: unknown) => {
    const e = error as { code?: string; details?: { problems?: Problem[] } };
    if (e.code === 'definition.publish-rejected') {
      throw Failure.fromProblems(e.details?.problems ?? [], 'Nothing was published: a draft changed meanwhile.');
    }
    throw error;
  });
  return published.map((p) => ({ kind: p.kind, id: p.defId, version: p.version, hash: p.hash }));
}

/** Drafts saved before items named their `extends` get it now, so what is published says what it was made from. */
async function pinDrafts(services: Services, actor: Actor, drafts: DefinitionRecord[]): Promise<DefinitionRecord[]> {
  const pinned = await pinAdoptions(services, actor.platformId, drafts.map((d) => d.body));
  return Promise.all(
    drafts.map((draft, index) =>
      pinned[index] === draft.body
        ? draft
        : saveDraft(services.db.knex, { platformId: actor.platformId, kind: draft.kind, body: pinned[index]!, by: draft.createdBy ?? actor.id, at: draft.createdAt }),
    ),
  );
}

/** The platform's own definitions (every status) and the published ones it inherits. */
export async function listDefinitionsFor(
  services: Services,
  actor: Actor,
  filter: { kind?: string; status?: 'draft' | 'published' | 'retired' },
): Promise<DefinitionSummary[]> {
  const lineage = await lineageOf(services, actor.platformId);
  const own = await listDefinitions(services.db.knex, { platformIds: [actor.platformId], ...filter });
  const inherited = filter.status && filter.status !== 'published' ? [] : await listDefinitions(services.db.knex, {
    platformIds: lineage.slice(1),
    status: 'published',
    ...(filter.kind ? { kind: filter.kind } : {}),
  });
  return [...own, ...inherited].map((r) => summarize(r, actor));
}

/** One definition's versions visible to the actor, with bodies. */
export async function getDefinitionVersions(
  services: Services,
  actor: Actor,
  input: { kind: string; id: string },
): Promise<Array<DefinitionSummary & { body: unknown }>> {
  const lineage = await lineageOf(services, actor.platformId);
  const records = await listDefinitions(services.db.knex, { platformIds: lineage, kind: input.kind });
  const visible = records.filter((r) => r.defId === input.id && (r.platformId === actor.platformId || r.status !== 'draft'));
  if (visible.length === 0) throw Failure.notFound(input.kind, input.id);
  return visible.map((r) => ({ ...summarize(r, actor), body: r.body }));
}
