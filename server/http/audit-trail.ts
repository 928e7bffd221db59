/**
 * The audit trail of the HTTP API (goal E1): exactly one record for each call of a mutating
 * route (POST, PUT, DELETE) whatever its outcome, and for each denial (401, 403) on any /api
 * request, GETs included. Sign-in and sign-out are named actions (`auditAction` on the route).
 *
 * It sits in front of everything else under /api (anti-forgery check, body parsing, sessions,
 * routes), gives each request an id (answered as `X-Request-Id`), learns which route the router
 * will run, and writes the record when the answer is about to be sent: so refusals by the
 * anti-forgery check, bad JSON, upload limits and handler failures are recorded like successes.
 * If the record cannot be written the answer becomes a 500 (fail closed); the change the
 * request made may already be committed (goal E4 is not done: docs/security.md "Audit").
 */
import { randomUUID } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import type { Actor } from '../../engine/runtime/case.js';
import { appendAuditRecord, type AuditEntry } from '../../storage/audit-records.js';
import type { Services } from '../services.js';
import { sendProblem } from './problem-response.js';
import type { Route } from './route.js';

/** The header carrying the request id back to the caller. */
export const REQUEST_ID_HEADER = 'X-Request-Id';

declare module 'express-serve-static-core' {
  interface Locals {
    /** This request's id, also answered as X-Request-Id and stored with its audit record. */
    requestId?: string;
    /** What a handler adds to its audit record: facts, never bodies or personal data (route.ts). */
    auditDetail?: Record<string, unknown>;
    /** The account a request acted for when it had no session for it (a sign-in attempt). */
    auditActor?: Actor | null;
    auditRoute?: Route;
    auditParams?: Record<string, string>;
  }
}

/** Keys whose values never reach the trail, whatever a handler puts in its detail (goal E6). */
const SECRET_KEY = /pass|token|secret|otp|phone|mobile|idnumber|id_number|certificate|cookie/i;
const MAX_TEXT = 200;

/** A value fit for the trail: short text without NULs, secrets dropped, bounded depth. */
function clean(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') {
    const text = value.replace(/\u0000/g, '\uFFFD');
    return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
  }
  if (value === null || typeof value !== 'object') return typeof value === 'number' || typeof value === 'boolean' ? value : null;
  if (depth >= 4) return '…';
  if (Array.isArray(value)) return value.slice(0, 20).map((item) => clean(item, depth + 1));
  const entries = Object.entries(value as Record<string, unknown>)
    .slice(0, 30)
    .map(([key, item]) => [key, SECRET_KEY.test(key) ? '[removed]' : clean(item, depth + 1)]);
  return Object.fromEntries(entries);
}

const isDenial = (status: number) => status === 401 || status === 403;

function isAudited(req: Request, res: Response): boolean {
  if (!req.originalUrl.startsWith('/api')) return false;
  const route = res.locals.auditRoute;
  // A GET is audited when it names its action: exports that take personal data out (routes/exports.ts).
  return (route !== undefined && (route.method !== 'get' || route.auditAction !== undefined)) || isDenial(res.statusCode);
}

/** The record of the request as answered now. */
function entryOf(req: Request, res: Response, services: Services): AuditEntry {
  const route = res.locals.auditRoute;
  const actor = res.locals.auditActor === undefined ? req.actor : (res.locals.auditActor ?? undefined);
  const path = req.originalUrl.split('?')[0] as string;
  return {
    at: services.now().toISOString(),
    platformId: actor?.platformId ?? null,
    userId: actor?.id ?? null,
    roles: actor ? [...actor.roles] : [],
    action: route ? (route.auditAction ?? `${route.method.toUpperCase()} ${route.path}`) : (clean(`${req.method} ${path}`) as string),
    objectId: clean(res.locals.auditParams ?? {}) as Record<string, string>,
    result: res.statusCode < 400 ? 'success' : 'failure',
    status: res.statusCode,
    sourceIp: req.ip ?? null,
    requestId: res.locals.requestId as string,
    detail: clean(res.locals.auditDetail ?? {}) as Record<string, unknown>,
  };
}

/** Whether this request's record is written (or being written): shared by every layer of the hook. */
const recorded = new WeakSet<Response>();

/**
 * Holds the answer back until its record is stored; answers 500 instead when it cannot be.
 * Installed twice: in front of everything, and again after the session middleware, whose own
 * wrapper of `res.end` starts the answer (headers included) before saving the session. The
 * innermost layer records; the others pass through.
 */
function auditOnEnd(req: Request, res: Response, services: Services): void {
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  res.end = ((...args: unknown[]) => {
    if (recorded.has(res) || !isAudited(req, res)) return end(...args);
    recorded.add(res);
    appendAuditRecord(services.db, entryOf(req, res, services)).then(
      () => end(...args),
      (error: unknown) => {
        console.error(`[audit] request ${res.locals.requestId}: the audit record could not be written (${String((error as Error)?.message ?? error)}); answering 500`);
        if (res.headersSent) return end(...args);
        for (const header of ['content-length', 'content-type', 'etag', 'content-disposition']) res.removeHeader(header);
        sendProblem(res, new Error('audit record not written'));
        return res;
      },
    );
    return res;
  }) as Response['end'];
}

/** Mount right after the session middleware (and the signed-in actor): see {@link auditOnEnd}. */
export function auditAfterSession(services: Services) {
  return (req: Request, res: Response, next: () => void): void => {
    auditOnEnd(req, res, services);
    next();
  };
}

/**
 * Mount before anything else: the request id and the audit hook for every request, then which
 * route the router will run (the first that matches, as express picks it) and its parameters.
 */
export function auditTrail(routes: Route[], services: Services): Router {
  const router = express.Router();
  router.use((req, res, next) => {
    res.locals.requestId = randomUUID();
    res.setHeader(REQUEST_ID_HEADER, res.locals.requestId);
    auditOnEnd(req, res, services);
    next();
  });
  for (const route of routes) {
    router[route.method](route.path, (req, res, next) => {
      if (!res.locals.auditRoute) {
        res.locals.auditRoute = route;
        res.locals.auditParams = { ...(req.params as Record<string, string>) };
      }
      next();
    });
  }
  return router;
}
