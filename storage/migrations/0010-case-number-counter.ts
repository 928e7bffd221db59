import type { Knex } from 'knex';
import type { Migration } from './migration.js';

/**
 * Case numbers count per implementation code (实施编码) and day, not per platform and day: the
 * number is the code + yyyyMMdd + a 4-digit sequence, so two platforms whose codes coincide
 * (two platforms misconfigured with one USCC at one level) share a counter instead of both
 * drawing sequence 1 and colliding on the unique case number.
 *
 * Counts are carried over from the case numbers themselves, the largest sequence per code and
 * day, rather than from the old per-platform counters: a platform's old counter counted all its
 * items together, so it says nothing about one code, while the stored numbers say exactly
 * which sequences of each code are taken. The next number of a code continues after its largest.
 */
export const caseNumberCounter: Migration = {
  name: '0010-case-number-counter',
  async up(knex) {
    await knex.schema.createTable('case_number_counters', (t) => {
      t.string('code', 64).notNullable();
      t.string('day', 10).notNullable();
      t.integer('seq').notNullable();
      t.primary(['code', 'day']);
    });
    // code (31) + yyyyMMdd (8) + sequence (4); numbers of another shape were never drawn from a counter.
    await knex.raw(`INSERT INTO case_number_counters (code, day, seq)
      SELECT substr(number, 1, 31), substr(number, 32, 4) || '-' || substr(number, 36, 2) || '-' || substr(number, 38, 2),
             MAX(CAST(substr(number, 40, 4) AS INTEGER))
      FROM cases WHERE length(number) = 43 GROUP BY 1, 2`);
    await knex.schema.dropTable('case_numbers');
  },
  async down(knex) {
    await knex.schema.createTable('case_numbers', (t) => {
      t.string('platform_id', 64).notNullable().references('id').inTable('platforms');
      t.string('day', 10).notNullable();
      t.integer('seq').notNullable();
      t.primary(['platform_id', 'day']);
    });
    await knex.raw(`INSERT INTO case_numbers (platform_id, day, seq)
      SELECT platform_id, substr(number, 32, 4) || '-' || substr(number, 36, 2) || '-' || substr(number, 38, 2),
             MAX(CAST(substr(number, 40, 4) AS INTEGER))
      FROM cases WHERE length(number) = 43 GROUP BY 1, 2`);
    await knex.schema.dropTable('case_number_counters');
  },
};
