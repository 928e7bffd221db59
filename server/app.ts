/**
 * The HTTP application: sessions, the signed-in actor, the API routes, problem responses for
 * anything unmatched, and the front end (a placeholder until the designer lands).
 */
import express, { type Express } from 'express';
import session from 'express-session';
import { Failure } from './http/failure.js';
import { sendProblem } from './http/problem-response.js';
import { mountRoutes } from './http/router.js';
import { DatabaseSessionStore } from './http/session-store.js';
import { actorFromUser, sessionUser } from './operations/sign-in.js';
import { routes } from './routes/index.js';
import type { Services } from './services.js';
import { designerDir } from './paths.js';


export function createApp(services: Services): Express {
  const app = express();
  const { config } = services;
  app.disable('x-powered-by');
  app.set('trust proxy', config.isProduction ? 1 : false);
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'same-origin');
    next();
  });
  app.use('/api', express.json({ limit: '2mb', type: ['application/json', 'application/*+json'] }));
  app.use(
    '/api',
    session({
      name: 'ipsp.sid',
      secret: config.sessionSecret,
      store: new DatabaseSessionStore(services.db, services.now),
      resave: false,
      saveUninitialized: false,
      rolling: true,
      cookie: { httpOnly: true, sameSite: 'lax', secure: config.isProduction, maxAge: config.sessionIdleMinutes * 60_000 },
    }),
  );
  app.use('/api', async (req, _res, next) => {
    try {
      const signedInAt = req.session.signedInAt ? Date.parse(req.session.signedInAt) : NaN;
      const isExpired = Number.isFinite(signedInAt) && services.now().getTime() - signedInAt > config.sessionAbsoluteHours * 3600_000;
      const user = isExpired ? undefined : await sessionUser(services, req.session.userId);
      if (user) req.actor = actorFromUser(user);
      else if (req.session.userId) delete req.session.userId;
      next();
    } catch (error) {
      next(error);
    }
  });
  app.use(mountRoutes(routes, services));
  app.use('/api', (req, res) => sendProblem(res, new Failure('route.not-found', `There is no API route ${req.method} ${req.path}.`)));
  app.use(express.static(designerDir, { index: 'index.html' }));
  app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const isBadJson = error instanceof SyntaxError && 'body' in error;
    sendProblem(res, isBadJson ? new Failure('request.json', 'The request body is not valid JSON.') : error);
  });
  return app;
}
