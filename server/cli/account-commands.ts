/**
 * Accounts from the command line: the first province admin of a fresh install (goal C7).
 *
 *   ipsp bootstrap-admin --platform sichuan-province --username admin [--reset]
 */
import { join } from 'node:path';
import type { Platform } from '../../engine/kinds/platform.js';
import { openServices } from '../bootstrap.js';
import { loadConfig } from '../config.js';
import { readDefinitionFiles } from '../definition-files.js';
import { bootstrapAdmin, ONE_TIME_PASSWORD_HOURS } from '../operations/bootstrap-admin.js';
import { definitionsDir } from '../paths.js';
import type { CommandInput } from './commands.js';

/** The Platform documents of the shipped province library, to create the platform from on a fresh install. */
async function shippedPlatforms(): Promise<Platform[]> {
  const { files } = await readDefinitionFiles([join(definitionsDir, 'province', 'platforms')]);
  return files.map((f) => f.doc as Platform).filter((doc) => doc.kind === 'Platform');
}

async function bootstrapAdminCommand({ platform, username, isReset }: CommandInput): Promise<number> {
  if (!platform || !username) throw new Error('usage: ipsp bootstrap-admin --platform <province platform id> --username <name> [--reset]');
  const services = await openServices(loadConfig());
  try {
    const result = await bootstrapAdmin(services, { platformId: platform, username, platformDocs: await shippedPlatforms(), isReset });
    if (result.isPlatformCreated) console.log(`created platform ${platform} from the shipped library`);
    console.log(`province admin "${username}" of ${platform}`);
    console.log(`one-time password (shown once; works for one sign-in until ${result.expiresAt}, ${ONE_TIME_PASSWORD_HOURS} h):`);
    console.log(`  ${result.password}`);
    console.log('At that sign-in a new password must be set before anything else. 首次登录后须立即设置新密码。');
    return 0;
  } finally {
    await services.db.close();
  }
}

export const accountCommands = { 'bootstrap-admin': bootstrapAdminCommand };
