/** Staff tasks (e.g. rectification after a bad review) and each user's in-app messages. */
import { Type } from '@sinclair/typebox';
import { listMessages } from '../../storage/messages.js';
import { listTasks, type TaskStatus } from '../../storage/tasks.js';
import { actorOf, defineRoute } from '../http/route.js';
import { MessageSchema, TaskSchema } from '../http/schemas.js';

export const inboxRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/tasks',
    summary: "The platform's follow-up tasks (rectification of bad reviews …)",
    tag: 'inbox',
    access: ['staff', 'platform-admin', 'auditor'],
    query: Type.Object({ status: Type.Optional(Type.String({ description: 'open or done' })) }),
    responses: { 200: Type.Object({ tasks: Type.Array(TaskSchema) }) },
    async handler(context) {
      const status = (context.req.query as { status?: string }).status;
      const tasks = await listTasks(context.services.db.knex, {
        platformId: actorOf(context).platformId,
        ...(status === 'open' || status === 'done' ? { status: status as TaskStatus } : {}),
      });
      return { body: { tasks: tasks.map((t) => ({ id: t.id, caseId: t.caseId, kind: t.kind, title: t.title, dueAt: t.dueAt, status: t.status, createdAt: t.createdAt })) } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/messages',
    summary: 'My in-app messages, newest first',
    tag: 'inbox',
    access: 'signedIn',
    responses: { 200: Type.Object({ messages: Type.Array(MessageSchema) }) },
    async handler(context) {
      const messages = await listMessages(context.services.db.knex, { userId: actorOf(context).id });
      return { body: { messages: messages.map((m) => ({ id: m.id, caseId: m.caseId, title: m.title, body: m.body, createdAt: m.createdAt, readAt: m.readAt })) } };
    },
  }),
];
