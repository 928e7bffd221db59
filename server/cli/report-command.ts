/**
 * `ipsp report evaluation <from> <to> <file> --platform <id>` and
 * `ipsp report annual <year> <file> --platform <id>`: a report written to a file, PDF or HTML by
 * the file's extension (docs/reports.md). The same operations as the routes, run with the
 * province admin's reach from `--platform`: whoever runs the CLI already holds the database.
 */
import { writeFile } from 'node:fs/promises';
import type { Actor } from '../../engine/runtime/case.js';
import { openServices } from '../bootstrap.js';
import { loadConfig } from '../config.js';
import { closePdfRenderer } from '../operations/reports/pdf-renderer.js';
import { annualReportDocument, evaluationReportDocument, type ReportDocument, type ReportFormat } from '../operations/reports/report-document.js';
import type { Services } from '../services.js';

interface Input {
  args: string[];
  platform: string | undefined;
}

const USAGE = 'usage: ipsp report evaluation <from YYYY-MM-DD> <to YYYY-MM-DD> <file.pdf|file.html> --platform <id>\n       ipsp report annual <year> <file.pdf|file.html> --platform <id>';

/** The format the file name asks for. */
function formatOf(file: string | undefined): ReportFormat {
  if (file?.endsWith('.pdf')) return 'pdf';
  if (file?.endsWith('.html')) return 'html';
  throw new Error(`name the output file .pdf or .html\n${USAGE}`);
}

/** The report the arguments name, as a document. */
function documentFor(services: Services, actor: Actor, args: string[], format: ReportFormat): Promise<ReportDocument> {
  const [kind, ...rest] = args;
  if (kind === 'evaluation' && rest.length === 3) return evaluationReportDocument(services, actor, { from: rest[0] as string, to: rest[1] as string }, format);
  if (kind === 'annual' && rest.length === 2) return annualReportDocument(services, actor, { year: rest[0] as string }, format);
  throw new Error(USAGE);
}

const report = async ({ args, platform }: Input): Promise<number> => {
  const file = args[args.length - 1];
  if (!platform || args.length < 3) throw new Error(USAGE);
  const format = formatOf(file);
  const services = await openServices(loadConfig());
  try {
    const actor: Actor = { id: 'cli', roles: ['province-admin'], platformId: platform, name: 'ipsp report' };
    const document = await documentFor(services, actor, args, format);
    await writeFile(file as string, document.body);
    console.log(`wrote ${file} (${document.fileName}, ${document.body.length} bytes)`);
    return 0;
  } finally {
    await closePdfRenderer(services);
    await services.db.close();
  }
};

export const reportCommands = { report };
