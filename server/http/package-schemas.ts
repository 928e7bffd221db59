/** Schemas of signed packages, signing and trusted keys, and federation answers. */
import { Type } from '@sinclair/typebox';

const Str = Type.String();
const NullableStr = Type.Union([Str, Type.Null()]);

export const PackageSummarySchema = Type.Object({
  id: Str,
  platformId: Str,
  sequence: Type.Integer(),
  keyId: Str,
  hash: Type.String({ description: 'sha256 (hex) of the package file\'s exact bytes' }),
  entryCount: Type.Integer(),
  createdBy: NullableStr,
  createdAt: Str,
});

export const SigningKeySchema = Type.Object({
  keyId: Str,
  platformId: Type.String({ description: 'The publisher' }),
  publicKey: Type.String({ description: 'Ed25519 public key, SPKI PEM' }),
  fingerprint: Type.String({ description: 'sha256 (hex) of the public key\'s SPKI DER: compare it out of band before trusting' }),
  status: Type.Union([Type.Literal('active'), Type.Literal('retired'), Type.Literal('revoked')]),
  createdAt: Str,
  retiredAt: NullableStr,
  revokedAt: NullableStr,
  revokedReason: NullableStr,
});

export const TrustedKeySchema = Type.Object({
  platformId: Type.String({ description: 'The importing platform that trusts the key' }),
  keyId: Str,
  publisherId: Str,
  publicKey: Str,
  fingerprint: Str,
  status: Type.Union([Type.Literal('trusted'), Type.Literal('revoked')]),
  trustedBy: NullableStr,
  trustedAt: Str,
  revokedAt: NullableStr,
  revokedReason: NullableStr,
});

export const TrustKeyBodySchema = Type.Object(
  {
    publisher: Type.String({ minLength: 1, description: 'The publishing platform\'s id (importing needs it above the caller\'s platform)' }),
    publicKey: Type.String({ minLength: 1, description: 'The publisher\'s public key (SPKI PEM) from its /api/network/keys' }),
    fingerprint: Type.String({ minLength: 1, description: 'The fingerprint as compared with the publisher (hex; case, colons and spaces ignored)' }),
  },
  { additionalProperties: false },
);

export const RevokeBodySchema = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500, description: 'Why; quoted by every refusal of a package the key signed' }) },
  { additionalProperties: false },
);

const ChangeSchema = Type.Object({
  path: Str,
  op: Type.Union([Type.Literal('added'), Type.Literal('removed'), Type.Literal('changed')]),
  before: Type.Optional(Type.Unknown()),
  after: Type.Optional(Type.Unknown()),
});

export const InspectionSchema = Type.Object({
  verified: Type.Object({
    keyId: Str,
    publisher: Type.Object({ platform: Str, title: Str }),
    sequence: Type.Integer(),
    createdAt: Str,
  }),
  packageHash: Type.String({ description: 'sha256 (hex) of the package\'s exact bytes' }),
  entries: Type.Array(
    Type.Object({
      kind: Str,
      id: Str,
      version: Type.Integer(),
      status: Type.Union(['new', 'same', 'changed', 'older', 'conflict'].map((s) => Type.Literal(s)), {
        description: 'Against the latest version this deployment holds for the publisher: new (none held), same (this version held), changed (a newer version; see changes), older (a newer one is held; skipped), conflict (this version held with other content; import refused)',
      }),
      heldVersion: Type.Union([Type.Integer(), Type.Null()]),
      changes: Type.Array(ChangeSchema),
    }),
  ),
});

export const ImportResultSchema = Type.Intersect([
  InspectionSchema,
  Type.Object({ imported: Type.Array(Type.Object({ kind: Str, id: Str, version: Type.Integer() })) }),
]);

export const PullResultSchema = Type.Intersect([InspectionSchema, Type.Object({ source: Str, pulledAt: Str })]);
