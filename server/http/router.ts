/**
 * Mounts route descriptors on express: resolves the actor, enforces access (deny by default),
 * runs body parsing or uploads, calls the handler and writes JSON or a problem.
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Actor } from '../../engine/runtime/case.js';
import type { Services } from '../services.js';
import { Failure } from './failure.js';
import { answeredAfterRace, answerFromRecord, idempotencyStep, sendIfRecorded } from './idempotency.js';
import { sendProblem } from './problem-response.js';
import type { Route } from './route.js';
import { refuseUndeclaredFields, validateBody } from './validate-body.js';
import { memoryUpload, uploadMiddleware } from './uploads.js';

declare module 'express-serve-static-core' {
  interface Request {
    actor?: Actor;
    /** The signed-in user must change their password first (expired or one-time); set in app.ts. */
    isPasswordExpired?: boolean;
  }
}

function checkAccess(route: Route, actor: Actor | undefined, isPasswordExpired = false): void {
  if (route.access === 'public') return;
  if (!actor) throw new Failure('auth.required', '请先登录。Sign in first.');
  if (isPasswordExpired && !route.allowsExpiredPassword) {
    throw new Failure('auth.password-expired', '密码已过期或须首次修改：请先修改密码（POST /api/session/password）。The password has expired or must be changed first: change it (POST /api/session/password).');
  }
  if (route.access === 'signedIn') return;
  if (!route.access.some((role) => actor.roles.includes(role))) {
    throw new Failure('auth.forbidden', `This needs one of the roles: ${route.access.join(', ')}.`);
  }
}

function handle(route: Route, services: Services) {
  return async (req: Request, res: Response): Promise<void> => {
    try {
      checkAccess(route, req.actor, req.isPasswordExpired);
      const isMultipart = Boolean(route.multipart && req.is('multipart/form-data'));
      refuseUndeclaredFields(route, { body: req.body, isMultipart });
      // Multipart sent to a JSON-only route is checked as a (missing) JSON body, not waved through.
      if (route.body && !isMultipart) validateBody(route.body, req.body);
      if (route.idempotency && (await answerFromRecord(req, res, services))) return;
      const result = await route.handler({ req, res, services, actor: req.actor });
      if (result.isRaw || sendIfRecorded(req, res, result)) return;
      if (result.body === undefined) res.status(result.status ?? 204).end();
      else res.status(result.status ?? 200).json(result.body);
    } catch (error) {
      // A parallel request with the same key committed first: answer what it recorded.
      if (!(await answeredAfterRace(req, res, services, error))) sendProblem(res, error);
    }
  };
}

/** The access check, then the body read raw up to the route's limit (so strangers cannot make the server buffer). */
function rawBodySteps(route: Route, services: Services): Array<(req: Request, res: Response, next: NextFunction) => void> {
  const maxMB = route.rawBody?.maxMB(services) ?? 1;
  const read = express.raw({ type: () => true, limit: `${maxMB}mb` });
  return [
    (req, res, next) => {
      try {
        checkAccess(route, req.actor, req.isPasswordExpired);
        read(req, res, (error?: unknown) => {
          if (!error) return next();
          const isTooLarge = (error as { type?: string }).type === 'entity.too.large';
          sendProblem(res, isTooLarge ? new Failure('payload.too-large', `The body is larger than ${maxMB} MB (PACKAGE_MAX_MB).`) : error);
        });
      } catch (error) {
        sendProblem(res, error);
      }
    },
  ];
}

export function mountRoutes(routes: Route[], services: Services): Router {
  const router = express.Router();
  for (const route of routes) {
    const steps: Array<(req: Request, res: Response, next: NextFunction) => void> = [];
    if (route.multipart) {
      // Uploads stream to the file store only for callers who passed the access check.
      steps.push((req, res, next) => {
        try {
          checkAccess(route, req.actor, req.isPasswordExpired);
          next();
        } catch (error) {
          sendProblem(res, error);
        }
      });
      // The key is claimed before the uploads are read, so a duplicate stores nothing.
      if (route.idempotency) steps.push(idempotencyStep(route.idempotency, services));
      const { files, inMemory } = route.multipart;
      steps.push(inMemory ? memoryUpload(files, inMemory.maxMB) : uploadMiddleware(services, files === 'file' ? 'file' : 'materials'));
    } else if (route.idempotency) {
      steps.push(idempotencyStep(route.idempotency, services));
    }
    if (route.rawBody) steps.push(...rawBodySteps(route, services));
    router[route.method](route.path, ...steps, handle(route, services));
  }
  return router;
}
