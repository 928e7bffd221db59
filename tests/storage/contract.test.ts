/** The storage contract suites, each run on a real SQLite file and on the real PostgreSQL. */
import { forEachDatabase } from '../support/databases.js';
import { contracts } from './contract/index.js';

forEachDatabase('storage contract', (target) => {
  for (const contract of contracts) contract(target);
});
