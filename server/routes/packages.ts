/**
 * Signed packages: the province builds and lists its packages; anyone may download them and the
 * publishing keys (definitions only, public by design); an admin inspects or imports a package
 * sent as the raw file.
 */
import { Type } from '@sinclair/typebox';
import type { Response } from 'express';
import { setAttachmentHeaders } from '../http/attachment.js';
import { PackageSummarySchema, ImportResultSchema, InspectionSchema, SigningKeySchema } from '../http/package-schemas.js';
import { actorOf, defineRoute } from '../http/route.js';
import type { Services } from '../services.js';
import { PackageDocumentSchema } from '../operations/package-document.js';
import { importPackage, inspectPackage } from '../operations/package-import.js';
import { createPackage, latestPackageContent, listOwnPackages, packageContent, type PackageSummary } from '../operations/packages.js';
import { networkKeys } from '../operations/signing-keys.js';

const importers = ['platform-admin', 'province-admin'] as const;
const rawPackage = {
  maxMB: (services: Services) => services.config.packageMaxMB,
  description: 'The package file exactly as downloaded (ipsp.package/1); verified byte for byte, so send it unchanged (curl --data-binary @package.json).',
};

/** Writes a package's exact bytes, naming where it lives and its hash. */
function sendPackage(res: Response, found: { summary: PackageSummary; content: string }): { isRaw: true } {
  const content = Buffer.from(found.content, 'utf8');
  setAttachmentHeaders(res, { fileName: `${found.summary.platformId}-package-${found.summary.sequence}.json`, mediaType: 'application/json; charset=utf-8', size: content.length });
  res
    .status(200)
    .setHeader('Content-Location', `/api/network/packages/${found.summary.id}`)
    .setHeader('ETag', `"${found.summary.hash}"`)
    .end(content);
  return { isRaw: true };
}

const bodyText = (body: unknown): string => (Buffer.isBuffer(body) ? body.toString('utf8') : '');

export const packageRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/packages',
    summary: "Build and sign a package of the platform's latest published definitions (the first call makes its signing key)",
    tag: 'packages',
    access: ['province-admin'],
    responses: { 201: PackageSummarySchema },
    async handler(context) {
      const { summary } = await createPackage(context.services, actorOf(context));
      return { status: 201, body: summary };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/packages',
    summary: "The platform's own packages, newest first",
    tag: 'packages',
    access: ['province-admin'],
    responses: { 200: Type.Object({ packages: Type.Array(PackageSummarySchema) }) },
    async handler(context) {
      return { body: { packages: await listOwnPackages(context.services, actorOf(context)) } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/packages/inspect',
    summary: 'Verify a package and show, entry by entry, what importing it would change; 422 names why a package is refused',
    tag: 'packages',
    access: [...importers],
    rawBody: rawPackage,
    responses: { 200: InspectionSchema },
    async handler(context) {
      return { body: await inspectPackage(context.services, actorOf(context), bodyText(context.req.body)) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/packages/import',
    summary: "Verify and import a package under its publisher's platform, all or nothing; importing it again changes nothing",
    tag: 'packages',
    access: [...importers],
    rawBody: rawPackage,
    responses: { 200: ImportResultSchema },
    async handler(context) {
      return { body: await importPackage(context.services, actorOf(context), { text: bodyText(context.req.body) }) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/network/packages/latest',
    summary: 'The newest package of this deployment (or of ?publisher=), as its exact bytes; public (definitions only)',
    tag: 'network',
    access: 'public',
    query: Type.Object({ publisher: Type.Optional(Type.String({ description: 'A publishing platform id' })) }),
    responses: { 200: PackageDocumentSchema },
    async handler(context) {
      const { publisher } = context.req.query as { publisher?: string };
      return sendPackage(context.res, await latestPackageContent(context.services, publisher ? { publisher } : {}));
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/network/packages/:id',
    summary: 'One package as its exact bytes; public (definitions only)',
    tag: 'network',
    access: 'public',
    responses: { 200: PackageDocumentSchema },
    async handler(context) {
      return sendPackage(context.res, await packageContent(context.services, (context.req.params as { id: string }).id));
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/network/keys',
    summary: "The publishing keys of this deployment's platforms with their status, for others to trust (public halves only)",
    tag: 'network',
    access: 'public',
    query: Type.Object({ publisher: Type.Optional(Type.String({ description: 'A publishing platform id' })) }),
    responses: { 200: Type.Object({ keys: Type.Array(SigningKeySchema) }) },
    async handler(context) {
      const { publisher } = context.req.query as { publisher?: string };
      return { body: { keys: await networkKeys(context.services, publisher ? { publisher } : {}) } };
    },
  }),
];
