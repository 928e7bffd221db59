/** The storage contract suites on SQLite: a real temporary file per suite, deleted afterwards. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../../storage/database.js';
import type { ContractContext } from './contract/context.js';
import { contracts } from './contract/index.js';

const ctx: ContractContext = {
  dialect: 'sqlite',
  async createStore(options = {}) {
    const dir = mkdtempSync(join(tmpdir(), 'ipsp-sqlite-'));
    const sqliteFile = join(dir, 'ipsp.sqlite');
    const handles: Database[] = [];
    const open = async () => {
      const db = await openDatabase({ sqliteFile });
      handles.push(db);
      return db;
    };
    const db = await open();
    if (options.isMigrated !== false) await db.migrate();
    return {
      db,
      openAnother: open,
      async dispose() {
        await Promise.all(handles.map((h) => h.close()));
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

describe('storage contract on SQLite', () => {
  for (const contract of contracts) contract(ctx);
});
