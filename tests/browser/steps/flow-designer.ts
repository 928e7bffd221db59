/**
 * Steps a person takes in the flow designer, for browser tests to reuse: create a flow (a copy
 * of the standard flow), add a step, connect two steps by dragging, select, read the live flags.
 */
import type { Locator, Page } from 'playwright-core';
import { choose, createDefinition } from './definitions.js';

/** The node of a step on the canvas. */
export function stepNode(page: Page, step: string): Locator {
  return page.getByTestId(`step-node-${step}`);
}

/** Opens a new flow with this id; it starts as a copy of the standard five-stage flow. */
export async function createFlow(page: Page, id: string): Promise<void> {
  await createDefinition(page, 'flows', id);
  await stepNode(page, 'consult').waitFor();
}

/** Opens an existing flow. */
export async function openFlow(page: Page, id: string): Promise<void> {
  await page.goto(`/studio/flows/${id}`);
  await page.locator(`[data-testid="editor"][data-id="${id}"]`).waitFor();
  await page.getByTestId('flow-canvas').locator('.react-flow__node').first().waitFor();
}

/** Adds a step through the "add step" dialog; the step has no way in or out yet. */
export async function addStep(page: Page, step: { title: string; key: string; stage?: string }): Promise<void> {
  await page.getByTestId('add-step').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('步骤名称').fill(step.title);
  await dialog.getByLabel('步骤标识').fill(step.key);
  if (step.stage !== undefined) await choose(dialog.getByLabel('所属阶段'), step.stage);
  await dialog.getByLabel('步骤名称').press('Enter');
  await dialog.waitFor({ state: 'detached' });
  await stepNode(page, step.key).waitFor();
}

const nextFrame = (page: Page) => page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');

/** The centre of an element once it stops moving (the canvas fits its view to the flow after the nodes are measured). */
async function centerOf(locator: Locator): Promise<{ x: number; y: number }> {
  let last = '';
  for (let frame = 0; frame < 120; frame++) {
    const box = await locator.boundingBox();
    if (!box) throw new Error('element has no box');
    const key = JSON.stringify(box);
    if (key === last) return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    last = key;
    await nextFrame(locator.page());
  }
  throw new Error('element kept moving');
}

/** Adds an action by dragging from the bottom handle of `from` to the top handle of `to`, as a user does. */
export async function connectSteps(page: Page, from: string, to: string): Promise<void> {
  // Scroll once, before measuring: scrolling between the two measures would move the first.
  await page.getByTestId('flow-canvas').scrollIntoViewIfNeeded();
  const source = await centerOf(page.locator(`.react-flow__node[data-id="${from}"] .react-flow__handle.source`));
  const target = await centerOf(page.locator(`.react-flow__node[data-id="${to}"] .react-flow__handle.target`));
  await page.mouse.move(source.x, source.y);
  await page.mouse.down();
  await page.mouse.move((source.x + target.x) / 2, (source.y + target.y) / 2, { steps: 5 });
  await page.mouse.move(target.x, target.y, { steps: 5 });
  await page.mouse.up();
  await page.getByTestId('action-panel').waitFor();
}

/** Selects a step on the canvas; its panel opens. */
export async function selectStep(page: Page, step: string): Promise<void> {
  await stepNode(page, step).click();
  await page.getByTestId('step-panel').waitFor();
}

/** The codes of the engine's problems flagged on a step ('' when none). */
export async function flagsOf(page: Page, step: string): Promise<string> {
  return (await stepNode(page, step).getAttribute('data-flagged')) ?? '';
}

/** Waits until the step's flags are exactly `codes` (sorted, space-separated as the node shows them). */
export async function waitForFlags(page: Page, step: string, codes: string[]): Promise<void> {
  const node = stepNode(page, step);
  if (codes.length === 0) await page.locator(`[data-testid="step-node-${step}"]:not([data-flagged])`).waitFor();
  else await page.locator(`[data-testid="step-node-${step}"][data-flagged="${codes.join(' ')}"]`).waitFor();
  await node.waitFor();
}
