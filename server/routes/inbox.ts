/** Each user's in-app messages (follow-up tasks are in follow-up.ts). */
import { Type } from '@sinclair/typebox';
import { listMessages } from '../../storage/messages.js';
import { actorOf, defineRoute } from '../http/route.js';
import { MessageSchema } from '../http/schemas.js';
import { maskedText } from '../operations/personal-data-view.js';

export const inboxRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/messages',
    summary: 'My in-app messages, newest first',
    tag: 'inbox',
    access: 'signedIn',
    responses: { 200: Type.Object({ messages: Type.Array(MessageSchema) }) },
    async handler(context) {
      const messages = await listMessages(context.services.db.knex, { userId: actorOf(context).id });
      // A notice's text may quote an ID number or a phone: masked like every answer.
      return { body: { messages: messages.map((m) => maskedText({ id: m.id, caseId: m.caseId, title: m.title, body: m.body, createdAt: m.createdAt, readAt: m.readAt })) } };
    },
  }),
];
