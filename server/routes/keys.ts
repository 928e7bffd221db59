/**
 * Keys: the publishing platform's signing keys (list, make the first, rotate, revoke) and the
 * keys an importing platform trusts (list, trust, revoke). No route returns a private key.
 */
import { Type } from '@sinclair/typebox';
import { RevokeBodySchema, SigningKeySchema, TrustedKeySchema, TrustKeyBodySchema } from '../http/package-schemas.js';
import { actorOf, defineRoute } from '../http/route.js';
import { ensureActiveKey, listKeys, revokeKey, rotateKey } from '../operations/signing-keys.js';
import { listTrusted, revokeTrusted, trustKey, type TrustRequest } from '../operations/trusted-keys.js';

const importers = ['platform-admin', 'province-admin'] as const;

export const keyRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/keys',
    summary: "The platform's signing keys: public halves, fingerprints, status",
    tag: 'keys',
    access: ['province-admin'],
    responses: { 200: Type.Object({ keys: Type.Array(SigningKeySchema) }) },
    async handler(context) {
      return { body: { keys: await listKeys(context.services, actorOf(context)) } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/keys',
    summary: 'Make the platform\'s first signing key (201), or answer the active one (200)',
    tag: 'keys',
    access: ['province-admin'],
    responses: { 200: SigningKeySchema, 201: SigningKeySchema },
    async handler(context) {
      const { key, isNew } = await ensureActiveKey(context.services, actorOf(context));
      return { status: isNew ? 201 : 200, body: key };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/keys/rotate',
    summary: 'Make a new active signing key; the old one is retired and still verifies what it signed',
    tag: 'keys',
    access: ['province-admin'],
    responses: { 201: Type.Object({ key: SigningKeySchema, retired: Type.Union([Type.String(), Type.Null()]) }) },
    async handler(context) {
      return { status: 201, body: await rotateKey(context.services, actorOf(context)) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/keys/:id/revoke',
    summary: 'Revoke a signing key: every package it signed is refused from then on, quoting the reason',
    tag: 'keys',
    access: ['province-admin'],
    body: RevokeBodySchema,
    responses: { 200: SigningKeySchema },
    async handler(context) {
      const { id } = context.req.params as { id: string };
      return { body: await revokeKey(context.services, actorOf(context), { keyId: id, reason: (context.req.body as { reason: string }).reason }) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/trusted-keys',
    summary: 'The publishers\' keys this platform trusts, with status',
    tag: 'keys',
    access: [...importers],
    responses: { 200: Type.Object({ keys: Type.Array(TrustedKeySchema) }) },
    async handler(context) {
      return { body: { keys: await listTrusted(context.services, actorOf(context)) } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/trusted-keys',
    summary: "Trust a publisher's key after comparing its fingerprint; a mismatch is refused",
    tag: 'keys',
    access: [...importers],
    body: TrustKeyBodySchema,
    responses: { 200: TrustedKeySchema, 201: TrustedKeySchema },
    async handler(context) {
      const { key, isNew } = await trustKey(context.services, actorOf(context), context.req.body as TrustRequest);
      return { status: isNew ? 201 : 200, body: key };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/trusted-keys/:id/revoke',
    summary: 'Stop trusting a key: every package it signed is refused from then on, quoting the reason',
    tag: 'keys',
    access: [...importers],
    body: RevokeBodySchema,
    responses: { 200: TrustedKeySchema },
    async handler(context) {
      const { id } = context.req.params as { id: string };
      return { body: await revokeTrusted(context.services, actorOf(context), { keyId: id, reason: (context.req.body as { reason: string }).reason }) };
    },
  }),
];
