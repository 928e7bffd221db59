/**
 * A route is a descriptor: method, path, who may call it, the schemas of what goes in and out,
 * and a handler. The router, the OpenAPI document and the access matrix all read the same
 * descriptors, so a route cannot exist without being described.
 */
import type { TSchema } from '@sinclair/typebox';
import type { Request, Response } from 'express';
import type { Role } from '../../engine/kinds/workflow.js';
import type { Actor } from '../../engine/runtime/case.js';
import type { Services } from '../services.js';
import type { IdempotencyPolicy } from './idempotency.js';

/** `public`: anyone, no session. A role list: a signed-in user holding one of the roles. */
export type Access = 'public' | 'signedIn' | Role[];

/**
 * What a handler sees. Every call of a mutating route and every denial is audited centrally
 * (http/audit-trail.ts); a handler adds facts to its record with
 * `res.locals.auditDetail = { … }` (an object: ids, counts, outcomes; never request bodies, ID
 * numbers, phones, passwords or tokens, goal E6).
 */
export interface RouteContext {
  req: Request;
  res: Response;
  services: Services;
  /** The signed-in user; undefined only on public routes. */
  actor: Actor | undefined;
}

export interface RouteResult {
  status?: number;
  body?: unknown;
  /** Raw responses (files, HTML) set headers and write themselves. */
  isRaw?: boolean;
}

export interface Route {
  method: 'get' | 'post' | 'put' | 'delete';
  /** Express path, e.g. /api/cases/:caseId */
  path: string;
  summary: string;
  /** The action the audit trail names instead of the route key "METHOD /path", e.g. `session.sign-in`. */
  auditAction?: string;
  tag: string;
  access: Access;
  /** JSON body schema; multipart routes describe their fields in `multipart`. */
  body?: TSchema;
  multipart?: {
    fields: Record<string, string>;
    files: string;
    /** One file of at most `maxMB`, read in memory as `req.file` (default: material files into the file store). */
    inMemory?: { maxMB: number; description: string };
  };
  /** The body as raw bytes (`req.body` is a Buffer) of at most `maxMB`, read after the access check; JSON parsing is skipped. */
  rawBody?: { maxMB: (services: Services) => number; description: string };
  query?: TSchema;
  /**
   * Honours an `Idempotency-Key` header (http/idempotency.ts): `required` refuses a request
   * without one. The handler must then record its response with `recordResponse` in the
   * transaction that makes the resource.
   */
  idempotency?: IdempotencyPolicy;
  /** Response schemas by status; problem responses are added for every route. */
  responses: Record<number, TSchema | { contentType: string; description: string }>;
  handler: (context: RouteContext) => Promise<RouteResult>;
  /**
   * Callable while the signed-in user's password has expired (who am I, change it, sign out);
   * every other non-public route then answers 403 `auth.password-expired`.
   */
  allowsExpiredPassword?: boolean;
}

export function defineRoute(route: Route): Route {
  return route;
}

/** The signed-in actor of a route whose access is not public. */
export function actorOf(context: RouteContext): Actor {
  if (context.actor === undefined) throw new Error(`route needs a signed-in actor`);
  return context.actor;
}
