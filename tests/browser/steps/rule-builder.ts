/** Steps in the rule builder (designer/src/components/RuleBuilder.tsx), wherever a designer shows it. */
import type { Page } from 'playwright-core';
import { choose } from './definitions.js';

/** A condition row as the rule builder shows it: 字段 (its label), 运算 (as worded, e.g. 为是, 大于), 值. */
export interface RuleRowSpec {
  field: string;
  op: string;
  /** The value as typed, or an option's label (是/否, a choice of the form). */
  value?: string;
}

/** Adds a row to the rule builder named `testId` and fills it. */
export async function addRuleRow(page: Page, testId: string, row: RuleRowSpec): Promise<void> {
  const builder = page.getByTestId(testId);
  await builder.getByTestId(`${testId}-add`).click();
  const n = await builder.locator('[data-testid^="rule-row-"]').count();
  await choose(builder.getByLabel(`字段 ${n}`, { exact: true }), row.field);
  await choose(builder.getByLabel(`运算 ${n}`, { exact: true }), row.op);
  if (row.value === undefined) return;
  const value = builder.getByLabel(`值 ${n}`, { exact: true });
  const isSelect = (await value.getAttribute('role')) === 'combobox';
  if (isSelect) await choose(value, row.value);
  else await value.fill(row.value);
}
