/**
 * The HTTP application: sessions, the signed-in actor, the API routes, problem responses for
 * anything unmatched, and the built front end (dist/designer) with its client-side routes.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express, type Request, type Response } from 'express';
import session from 'express-session';
import { auditAfterSession, auditTrail } from './http/audit-trail.js';
import { csrfProtection } from './http/csrf.js';
import { Failure } from './http/failure.js';
import { noStore, securityHeaders } from './http/security-headers.js';
import { sendProblem } from './http/problem-response.js';
import { mountRoutes } from './http/router.js';
import { DatabaseSessionStore } from './http/session-store.js';
import { passwordStateOf } from './operations/password-rules.js';
import { actorFromUser, sessionUser } from './operations/sign-in.js';
import { routes } from './routes/index.js';
import type { Services } from './services.js';
import { designerDistDir } from './paths.js';


const frontEndIndex = join(designerDistDir, 'index.html');

/** Any other GET is a client-side route of the front end: answer its index page. */
function frontEnd(_req: Request, res: Response): void {
  if (existsSync(frontEndIndex)) {
    res.sendFile(frontEndIndex, { headers: { 'cache-control': 'no-cache' } });
    return;
  }
  res
    .status(503)
    .type('text/plain; charset=utf-8')
    .send('前端尚未构建：请运行 make run 或 npm run build:designer。\nThe front end is not built: run `make run` or `npm run build:designer`.\n');
}

/** The JSON body parser's refusals as problems at the body (they carry no code of ours). */
function bodyParserFailure(error: unknown): Failure | undefined {
  const type = (error as { type?: unknown } | null)?.type;
  const failure =
    error instanceof SyntaxError && 'body' in error
      ? new Failure('request.json', '请求体不是有效的 JSON。The request body is not valid JSON.')
      : type === 'entity.too.large'
        ? new Failure('payload.too-large', '请求体过大。The request body is too large.')
        : typeof type === 'string' && type.startsWith('encoding.') || type === 'charset.unsupported'
          ? new Failure('request.encoding', '请求体的编码不受支持。The request body\'s encoding is not supported.')
          : undefined;
  return failure && new Failure(failure.code, failure.message, [{ code: failure.code, path: '', message: failure.message }]);
}

export function createApp(services: Services): Express {
  const app = express();
  const { config } = services;
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  // The header baseline on every answer, whatever answers it (goal C10).
  app.use(securityHeaders(config));
  app.use('/api', noStore);
  // First of all: every refusal below (forgery, bad JSON, access, handler) is audited too.
  app.use(auditTrail(routes, services));
  // Before body parsing and sessions: a refused forgery reads no body and touches no session.
  app.use('/api', csrfProtection(config));
  // Routes that read their body raw (a package verified byte for byte) skip JSON parsing.
  const rawPaths = new Set(routes.filter((r) => r.rawBody).map((r) => r.path));
  const isJsonBody = (req: Request) => !rawPaths.has(req.originalUrl.split('?')[0] as string) && Boolean(req.is(['application/json', 'application/*+json']));
  app.use('/api', express.json({ limit: '2mb', type: (req) => isJsonBody(req as Request) }));
  const sessionStore = new DatabaseSessionStore(services.db, services.now, config.sessionIdleMinutes);
  app.use(
    '/api',
    session({
      name: 'ipsp.sid',
      secret: config.sessionSecret,
      store: sessionStore,
      resave: false,
      saveUninitialized: false,
      rolling: true,
      cookie: { httpOnly: true, sameSite: 'lax', secure: config.isProduction, maxAge: config.sessionIdleMinutes * 60_000 },
    }),
  );
  app.use('/api', async (req, _res, next) => {
    try {
      const signedInAt = req.session.signedInAt ? Date.parse(req.session.signedInAt) : NaN;
      // Absolute timeout: at 12 hours after sign-in the session ends however active, its row deleted.
      if (Number.isFinite(signedInAt) && services.now().getTime() - signedInAt >= config.sessionAbsoluteHours * 3600_000) {
        await new Promise<void>((resolve, reject) => req.session.destroy((error) => (error ? reject(error) : resolve())));
        return next();
      }
      // A signed-in session is touched at the end of every request (rolling): start it now, beside the request's work.
      if (req.session.userId) sessionStore.touchEarly(req.sessionID, req.session);
      const user = await sessionUser(services, req.session.userId);
      if (user) {
        req.actor = actorFromUser(user);
        req.isPasswordExpired = passwordStateOf(services, user).state === 'expired';
      } else if (req.session.userId) delete req.session.userId;
      next();
    } catch (error) {
      next(error);
    }
  });
  // Again inside the session's own end hook, which starts the answer before saving the session.
  app.use('/api', auditAfterSession(services));
  app.use(mountRoutes(routes, services));
  app.use('/api', (req, res) => sendProblem(res, new Failure('route.not-found', `There is no API route ${req.method} ${req.path}.`)));
  app.use(express.static(designerDistDir, { index: false, maxAge: '1h' }));
  app.get(/.*/, frontEnd);
  app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    sendProblem(res, bodyParserFailure(error) ?? error);
  });
  return app;
}
