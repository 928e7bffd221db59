/** Every storage contract suite, in the order the runners register them. */
import type { ContractContext } from './context.js';
import { definitionsContract } from './definitions.contract.js';
import { migrationsContract } from './migrations.contract.js';

export const contracts: Array<(ctx: ContractContext) => void> = [migrationsContract, definitionsContract];
