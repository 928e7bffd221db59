/** Every storage contract suite, in the order the runners register them. */
import { accountsContract } from './accounts.contract.js';
import { applyDecisionContract } from './apply-decision.contract.js';
import { caseEventsContract } from './case-events.contract.js';
import { casesContract } from './cases.contract.js';
import type { ContractContext } from './context.js';
import { definitionsContract } from './definitions.contract.js';
import { workQueuesContract } from './work-queues.contract.js';
import { migrationsContract } from './migrations.contract.js';

export const contracts: Array<(ctx: ContractContext) => void> = [migrationsContract, definitionsContract, casesContract, caseEventsContract, workQueuesContract, applyDecisionContract, accountsContract];
