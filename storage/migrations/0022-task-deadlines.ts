import { dialectOf, instantColumn } from '../columns.js';
import type { Migration } from './migration.js';

/**
 * Reminders (催办) and escalation (督办) of tasks with a due date: when each was sent, so the
 * worker sends each once (it claims a task by setting the column where it is still null) and
 * the desk shows it. The worker asks for the open tasks not yet reminded (or escalated) by
 * platform and kind up to a due time; the two indexes hold exactly those columns in that order,
 * so each question is a range of one index however many tasks were closed before.
 */
export const taskDeadlines: Migration = {
  name: '0022-task-deadlines',
  async up(knex) {
    const dialect = dialectOf(knex);
    await knex.schema.alterTable('tasks', (t) => {
      instantColumn(t, 'reminded_at', dialect).nullable();
      instantColumn(t, 'escalated_at', dialect).nullable();
    });
    await knex.schema.alterTable('tasks', (t) => {
      t.index(['status', 'reminded_at', 'platform_id', 'kind', 'due_at'], 'tasks_to_remind');
      t.index(['status', 'escalated_at', 'platform_id', 'kind', 'due_at'], 'tasks_to_escalate');
    });
  },
  async down(knex) {
    await knex.schema.alterTable('tasks', (t) => {
      t.dropIndex([], 'tasks_to_escalate');
      t.dropIndex([], 'tasks_to_remind');
    });
    await knex.schema.alterTable('tasks', (t) => {
      t.dropColumn('escalated_at');
      t.dropColumn('reminded_at');
    });
  },
};
