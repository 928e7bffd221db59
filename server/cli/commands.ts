/** The CLI commands; each returns the exit code. They call the same operations as the API. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadDefinitions } from '../../engine/load/index.js';
import { createApp } from '../app.js';
import { openConfiguredDatabase, openServices } from '../bootstrap.js';
import { loadConfig } from '../config.js';
import { readDefinitionFiles } from '../definition-files.js';
import { importDefinitions } from '../operations/import-definitions.js';
import { closePdfRenderer } from '../operations/reports/pdf-renderer.js';
import { visibleDefinitions } from '../operations/visible-definitions.js';
import { startWorker } from '../worker/worker.js';
import { accountCommands } from './account-commands.js';
import { auditCommands } from './audit-commands.js';
import { backupCommands } from './backup-commands.js';
import { distributionCommands } from './distribution-commands.js';
import { importCasesCommands } from './import-cases-command.js';
import { reportCommands } from './report-command.js';
import { demoLogins, seedDemo } from './seed-demo.js';

export interface CommandInput {
  args: string[];
  platform: string | undefined;
  username?: string;
  isReset?: boolean;
  isForced?: boolean;
}

type Command = (input: CommandInput) => Promise<number>;

function progress(label: string) {
  return ({ done, total, file }: { done: number; total: number; file: string }) => {
    if (done === total || done % 10 === 0) process.stderr.write(`  ${label} ${done}/${total}  ${file}\n`);
  };
}

const validate: Command = async ({ args }) => {
  if (args.length === 0) throw new Error('name at least one folder: ipsp validate definitions/province');
  const { files, errors } = await readDefinitionFiles(args);
  for (const error of errors) console.error(error);
  const result = loadDefinitions(files);
  if (result.ok && errors.length === 0) {
    console.log(`${files.length} definitions OK`);
    return 0;
  }
  const problems = result.ok ? [] : result.problems;
  for (const p of problems) console.log(`${p.file ?? ''}  ${p.path || '/'}  [${p.code}]  ${p.message}`);
  console.log(`${problems.length + errors.length} problem(s) in ${files.length} file(s)`);
  return 1;
};

const migrate: Command = async () => {
  const config = loadConfig();
  // With the deployment's keyring: migration 0017 encrypts personal data stored before it.
  const db = await openConfiguredDatabase(config);
  await db.migrate();
  await db.close();
  console.log(`database up to date (${db.dialect})`);
  return 0;
};

const importCommand: Command = async ({ args, platform }) => {
  if (!args[0] || !platform) throw new Error('usage: ipsp import <dir> --platform <id>');
  const services = await openServices(loadConfig());
  try {
    const { files, errors } = await readDefinitionFiles([args[0]]);
    if (errors.length > 0) throw new Error(errors.join('\n'));
    const published = await importDefinitions(services, { platformId: platform, files, by: 'cli', onProgress: progress('checked') });
    console.log(`imported ${files.length} definitions into ${platform}: ${published.length} new version(s) published`);
    return 0;
  } finally {
    await services.db.close();
  }
};

const exportCommand: Command = async ({ args, platform }) => {
  if (!args[0] || !platform) throw new Error('usage: ipsp export <dir> --platform <id>');
  const services = await openServices(loadConfig());
  try {
    const { records } = await visibleDefinitions(services, platform);
    let done = 0;
    for (const record of records.values()) {
      const dir = join(args[0], record.kind);
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, `${record.defId}.json`), `${JSON.stringify(record.body, null, 2)}\n`);
      progress('wrote')({ done: ++done, total: records.size, file: `${record.kind}/${record.defId}.json` });
    }
    console.log(`exported ${records.size} definitions visible to ${platform} into ${args[0]}`);
    return 0;
  } finally {
    await services.db.close();
  }
};

const seed: Command = async () => {
  const config = loadConfig();
  if (config.isProduction) throw new Error('seed-demo creates demo accounts and is refused in production (NODE_ENV=production).');
  const services = await openServices(config);
  try {
    await seedDemo(services, { progress: progress('loaded'), log: (line) => console.log(line) });
    return 0;
  } finally {
    await services.db.close();
  }
};

const serve: Command = async () => {
  const config = loadConfig();
  const services = await openServices(config);
  const app = createApp(services);
  const worker = startWorker(services, { workerId: `worker-${process.pid}`, intervalMs: config.workerIntervalMs });
  const server = app.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  console.log(`\nipsp is serving on ${config.publicUrl}  (API description: ${config.publicUrl}/api/openapi.json)`);
  console.log(`  public service lists: ${config.publicUrl}/    studio (设计器): ${config.publicUrl}/studio`);
  if (!config.isProduction) console.log(await demoLogins(services));
  const shutdown = async () => {
    server.close();
    await worker.stop();
    // The reports' Chromium, if a PDF launched it.
    await closePdfRenderer(services);
    await services.db.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown).once('SIGTERM', shutdown);
  await new Promise(() => undefined);
  return 0;
};

export const commands: Record<string, Command> = {
  validate,
  migrate,
  'seed-demo': seed,
  import: importCommand,
  export: exportCommand,
  serve,
  ...distributionCommands,
  ...auditCommands,
  ...backupCommands,
  ...accountCommands,
  ...importCasesCommands,
  ...reportCommands,
};
