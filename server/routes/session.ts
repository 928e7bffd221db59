/** Sign in, see who you are, sign out. */
import { Type } from '@sinclair/typebox';
import { defineRoute } from '../http/route.js';
import { LoginSchema, MeSchema } from '../http/schemas.js';
import { auditNoteOf, idleMinutesFor, meOf, sessionUser, signIn, type SignInAttempt } from '../operations/sign-in.js';
import { Failure } from '../http/failure.js';
import { CSRF_COOKIE } from '../http/csrf.js';

export const sessionRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/session',
    summary: 'Sign in with username and password; sets the session cookie',
    auditAction: 'session.sign-in',
    tag: 'session',
    access: 'public',
    body: LoginSchema,
    responses: { 200: MeSchema },
    async handler({ req, res, services }) {
      const input = req.body as { username: string; password: string };
      // The audit record names the account tried and how the attempt ended, never the password.
      const report = (attempt: SignInAttempt) => Object.assign(res.locals, auditNoteOf(input.username, attempt));
      const user = await signIn(services, input, report);
      report({ user, outcome: 'signed-in' });
      // A fresh session id at sign-in, so a session id planted before cannot be ridden.
      await new Promise<void>((resolve, reject) => req.session.regenerate((error) => (error ? reject(error) : resolve())));
      req.session.userId = user.id;
      req.session.signedInAt = services.now().toISOString();
      req.session.idleMinutes = idleMinutesFor(services, user.roles);
      req.session.cookie.maxAge = req.session.idleMinutes * 60_000;
      return { body: meOf(services, user) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/session',
    summary: 'The signed-in user',
    tag: 'session',
    access: 'signedIn',
    responses: { 200: MeSchema },
    allowsExpiredPassword: true,
    async handler({ req, services }) {
      const user = await sessionUser(services, req.session.userId);
      if (!user) throw new Failure('auth.required', '请先登录。Sign in first.');
      return { body: meOf(services, user) };
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/api/session',
    summary: 'Sign out',
    auditAction: 'session.sign-out',
    tag: 'session',
    access: 'signedIn',
    responses: { 204: Type.Null() },
    allowsExpiredPassword: true,
    async handler({ req, res }) {
      // The row goes from the store, the cookie is cleared, and the browser drops what it kept (goal C6, F7).
      await new Promise<void>((resolve, reject) => req.session.destroy((error) => (error ? reject(error) : resolve())));
      res.clearCookie('ipsp.sid', { path: '/' });
      res.setHeader('Clear-Site-Data', '"cookies", "storage"');
      return { status: 204 };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/csrf',
    summary: `The anti-forgery token (also in cookie ${CSRF_COOKIE}) that state-changing requests echo in the X-CSRF-Token header`,
    tag: 'session',
    access: 'public',
    responses: { 200: Type.Object({ token: Type.String({ description: 'Send it as the X-CSRF-Token header of every POST, PUT, PATCH and DELETE.' }) }) },
    async handler({ res }) {
      return { body: { token: res.locals.csrfToken as string } };
    },
  }),
];
