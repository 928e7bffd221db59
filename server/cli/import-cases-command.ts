/**
 * `ipsp import-cases <file.ndjson> --platform <id>`: a platform's earlier case register from its
 * old system (docs/import.md), all lines or none. Progress goes to stderr after every batch of
 * 5,000 lines, the summary to stdout; problems (line and field) are printed by main.ts.
 */
import { openServices } from '../bootstrap.js';
import { loadConfig } from '../config.js';
import { importCases } from '../operations/import-cases.js';

interface Input {
  args: string[];
  platform: string | undefined;
}

const importCasesCommand = async ({ args, platform }: Input): Promise<number> => {
  if (!args[0] || !platform) throw new Error('usage: ipsp import-cases <file.ndjson> --platform <id>');
  const services = await openServices(loadConfig());
  const started = Date.now();
  try {
    const result = await importCases(services, {
      platformId: platform,
      file: args[0],
      by: 'cli',
      onProgress: ({ phase, lines }) => process.stderr.write(`  ${phase} ${lines} lines (${((Date.now() - started) / 1000).toFixed(1)} s)\n`),
    });
    const skipped = result.alreadyImported > 0 ? `, ${result.alreadyImported} already imported by an earlier run (skipped)` : '';
    const threads = result.workers > 0 ? `, checked and built on ${result.workers} worker thread(s)` : '';
    console.log(`imported ${result.imported} case(s) into ${platform} from ${result.lines} line(s)${skipped}; ${result.newApplicants} new offline applicant(s) (${((Date.now() - started) / 1000).toFixed(1)} s${threads})`);
    return 0;
  } finally {
    await services.db.close();
  }
};

export const importCasesCommands = { 'import-cases': importCasesCommand };
