/**
 * CLI for backup and restore, thin over the operations the tests share:
 *
 *   ipsp backup <folder>              a new backup folder (or one made inside an existing folder)
 *   ipsp restore <backup> [--force]   restore into an empty database and file store, verified
 */
import { loadConfig } from '../config.js';
import { createBackup } from '../operations/backup.js';
import { restoreBackup } from '../operations/restore.js';

interface Input {
  args: string[];
  isForced?: boolean;
}

const progress = (line: string) => process.stderr.write(`  ${line}\n`);

const backup = async ({ args }: Input): Promise<number> => {
  if (!args[0]) throw new Error('usage: ipsp backup <folder>');
  const started = Date.now();
  const { dir, manifest } = await createBackup(loadConfig(), { target: args[0], onProgress: progress });
  const rows = Object.values(manifest.tables).reduce((sum, t) => sum + t.rows, 0);
  console.log(`backup written to ${dir}: ${Object.keys(manifest.tables).length} tables, ${rows} rows, ${manifest.files.length} files, migration level ${manifest.migrations.length} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  console.log('keep the deployment secret (IPSP_SECRET or its file) apart from the backup: restore needs it to read personal data.');
  return 0;
};

const restore = async ({ args, isForced }: Input): Promise<number> => {
  if (!args[0]) throw new Error('usage: ipsp restore <backup-folder> [--force]');
  const started = Date.now();
  const { manifest, migrated } = await restoreBackup(loadConfig(), { source: args[0], isForced, onProgress: progress });
  const rows = Object.values(manifest.tables).reduce((sum, t) => sum + t.rows, 0);
  console.log(
    `restored and verified the backup of ${manifest.createdAt}: ${Object.keys(manifest.tables).length} tables, ${rows} rows, ${manifest.files.length} files${manifest.dialect === 'sqlite' ? ', integrity ok' : ''}` +
      `${migrated > 0 ? `; migrated ${migrated} level(s) up` : ''} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  return 0;
};

export const backupCommands = { backup, restore };
