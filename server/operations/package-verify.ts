/**
 * Verifying a package, refusing with the first reason that applies, in this order: not JSON
 * (line and column), not the package format (the JSON Pointer), a key this deployment does not
 * trust, a revoked key, an entry whose body does not match its hash (named by index, kind, id
 * and version), a signature that does not verify, entries whose header disagrees with their body.
 */
import { verify } from 'node:crypto';
import { Ajv } from 'ajv';
import type { Problem } from '../../engine/problem.js';
import { canonicalJson, contentHash } from '../../storage/canonical-json.js';
import { Failure } from '../http/failure.js';
import { locateJsonError } from './json-syntax.js';
import { ed25519PublicKey, PACKAGE_FORMAT, PackageDocumentSchema, sha256Hex, signedPart, type PackageDocument } from './package-document.js';

/** What this deployment knows of a key: a key its platform trusts, or one of its own signing keys. */
export interface KnownKey {
  publicKey: string;
  publisherId: string;
  isRevoked: boolean;
  revokedAt: string | null;
  revokedReason: string | null;
}

export type KeyLookup = (keyId: string) => Promise<KnownKey | undefined>;

export interface VerifiedPackage {
  doc: PackageDocument;
  /** sha256 (hex) of the package's exact bytes. */
  hash: string;
  verified: { keyId: string; publisher: { platform: string; title: string }; sequence: number; createdAt: string };
}

const ajv = new Ajv({ allErrors: true, strict: false });
const validateDocument = ajv.compile(PackageDocumentSchema);

const refuse = (code: string, message: string, problems: Problem[] = [{ code, path: '', message }]): Failure =>
  new Failure(code, `Package refused: ${message}`, problems);

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const where = locateJsonError(text);
    const place = where ? ` at line ${where.line}, column ${where.column} (${where.expected})` : '';
    throw refuse('package.not-json', `it is not JSON${place}: ${(error as Error).message.split('\n')[0]}. Send the package file exactly as downloaded.`);
  }
}

function checkFormat(value: unknown): PackageDocument {
  const format = (value as { format?: unknown } | null)?.format;
  if (typeof value !== 'object' || value === null || Array.isArray(value) || format !== PACKAGE_FORMAT) {
    throw refuse('package.format', `/format is ${JSON.stringify(format ?? null)}, not "${PACKAGE_FORMAT}": this is not a package of this kind (or of a version this deployment reads).`);
  }
  if (validateDocument(value)) return value as PackageDocument;
  const problems = (validateDocument.errors ?? []).map((e) => {
    const extra = e.keyword === 'additionalProperties' ? `/${String((e.params as { additionalProperty: string }).additionalProperty)}` : '';
    const missing = e.keyword === 'required' ? `/${String((e.params as { missingProperty: string }).missingProperty)}` : '';
    const path = `${e.instancePath}${missing}${extra}`;
    return { code: 'package.format', path, message: `${path || 'The package'} ${e.message ?? 'is invalid'}.` };
  });
  throw refuse('package.format', `it does not have the ${PACKAGE_FORMAT} shape: ${problems.map((p) => p.message).join(' ')}`, problems);
}

async function checkKey(doc: PackageDocument, lookup: KeyLookup): Promise<KnownKey> {
  const key = await lookup(doc.keyId);
  if (!key) {
    throw refuse(
      'package.key-unknown',
      `it is signed with key ${doc.keyId} which this deployment does not trust; trust it with POST /api/trusted-keys { publisher: "${doc.publisher.platform}", publicKey, fingerprint } after comparing its fingerprint with the one the publisher lists at /api/network/keys.`,
    );
  }
  if (key.isRevoked) {
    throw refuse('package.key-revoked', `key ${doc.keyId} was revoked at ${key.revokedAt ?? 'an unknown time'} (reason: ${key.revokedReason ?? 'none given'}); every package it signed is refused from then on.`);
  }
  if (key.publisherId !== doc.publisher.platform) {
    throw refuse('package.key-publisher', `key ${doc.keyId} belongs to publisher "${key.publisherId}", but the package names publisher "${doc.publisher.platform}".`);
  }
  return key;
}

function checkEntryHashes(doc: PackageDocument): void {
  const problems: Problem[] = [];
  doc.definitions.forEach((entry, index) => {
    const actual = contentHash(entry.body);
    if (actual === entry.hash) return;
    const message = `entry ${index} (${entry.kind} "${entry.id}" version ${entry.version}) does not match its hash: the body hashes to ${actual}, the entry says ${entry.hash}. The definition was changed after it was packaged.`;
    problems.push({ code: 'package.entry-hash', path: `/definitions/${index}/body`, message });
  });
  if (problems.length > 0) throw refuse('package.entry-hash', problems.map((p) => p.message).join(' '), problems);
}

function checkSignature(doc: PackageDocument, key: KnownKey): void {
  const publicKey = ed25519PublicKey(key.publicKey);
  const signature = Buffer.from(doc.signature, 'base64');
  const isValid =
    publicKey !== undefined &&
    signature.length === 64 &&
    signature.toString('base64') === doc.signature &&
    verify(null, Buffer.from(canonicalJson(signedPart(doc)), 'utf8'), publicKey, signature);
  if (!isValid) {
    throw refuse('package.signature', `the signature does not verify with key ${doc.keyId}: the package was changed after signing.`, [
      { code: 'package.signature', path: '/signature', message: 'The signature does not verify: the package was changed after signing.' },
    ]);
  }
}

function checkEntryHeaders(doc: PackageDocument): void {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  doc.definitions.forEach((entry, index) => {
    const body = entry.body as { kind?: unknown; id?: unknown; version?: unknown };
    if (body.kind !== entry.kind || body.id !== entry.id || body.version !== entry.version) {
      problems.push({ code: 'package.entry-header', path: `/definitions/${index}`, message: `Entry ${index} says ${entry.kind} "${entry.id}" version ${entry.version}, but its body is ${String(body.kind)} "${String(body.id)}" version ${String(body.version)}.` });
    }
    const key = `${entry.kind}/${entry.id}`;
    if (seen.has(key)) problems.push({ code: 'package.entry-header', path: `/definitions/${index}`, message: `Entry ${index} repeats ${entry.kind} "${entry.id}".` });
    seen.add(key);
  });
  if (problems.length > 0) throw refuse('package.entry-header', `the publisher signed inconsistent entries: ${problems.map((p) => p.message).join(' ')}`, problems);
}

/** Verifies a package's text against the keys `lookup` knows; throws the refusal with its reason. */
export async function verifyPackage(text: string, lookup: KeyLookup): Promise<VerifiedPackage> {
  const doc = checkFormat(parse(text));
  const key = await checkKey(doc, lookup);
  checkEntryHashes(doc);
  checkSignature(doc, key);
  checkEntryHeaders(doc);
  return {
    doc,
    hash: sha256Hex(text),
    verified: { keyId: doc.keyId, publisher: doc.publisher, sequence: doc.sequence, createdAt: doc.createdAt },
  };
}
