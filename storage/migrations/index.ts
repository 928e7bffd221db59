/**
 * The one migration list both databases run, in order. knex reads it through an in-code
 * migration source: no directory scanning, no file-name magic, the same list in tests,
 * the CLI and the server.
 */
import type { Knex } from 'knex';
import { platformsUsers } from './0001-platforms-users.js';
import { definitions } from './0002-definitions.js';
import { cases } from './0003-cases.js';
import { delivery } from './0004-delivery.js';
import { files } from './0005-files.js';
import { orderedJson } from './0006-ordered-json.js';
import { applicationDrafts } from './0007-application-drafts.js';
import { deskInbox } from './0008-desk-inbox.js';
import { consultationsVisits } from './0009-consultations-visits.js';
import { caseNumberCounter } from './0010-case-number-counter.js';
import { packages } from './0011-packages.js';
import { platformRegistry } from './0012-platform-registry.js';
import { assessments } from './0013-assessments.js';
import { signInLockout } from './0014-sign-in-lockout.js';
import { auditRecords } from './0015-audit-records.js';
import { passwordHistory } from './0016-password-history.js';
import { personalDataSealed } from './0017-personal-data-sealed.js';
import { idempotencyKeys } from './0018-idempotency-keys.js';
import { inboxDeepIndexes } from './0019-inbox-deep-indexes.js';
import { caseStatistics } from './0020-case-statistics.js';
import { evaluationAppeals } from './0021-evaluation-appeals.js';
import { taskDeadlines } from './0022-task-deadlines.js';
import { feedbackImprovements } from './0023-feedback-improvements.js';
import { handlingDays } from './0024-handling-days.js';
import type { Migration } from './migration.js';

export type { Migration } from './migration.js';

/** Every migration, oldest first. Append only; never rename or reorder a released one. */
export const migrations: readonly Migration[] = [platformsUsers, definitions, cases, delivery, files, orderedJson, applicationDrafts, deskInbox, consultationsVisits, caseNumberCounter, packages, platformRegistry, assessments, signInLockout, auditRecords, personalDataSealed, idempotencyKeys, passwordHistory, inboxDeepIndexes, caseStatistics, evaluationAppeals, taskDeadlines, feedbackImprovements, handlingDays];

/** The knex migration source over {@link migrations}. */
export const migrationSource: Knex.MigrationSource<Migration> = {
  getMigrations: async () => [...migrations],
  getMigrationName: (migration) => migration.name,
  getMigration: async (migration) => ({ up: migration.up, down: migration.down }),
};
