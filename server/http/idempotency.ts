/**
 * Idempotent POSTs (IETF draft-ietf-httpapi-idempotency-key-header-07). A client sends
 * `Idempotency-Key: "<16–255 printable characters>"` and may resend the same request until it
 * hears an answer:
 *
 * - the first request to complete records its response under (platform, user, key) in the
 *   same transaction as what it made (`recordResponse`), and sends exactly those bytes;
 * - the same key and the same request after that: the recorded status and body, byte for
 *   byte, with `Idempotent-Replayed: true`;
 * - the same key while a request with it is still running in this process: 409;
 * - the same key with a different request (method, path, fields or file digests): 422;
 * - a failed request records nothing, so retrying it runs it again.
 *
 * Routes opt in with `idempotency: 'required' | 'optional'` on their descriptor; a required key
 * that is missing answers 400.
 */
import type { NextFunction, Request, Response } from 'express';
import type { Knex } from 'knex';
import { contentHash } from '../../storage/canonical-json.js';
import { findIdempotencyRecord, insertIdempotencyRecord, type IdempotencyScope } from '../../storage/idempotency-keys.js';
import type { Services } from '../services.js';
import { Failure } from './failure.js';
import { sendProblem } from './problem-response.js';

/** Whether a route needs a key (`required`) or honours one when sent (`optional`). */
export type IdempotencyPolicy = 'required' | 'optional';

/** A request carrying a key: whose, what it asks, and the response once recorded. */
export interface IdempotencyClaim {
  scope: IdempotencyScope;
  /** Set by the router once uploads are read. */
  fingerprint?: string;
  recorded?: { status: number; text: string };
}

declare module 'express-serve-static-core' {
  interface Request {
    /** The Idempotency-Key of this request and what became of it; undefined without a key. */
    idempotency?: IdempotencyClaim;
  }
}

const HEADER = 'idempotency-key';
const PATH = `/headers/${HEADER}`;
/** How long a completed key is kept (and replayed); the worker deletes older ones. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 3600_000;

function invalid(message: string): Failure {
  return new Failure('request.idempotency-key-invalid', message, [{ code: 'request.idempotency-key-invalid', path: PATH, message }]);
}

/**
 * The key of a header value: a structured-field string (`"…"`, as the draft defines it) or,
 * for clients that send it bare, a token without spaces, quotes or commas. Throws a 400 problem
 * at `/headers/idempotency-key` for anything else, or a length outside 16–255.
 */
