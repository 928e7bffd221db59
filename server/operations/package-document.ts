/**
 * The package document (format ipsp.package/1): a publisher's definitions with a signature.
 * The signature (Ed25519, base64) is over the canonical JSON of the document without
 * `signature`, so `keyId`, the sequence and every entry are signed; each entry's `hash` is the
 * content hash of its body, the same hash the definitions table keeps.
 *
 * @example
 * { "format": "ipsp.package/1", "publisher": { "platform": "sichuan-province", "title": "…" },
 *   "keyId": "ed25519-3f9a…", "createdAt": "2026-09-21T01:00:00.000Z", "sequence": 1,
 *   "definitions": [{ "kind": "ServiceItem", "id": "…", "version": 1, "hash": "…", "body": { … } }],
 *   "signature": "…" }
 */
import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { Type, type Static } from '@sinclair/typebox';

export const PACKAGE_FORMAT = 'ipsp.package/1';

export const PackageEntrySchema = Type.Object(
  {
    kind: Type.String({ minLength: 1, description: 'The definition kind, e.g. ServiceItem' }),
    id: Type.String({ minLength: 1 }),
    version: Type.Integer({ minimum: 1, description: "The publisher's version number" }),
    hash: Type.String({ pattern: '^[0-9a-f]{64}$', description: 'sha256 (hex) of the canonical JSON of `body`' }),
    body: Type.Object({}, { additionalProperties: true, description: 'The definition document as published' }),
  },
  { additionalProperties: false },
);

export const PackageDocumentSchema = Type.Object(
  {
    format: Type.Literal(PACKAGE_FORMAT),
    publisher: Type.Object({ platform: Type.String({ minLength: 1 }), title: Type.String() }, { additionalProperties: false }),
    keyId: Type.String({ minLength: 1, description: 'The signing key; its public half is at /api/network/keys of the publisher' }),
    createdAt: Type.String({ description: 'ISO 8601 instant' }),
    sequence: Type.Integer({ minimum: 1, description: "The publisher's package counter" }),
    definitions: Type.Array(PackageEntrySchema),
    signature: Type.String({ description: 'Ed25519 signature (base64) over the canonical JSON of the package without `signature`' }),
  },
  { additionalProperties: false, description: 'A signed package of definitions (ipsp.package/1)' },
);

export type PackageEntry = Static<typeof PackageEntrySchema>;
export type PackageDocument = Static<typeof PackageDocumentSchema>;

/** The part of a package its signature covers. */
export function signedPart(doc: PackageDocument): Omit<PackageDocument, 'signature'> {
  const { signature: _signature, ...rest } = doc;
  return rest;
}

/** A package as stored and served: pretty JSON with a final newline (whitespace is not signed). */
export function packageText(doc: PackageDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** sha256 (hex) of text as UTF-8: the hash of a package's exact bytes. */
export function sha256Hex(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The fingerprint of a public key: sha256 (hex) of its SPKI DER. */
export function fingerprintOf(key: KeyObject): string {
  return sha256Hex(key.export({ type: 'spki', format: 'der' }));
}

/** The id of a key, derived from its fingerprint, so an id cannot name two keys. */
export function keyIdOf(fingerprint: string): string {
  return `ed25519-${fingerprint.slice(0, 16)}`;
}

/** A fingerprint as people type it (any case, with colons or spaces), normalized. */
export function normalizeFingerprint(text: string): string {
  return text.toLowerCase().replace(/[^0-9a-f]/g, '');
}

/** An Ed25519 public key from PEM (SPKI), or undefined when it is not one. */
export function ed25519PublicKey(pem: string): KeyObject | undefined {
  try {
    const key = createPublicKey(pem);
    return key.asymmetricKeyType === 'ed25519' ? key : undefined;
  } catch {
    return undefined;
  }
}
