/**
 * CLI for signed packages, keys and federation — thin over the same operations as the API:
 *
 *   ipsp package create <file> --platform <id>    sign the platform's latest published definitions into <file>
 *   ipsp package verify <file> --platform <id>    verify for the importing platform and show each entry's status
 *   ipsp package import <file> --platform <id>    verify and import (all or nothing), with progress
 *   ipsp keys list|rotate --platform <id>         the platform's signing keys; make a new active one
 *   ipsp keys revoke <keyId> <reason…> --platform <id>
 *   ipsp federation pull --platform <id>          pull the source's latest package, verify, show the diff
 *   ipsp federation import <packageHash> --platform <id>
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { Actor } from '../../engine/runtime/case.js';
import { openServices } from '../bootstrap.js';
import { loadConfig } from '../config.js';
import { importPulled, pull } from '../operations/federation.js';
import { importPackage, inspectPackage, type Inspection } from '../operations/package-import.js';
import { createPackage } from '../operations/packages.js';
import { listKeys, revokeKey, rotateKey } from '../operations/signing-keys.js';
import type { Services } from '../services.js';

interface Input {
  args: string[];
  platform: string | undefined;
}

type Command = (input: Input) => Promise<number>;

/** Runs `work` as an admin of `platform` on the configured database. */
async function asAdmin(input: Input, usage: string, work: (services: Services, actor: Actor) => Promise<void>): Promise<number> {
  if (!input.platform) throw new Error(`usage: ${usage}`);
  const services = await openServices(loadConfig());
  try {
    await work(services, { id: 'cli', roles: ['province-admin', 'platform-admin'], platformId: input.platform, name: 'ipsp CLI' });
    return 0;
  } finally {
    await services.db.close();
  }
}

function printInspection(inspection: Inspection): void {
  const { verified } = inspection;
  console.log(`verified: ${verified.publisher.platform} package ${verified.sequence} of ${verified.createdAt}, key ${verified.keyId}, hash ${inspection.packageHash}`);
  const counts = new Map<string, number>();
  for (const entry of inspection.entries) {
    counts.set(entry.status, (counts.get(entry.status) ?? 0) + 1);
    if (entry.status === 'same') continue;
    console.log(`  ${entry.status.padEnd(8)} ${entry.kind}/${entry.id} v${entry.version}${entry.heldVersion ? ` (holds v${entry.heldVersion})` : ''}`);
    for (const change of entry.changes) console.log(`             ${change.op} ${change.path}`);
  }
  console.log(`entries: ${[...counts].map(([status, n]) => `${n} ${status}`).join(', ')}`);
}

const packageCommand: Command = async (input) => {
  const [action, file] = input.args;
  const usage = 'ipsp package create|verify|import <file> --platform <id>';
  if (!file || !['create', 'verify', 'import'].includes(action ?? '')) throw new Error(`usage: ${usage}`);
  return asAdmin(input, usage, async (services, actor) => {
    if (action === 'create') {
      const { summary, content } = await createPackage(services, actor);
      await writeFile(file, content);
      console.log(`wrote package ${summary.sequence} of ${summary.platformId} (${summary.entryCount} definitions, key ${summary.keyId}, sha256 ${summary.hash}) to ${file}`);
      return;
    }
    const text = await readFile(file, 'utf8');
    if (action === 'verify') return printInspection(await inspectPackage(services, actor, text));
    const progress = ({ done, total, file: name }: { done: number; total: number; file: string }) => process.stderr.write(`  stored ${done}/${total}  ${name}\n`);
    const result = await importPackage(services, actor, { text, onProgress: progress });
    printInspection(result);
    console.log(`imported ${result.imported.length} new version(s) under ${result.verified.publisher.platform}`);
  });
};

const keysCommand: Command = async (input) => {
  const [action, keyId, ...reason] = input.args;
  const usage = 'ipsp keys list|rotate --platform <id>, or ipsp keys revoke <keyId> <reason…> --platform <id>';
  if (!['list', 'rotate', 'revoke'].includes(action ?? '') || (action === 'revoke' && (!keyId || reason.length === 0))) throw new Error(`usage: ${usage}`);
  return asAdmin(input, usage, async (services, actor) => {
    if (action === 'rotate') {
      const { key, retired } = await rotateKey(services, actor);
      console.log(`new active key ${key.keyId} (fingerprint ${key.fingerprint})${retired ? `; retired ${retired}` : ''}`);
    } else if (action === 'revoke') {
      const key = await revokeKey(services, actor, { keyId: keyId as string, reason: reason.join(' ') });
      console.log(`revoked ${key.keyId} at ${key.revokedAt ?? ''}: ${key.revokedReason ?? ''}`);
    }
    for (const key of await listKeys(services, actor)) {
      console.log(`${key.keyId}  ${key.status.padEnd(8)} ${key.fingerprint}  created ${key.createdAt}${key.revokedReason ? `  revoked: ${key.revokedReason}` : ''}`);
    }
  });
};

const federationCommand: Command = async (input) => {
  const [action, hash] = input.args;
  const usage = 'ipsp federation pull --platform <id>, or ipsp federation import <packageHash> --platform <id>';
  if (action !== 'pull' && !(action === 'import' && hash)) throw new Error(`usage: ${usage}`);
  return asAdmin(input, usage, async (services, actor) => {
    if (action === 'pull') {
      const pulled = await pull(services, actor);
      console.log(`pulled ${pulled.source} at ${pulled.pulledAt}`);
      printInspection(pulled);
      console.log(`import it with: ipsp federation import ${pulled.packageHash} --platform ${actor.platformId}`);
      return;
    }
    const result = await importPulled(services, actor, { packageHash: hash as string });
    console.log(`imported ${result.imported.length} new version(s) under ${result.verified.publisher.platform}`);
  });
};

export const distributionCommands: Record<string, Command> = { package: packageCommand, keys: keysCommand, federation: federationCommand };
