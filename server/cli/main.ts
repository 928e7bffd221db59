#!/usr/bin/env node
/**
 * ipsp — the command line of the case engine.
 *
 *   ipsp validate <dir>…                       check definition files; exit 1 on any problem
 *   ipsp migrate                               bring the database schema up to date
 *   ipsp seed-demo                             load the province library, a demo city and demo users
 *   ipsp import <dir> --platform <id>          import a definition set (all or nothing)
 *   ipsp export <dir> --platform <id>          write the platform's published definitions as JSON files
 *   ipsp import-cases <file> --platform <id>   import an earlier case register, one JSON line per case (all or nothing)
 *   ipsp serve                                 serve the API and the front end, with the worker
 *   ipsp bootstrap-admin --platform <id> --username <name>   the first province admin, with a one-time password
 *   ipsp package|keys|federation …             signed packages, signing keys, federation (see distribution-commands.ts)
 *   ipsp audit verify                          check the audit trail's hash chain; exit 1 naming the first broken record
 *   ipsp backup <folder> / restore <backup> [--force]   back up or restore the database and the file store
 *   ipsp report evaluation|annual … <file> --platform <id>   a report as PDF or HTML (docs/reports.md)
 *
 * Configuration comes from the environment (see server/config.ts): DATABASE_URL, PORT, …
 */
import { parseArgs } from 'node:util';
import { commands } from './commands.js';

const usage = `Usage: ipsp <command> [options]

Commands:
  validate <dir>…                 Check definition files (shape, names, rules, templates)
  migrate                         Bring the database schema up to date
  seed-demo                       Load the province library, the demo city 绵阳 and demo users
  import <dir> --platform <id>    Import a definition set into a platform (all or nothing)
  export <dir> --platform <id>    Write a platform's published definitions as JSON files
  import-cases <file.ndjson> --platform <id>
                                  Import the platform's earlier case register (docs/import.md):
                                  every line checked first, any problem imports nothing
  serve                           Serve the API and front end (PORT, default 3000) with the worker
  bootstrap-admin --platform <id> --username <name> [--reset]
                                  Create the first province admin of a fresh install; prints a
                                  one-time password (one sign-in within 24 h, then changed)
  package create <file> --platform <id>   Sign the platform's latest published definitions into a package file
  package verify <file> --platform <id>   Verify a package for the importing platform; show each entry's status
  package import <file> --platform <id>   Verify and import a package (all or nothing)
  keys list|rotate --platform <id>        The platform's signing keys; make a new active key
  keys revoke <keyId> <reason…> --platform <id>
  federation pull --platform <id>         Pull the source's latest package, verify it, show the diff
  federation import <hash> --platform <id>  Import a pulled package
  audit verify                    Check the audit trail's hash chain; exit 1 naming the first broken record
  backup <folder>                 Back up the database and the file store (the server may keep running)
                                  into a new folder, or a new ipsp-backup-<time> folder inside an existing one
  restore <backup> [--force]      Check the backup against its manifest, restore it into an empty
                                  database and file store (--force: replace them), verify, migrate up
  report evaluation <from> <to> <file.pdf|.html> --platform <id>
  report annual <year> <file.pdf|.html> --platform <id>
                                  Write the service evaluation report or the annual summary of the
                                  platform (and those below it); PDF needs Chromium (CHROMIUM_PATH)

Environment: DATABASE_URL (postgres://…; default SQLite file data/ipsp.sqlite), PORT, HOST,
NODE_ENV=production, SESSION_SECRET, IPSP_SECRET (seals signing keys; else a 0600 file beside the
SQLite file), SMTP_URL, SMS_WEBHOOK_URL, WECHAT_WEBHOOK_URL.`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { platform: { type: 'string' }, username: { type: 'string' }, reset: { type: 'boolean' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
});
const [name, ...args] = positionals;
const command = name ? commands[name] : undefined;
if (values.help || !command) {
  console.log(usage);
  process.exit(values.help ? 0 : 2);
}
try {
  process.exitCode = await command({ args, platform: values.platform, username: values.username, isReset: values.reset, isForced: values.force });
} catch (error) {
  const e = error as { message?: string; problems?: Array<{ file?: string; path: string; code: string; message: string }> };
  console.error(`ipsp ${name}: ${e.message ?? String(error)}`);
  for (const p of e.problems ?? []) console.error(`  ${p.file ?? ''} ${p.path || '/'}  [${p.code}]  ${p.message}`);
  process.exitCode = 1;
}
