import type { Migration } from './migration.js';

/**
 * Two inbox reads that 0008's indexes serve only with a sort over every matching case, which
 * at a million cases means tens of thousands of entries per page: the open cases by last
 * change (已逾期 and 即将到期 list open cases past or near their due time, newest change
 * first: walking open cases in that order finds a page after a few dozen entries instead of
 * sorting all overdue ones), and "mine" by due date (an assignee's open cases, earliest due
 * first, without reading each case's row for its due time).
 */
export const inboxDeepIndexes: Migration = {
  name: '0019-inbox-deep-indexes',
  async up(knex) {
    await knex.schema.alterTable('cases', (t) => {
      for (const [name, columns] of Object.entries(INDEXES)) t.index(columns, name);
    });
  },
  async down(knex) {
    await knex.schema.alterTable('cases', (t) => {
      for (const name of Object.keys(INDEXES)) t.dropIndex([], name);
    });
  },
};

const INDEXES: Record<string, string[]> = {
  cases_inbox_status_updated: ['platform_id', 'status', 'updated_at', 'id', 'due_at', 'warn_at'],
  cases_inbox_mine_due: ['platform_id', 'assignee_id', 'status', 'due_at', 'id'],
};
