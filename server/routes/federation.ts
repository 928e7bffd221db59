/**
 * Federation: the platform's source deployment, pulling its latest package (verified, with the
 * diff, kept pending) and importing the pulled package.
 */
import { Type } from '@sinclair/typebox';
import { ImportResultSchema, PullResultSchema } from '../http/package-schemas.js';
import { actorOf, defineRoute } from '../http/route.js';
import { getSource, importPulled, pull, setSource } from '../operations/federation.js';

const importers = ['platform-admin', 'province-admin'] as const;
const SourceSchema = Type.Object({ url: Type.Union([Type.String(), Type.Null()]), setAt: Type.Union([Type.String(), Type.Null()]) });

export const federationRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/federation/source',
    summary: 'The deployment this platform pulls its publisher\'s packages from',
    tag: 'federation',
    access: [...importers],
    responses: { 200: SourceSchema },
    async handler(context) {
      return { body: await getSource(context.services, actorOf(context)) };
    },
  }),
  defineRoute({
    method: 'put',
    path: '/api/federation/source',
    summary: 'Set the deployment this platform pulls its publisher\'s packages from',
    tag: 'federation',
    access: [...importers],
    body: Type.Object({ url: Type.String({ minLength: 1, description: 'The source deployment\'s base URL, e.g. https://ipsp.province.example' }) }, { additionalProperties: false }),
    responses: { 200: SourceSchema },
    async handler(context) {
      return { body: await setSource(context.services, actorOf(context), context.req.body as { url: string }) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/federation/pull',
    summary: "Fetch the source's latest package over HTTP, verify it and show the diff; it is kept pending import",
    tag: 'federation',
    access: [...importers],
    responses: { 200: PullResultSchema },
    async handler(context) {
      return { body: await pull(context.services, actorOf(context)) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/federation/pull/import',
    summary: 'Import a pulled package by its hash (verified again), all or nothing',
    tag: 'federation',
    access: [...importers],
    body: Type.Object({ packageHash: Type.String({ pattern: '^[0-9a-f]{64}$', description: 'The packageHash the pull answered' }) }, { additionalProperties: false }),
    responses: { 200: ImportResultSchema },
    async handler(context) {
      return { body: await importPulled(context.services, actorOf(context), context.req.body as { packageHash: string }) };
    },
  }),
];