export function parseIdempotencyKey(raw: string): string {
  const quoted = /^"((?:[^"\\]|\\["\\])*)"$/.exec(raw.trim());
  const key = quoted ? (quoted[1] as string).replace(/\\(["\\])/g, '$1') : raw.trim();
  const isWellFormed = /^[\x20-\x7e]*$/.test(key) && (quoted !== null || !/[\s",\\]/.test(key));
  if (!isWellFormed) {
    throw invalid('Idempotency-Key 须为可打印 ASCII 字符串，如 "8e03978e-40d5-43e8-bc93-6894a57f9324"。The Idempotency-Key header must be a string of printable ASCII characters, e.g. "8e03978e-40d5-43e8-bc93-6894a57f9324".');
  }
  if (key.length < 16 || key.length > 255) {
    throw invalid(`Idempotency-Key 长度须在 16 至 255 个字符之间（现为 ${key.length} 个）；请用 crypto.randomUUID() 生成。The Idempotency-Key must be 16 to 255 characters long (it has ${key.length}); generate one with crypto.randomUUID().`);
  }
  return key;
}

const inFlightByServices = new WeakMap<Services, Set<string>>();

function inFlightOf(services: Services): Set<string> {
  let set = inFlightByServices.get(services);
  if (!set) inFlightByServices.set(services, (set = new Set()));
  return set;
}

const scopeText = (scope: IdempotencyScope) => JSON.stringify([scope.platformId, scope.userId, scope.key]);

/** Whether a request with this key is running in this server now (tests wait on it). */
export function isIdempotencyKeyInFlight(services: Services, scope: IdempotencyScope): boolean {
  return inFlightOf(services).has(scopeText(scope));
}

/**
 * The step before uploads are read: checks the key, refuses a second request with the same key
 * while the first runs (409, before its files are stored), and claims the key until the
 * response is finished. Requests without a signed-in user pass on to be refused by access.
 */
export function idempotencyStep(policy: IdempotencyPolicy, services: Services) {
  return (req: Request, res: Response, next: NextFunction): void => {
    try {
      const raw = req.headers[HEADER];
      if (!req.actor) return next();
      if (raw === undefined) {
        if (policy === 'optional') return next();
        const message = '请求须带 Idempotency-Key 请求头（每次提交生成一个，重试时沿用）。Send an Idempotency-Key header: a new one per submission, the same one on every retry of it.';
        throw new Failure('request.idempotency-key-missing', message, [{ code: 'request.idempotency-key-missing', path: PATH, message }]);
      }
      const scope = { platformId: req.actor.platformId, userId: req.actor.id, key: parseIdempotencyKey(Array.isArray(raw) ? raw.join(', ') : raw) };
      const running = inFlightOf(services);
      const text = scopeText(scope);
      if (running.has(text)) {
        throw new Failure('idempotency.in-flight', '使用该 Idempotency-Key 的请求正在处理中，请稍后用同一个键重试。A request with this Idempotency-Key is still being processed; retry with the same key shortly.');
      }
      running.add(text);
      res.once('close', () => running.delete(text));
      req.idempotency = { scope };
      next();
    } catch (error) {
      sendProblem(res, error);
    }
  };
}

/** The fingerprint of a request: method, path, body fields and the digests of its files. */
function fingerprintOf(req: Request): string {
  const files = Object.entries(req.materialFiles ?? {}).flatMap(([field, refs]) => refs.map((f) => ({ field, name: f.name, size: f.size, sha256: f.sha256, mediaType: f.mediaType })));
  const upload = req.uploadedFile;
  if (upload) files.push({ field: 'file', name: upload.name, size: upload.size, sha256: upload.sha256, mediaType: upload.mediaType });
  const isMultipart = Boolean(req.is('multipart/form-data'));
  // Sorted: what the request holds counts, not the order its files finished storing in.
  const fileTexts = files.map((f) => contentHash(f)).sort();
  return contentHash({ method: req.method, path: req.baseUrl + req.path, isMultipart, body: { ...((req.body as object | undefined) ?? {}) }, files: fileTexts });
}

/** Writes a recorded response: the same bytes the first time and on every replay. */
function sendRecorded(res: Response, recorded: { status: number; text: string }, isReplay: boolean): void {
  if (isReplay) res.setHeader('Idempotent-Replayed', 'true');
  res.status(recorded.status).type('application/json').send(recorded.text);
}

/**
 * Answers from the record of an earlier request with the same key, if one completed: its
 * response (same request) or a 422 (different request). True when it answered.
 */
export async function answerFromRecord(req: Request, res: Response, services: Services): Promise<boolean> {
  const claim = req.idempotency;
  if (!claim) return false;
  claim.fingerprint ??= fingerprintOf(req);
  const record = await findIdempotencyRecord(services.db.knex, claim.scope);
  if (!record) return false;
  if (record.fingerprint !== claim.fingerprint) {
    throw new Failure(
      'idempotency.key-reused',
      `该 Idempotency-Key 已用于另一请求（${record.request}），请为新的提交生成新的键。This Idempotency-Key was already used for a different request (${record.request}); generate a new key for a new submission.`,
      [{ code: 'idempotency.key-reused', path: PATH, message: 'The key belongs to a request with other content.' }],
    );
  }
  sendRecorded(res, { status: record.status, text: record.response }, true);
  return true;
}

/**
 * Records a route's response under the request's key in `tx`, the transaction that made
 * `resourceId`, so the two commit together or not at all. Without a key it only serializes.
 */
export async function recordResponse(req: Request, tx: Knex.Transaction, response: { status: number; body: unknown; resourceId: string; now: string }): Promise<void> {
  const claim = req.idempotency;
  if (!claim) return;
  const text = JSON.stringify(response.body);
  await insertIdempotencyRecord(tx, {
    ...claim.scope,
    fingerprint: claim.fingerprint ?? fingerprintOf(req),
    request: `${req.method} ${req.baseUrl + req.path}`,
    resourceId: response.resourceId,
    status: response.status,
    response: text,
    createdAt: response.now,
  });
  claim.recorded = { status: response.status, text };
}

/**
 * Sends the recorded response of a keyed request; true when it did. A keyed route that
 * succeeded without recording is a bug in the route and fails loudly.
 */
export function sendIfRecorded(req: Request, res: Response, result: { status?: number }): boolean {
  const claim = req.idempotency;
  if (!claim) return false;
  if (claim.recorded) {
    sendRecorded(res, claim.recorded, false);
    return true;
  }
  if ((result.status ?? 200) < 300) throw new Error(`${req.method} ${req.path} takes an Idempotency-Key but did not record its response (recordResponse).`);
  return false;
}

/**
 * After a handler failed because a parallel request with the same key committed first
 * (storage code `idempotency.recorded`, its own transaction rolled back): answers that
 * request's recorded response, or its 422. True when it answered.
 */
export async function answeredAfterRace(req: Request, res: Response, services: Services, error: unknown): Promise<boolean> {
  if ((error as { code?: string }).code !== 'idempotency.recorded' || res.headersSent) return false;
  try {
    return await answerFromRecord(req, res, services);
  } catch (failure) {
    sendProblem(res, failure);
    return true;
  }
}
