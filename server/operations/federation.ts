/**
 * Federation: a platform on one deployment pulls its publisher's latest package over HTTP from
 * the publisher's deployment, verifies it, shows the diff and keeps it pending; importing the
 * pending package is a separate, deliberate step. Errors name the URL and what failed.
 */
import type { Actor } from '../../engine/runtime/case.js';
import { getFederationSource, getPulledPackage, markPulledImported, savePulledPackage, setFederationSource } from '../../storage/packages.js';
import { Failure } from '../http/failure.js';
import type { Services } from '../services.js';
import { importPackage, inspectPackage, type ImportResult, type Inspection } from './package-import.js';
import { sha256Hex } from './package-document.js';
import { applyPublisherRevocation } from './trusted-keys.js';

export async function setSource(services: Services, actor: Actor, input: { url: string }): Promise<{ url: string; setAt: string }> {
  let url: URL;
  try {
    url = new URL(input.url);
  } catch {
    url = new URL('invalid:');
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.username || url.password) {
    const message = `/url "${input.url}" is not an http(s) address of a deployment (e.g. https://ipsp.province.example); no user or password in it.`;
    throw new Failure('federation.url-invalid', message, [{ code: 'federation.url-invalid', path: '/url', message }]);
  }
  const normalized = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  const setAt = services.now().toISOString();
  await setFederationSource(services.db.knex, { platformId: actor.platformId, url: normalized, setBy: actor.id, setAt });
  return { url: normalized, setAt };
}

export async function getSource(services: Services, actor: Actor): Promise<{ url: string | null; setAt: string | null }> {
  const source = await getFederationSource(services.db.knex, actor.platformId);
  return { url: source?.url ?? null, setAt: source?.setAt ?? null };
}

/** GETs `url` with the configured timeout and size limit; the body as text. */
async function fetchText(services: Services, url: string): Promise<string> {
  const maxBytes = services.config.packageMaxMB * 1024 * 1024;
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(services.config.federationTimeoutMs), headers: { accept: 'application/json' }, redirect: 'error' });
  } catch (error) {
    const e = error as Error & { cause?: { code?: string; message?: string } };
    const why = e.name === 'TimeoutError' ? `no answer within ${services.config.federationTimeoutMs} ms` : (e.cause?.code ?? e.cause?.message ?? e.message);
    throw new Failure('federation.unreachable', `${url} is unreachable: ${why}. Check the source URL (PUT /api/federation/source) and that the deployment is up.`);
  }
  if (response.status !== 200) {
    // Only another deployment's own problem+json is quoted: echoing an arbitrary answer would let
    // the source URL be used to read whatever a host inside the network says.
    const isProblem = (response.headers.get('content-type') ?? '').startsWith('application/problem+json');
    const detail = isProblem ? await response.json().then((p) => String((p as { detail?: unknown }).detail ?? '').slice(0, 300), () => '') : '';
    throw new Failure('federation.http-status', `${url} answered HTTP ${response.status}${detail ? `: ${detail}` : ''}.`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += (chunk as Uint8Array).length;
    if (size > maxBytes) throw new Failure('federation.too-large', `${url} sent more than ${services.config.packageMaxMB} MB; a package is smaller. Raise PACKAGE_MAX_MB if this one is real.`);
    chunks.push(Buffer.from(chunk as Uint8Array));
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The source's revocation of the key, if it announces one (an unreadable key list is no news). */
async function learnRevocation(services: Services, actor: Actor, input: { source: string; keyId: string }): Promise<void> {
  let keys: Array<{ keyId?: string; status?: string; revokedAt?: string | null; revokedReason?: string | null }> = [];
  try {
    keys = (JSON.parse(await fetchText(services, `${input.source}/api/network/keys`)) as { keys?: typeof keys }).keys ?? [];
  } catch {
    return;
  }
  const announced = keys.find((k) => k.keyId === input.keyId && k.status === 'revoked');
  if (announced) await applyPublisherRevocation(services, actor, { keyId: input.keyId, revokedAt: announced.revokedAt ?? null, reason: announced.revokedReason ?? null });
}

/**
 * Pulls the source's latest package, verifies and inspects it, and keeps it pending import.
 *
 * @example
 * const { packageHash, entries } = await pull(services, cityAdmin); // then importPulled(…, { packageHash })
 */
export async function pull(services: Services, actor: Actor): Promise<Inspection & { source: string; pulledAt: string }> {
  const source = await getFederationSource(services.db.knex, actor.platformId);
  if (!source) throw new Failure('federation.no-source', 'No federation source is set for this platform: PUT /api/federation/source { "url": "https://…" } first.');
  const url = `${source.url}/api/network/packages/latest`;
  const text = await fetchText(services, url);
  const keyId = /"keyId"\s*:\s*"([^"]{1,64})"/.exec(text)?.[1];
  if (keyId) await learnRevocation(services, actor, { source: source.url, keyId });
  let inspection: Inspection;
  try {
    inspection = await inspectPackage(services, actor, text);
  } catch (error) {
    if (!(error instanceof Failure)) throw error;
    const isPackage = !['package.not-json', 'package.format'].includes(error.code);
    const code = isPackage ? error.code : 'federation.not-a-package';
    throw new Failure(code, `${url}: ${isPackage ? '' : 'not a package. '}${error.message}`, error.problems);
  }
  const pulledAt = services.now().toISOString();
  await savePulledPackage(services.db.knex, { platformId: actor.platformId, hash: sha256Hex(text), sourceUrl: url, content: text, pulledAt });
  return { ...inspection, source: url, pulledAt };
}

/** Imports a package pulled earlier, by its hash (verified again). */
export async function importPulled(services: Services, actor: Actor, input: { packageHash: string }): Promise<ImportResult> {
  const pending = await getPulledPackage(services.db.knex, { platformId: actor.platformId, hash: input.packageHash });
  if (!pending) throw new Failure('federation.pull-not-found', `No pulled package with hash ${input.packageHash} for this platform; POST /api/federation/pull first and import the packageHash it answers.`);
  const result = await importPackage(services, actor, { text: pending.content });
  await markPulledImported(services.db.knex, { platformId: actor.platformId, hash: input.packageHash, at: services.now().toISOString() });
  return result;
}
