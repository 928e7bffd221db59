/** Changing one's own password (goal C4). */
import { Type } from '@sinclair/typebox';
import { actorOf, defineRoute } from '../http/route.js';
import { PasswordChangeSchema } from '../http/schemas.js';
import { changePassword } from '../operations/change-password.js';

export const passwordRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/session/password',
    summary: 'Change the signed-in user’s password: the current one (not after a one-time password) and a new one that meets every rule; other sessions of the account end',
    tag: 'session',
    access: 'signedIn',
    allowsExpiredPassword: true,
    body: PasswordChangeSchema,
    responses: { 204: Type.Null() },
    async handler(context) {
      const { req, res, services } = context;
      const body = req.body as { currentPassword?: string; newPassword: string };
      await changePassword(services, { userId: actorOf(context).id, sid: req.sessionID, ...body });
      res.locals.auditDetail = { passwordChanged: true };
      return { status: 204 };
    },
  }),
];
