/**
 * CLI for the audit trail, thin over the operation the tests share:
 *
 *   ipsp audit verify     walk the hash chain from the first record to the head; exit 0 when
 *                         intact (printing the count), 1 naming the first broken record
 */
import { openDatabase } from '../../storage/database.js';
import { loadConfig } from '../config.js';
import { verifyAuditChain } from '../operations/audit-verify.js';

interface Input {
  args: string[];
  platform: string | undefined;
}

const audit = async ({ args }: Input): Promise<number> => {
  if (args[0] !== 'verify') throw new Error('usage: ipsp audit verify');
  const config = loadConfig();
  const db = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { sqliteFile: config.sqliteFile });
  try {
    const started = Date.now();
    const result = await verifyAuditChain(db.knex, {
      onProgress: (checked) => {
        if (checked % 100_000 === 0 && checked > 0) process.stderr.write(`  verified ${checked} records\n`);
      },
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (result.firstBreak) {
      const { seq, kind, message } = result.firstBreak;
      console.error(`audit chain BROKEN at record ${seq} (${kind}): ${message}`);
      console.error(`${result.count} record(s) before it verified; the chain head names ${result.head.seq}.`);
      return 1;
    }
    console.log(`audit chain intact: ${result.count} records verified in ${seconds} s (head ${result.head.seq}, hash ${result.head.hash})`);
    return 0;
  } finally {
    await db.close();
  }
};

export const auditCommands = { audit };
