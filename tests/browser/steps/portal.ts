/**
 * Steps of the portal as an applicant takes them: sign in to the portal, fill an item's form
 * field by field through rjsf's own controls, upload materials, save a draft, submit, open a
 * case, supplement it, evaluate it, and look up a case's progress as the public does.
 */
import { expect } from 'chai';
import type { Locator, Page } from 'playwright-core';
import type { UploadFile } from '../../support/api-client.js';
import { DEMO_PASSWORD } from '../../support/test-server.js';

export const PLATFORM = 'mianyang';

/** Signs in through the login page and lands on the portal page `next` (my cases by default). */
export async function signInToPortal(page: Page, username: string, next = '/portal/cases'): Promise<void> {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByTestId('signed-in-as').waitFor();
}

interface FieldSchema {
  type?: string;
  format?: string;
  enum?: unknown[];
}

/** The item's form schema, as the apply page reads it from the public catalog. */
async function formSchemaOf(page: Page, itemId: string): Promise<Record<string, FieldSchema>> {
  const response = await page.request.get(`/api/platforms/${PLATFORM}/items/${itemId}`);
  expect(response.status()).to.equal(200);
  const guide = (await response.json()) as { form: { schema: { properties: Record<string, FieldSchema> } } };
  return guide.form.schema.properties;
}

/** Sets one field through the control rjsf draws for it (ids are root_<key>, radios root_<key>-<option index>). */
async function fillField(form: Locator, key: string, value: unknown, schema: FieldSchema): Promise<void> {
  const id = `#root_${key}`;
  if (typeof value === 'boolean' || schema.enum) {
    const options = schema.enum ?? [true, false];
    await form.locator(`${id}-${options.indexOf(value)}`).check();
  } else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const input = form.locator(`${id}_${i}`);
      if ((await input.count()) === 0) await form.locator(`${id}__add`).click();
      await input.fill(String(item));
    }
  } else if (schema.format === 'date') {
    const input = form.locator(id);
    await input.click();
    await input.fill(String(value));
    await input.press('Enter');
    await expect(await input.inputValue()).to.equal(String(value));
  } else {
    await form.locator(id).fill(String(value));
  }
}

/** Uploads a material's files and waits until each shows as uploaded. */
export async function uploadMaterial(page: Page, key: string, files: UploadFile[]): Promise<void> {
  const before = await page.getByTestId(`uploaded-${key}`).count();
  await page.getByTestId(`upload-${key}`).setInputFiles(
    files.map((f) => ({ name: f.name, mimeType: f.type ?? 'application/octet-stream', buffer: Buffer.from(f.content) })),
  );
  await page.getByTestId(`uploaded-${key}`).nth(before + files.length - 1).waitFor();
}

export interface Application {
  /** Form data to type in, key by key. */
  data: Record<string, unknown>;
  /** Files per material key. */
  files: Record<string, UploadFile[]>;
  /** Material keys to leave out of `files`. */
  omit?: string[];
}

/** Opens the apply page of an item and fills the form and materials, without submitting. */
export async function fillApplication(page: Page, itemId: string, application: Application): Promise<void> {
  await page.goto(`/portal/apply/${itemId}`);
  const form = page.getByTestId('application-form');
  await form.locator('form').waitFor();
  const schema = await formSchemaOf(page, itemId);
  for (const [key, value] of Object.entries(application.data)) await fillField(form, key, value, schema[key] ?? {});
  for (const [key, files] of Object.entries(application.files)) {
    if (!application.omit?.includes(key)) await uploadMaterial(page, key, files);
  }
}

/** Submits the application on the page and waits for the answer (the notice or receipt). */
export async function submitApplication(page: Page): Promise<{ number: string; code: string }> {
  await page.getByTestId('submit-application').click();
  await page.getByTestId('submitted').waitFor();
  return { number: await page.getByTestId('case-number').innerText(), code: await page.getByTestId('verification-code').innerText() };
}

/** Applies for an item through the apply page: fills, uploads, submits; answers the case number and code. */
export async function applyFor(page: Page, itemId: string, application: Application): Promise<{ number: string; code: string }> {
  await fillApplication(page, itemId, application);
  return submitApplication(page);
}

/** Opens one of my cases from the list by its number. */
export async function openMyCase(page: Page, number: string): Promise<void> {
  await page.goto('/portal/cases');
  await page.getByTestId('my-cases').getByRole('link', { name: number }).click();
  await page.getByTestId('case-page').getByTestId('case-number').filter({ hasText: number }).waitFor();
}

/** On an open case page in supplement: uploads the missing materials and resubmits. */
export async function supplement(page: Page, files: Record<string, UploadFile[]>): Promise<void> {
  const panel = page.getByTestId('supplement');
  await panel.waitFor();
  for (const [key, list] of Object.entries(files)) await uploadMaterial(page, key, list);
  await panel.getByTestId('resubmit').click();
  await panel.waitFor({ state: 'detached' });
}

/** On an open finished case: rates it on the five-level scale with a comment. */
export async function evaluate(page: Page, input: { level: string; comment: string }): Promise<void> {
  const panel = page.getByTestId('evaluate');
  await panel.getByRole('radio', { name: input.level, exact: true }).check();
  await panel.getByLabel('评价意见').fill(input.comment);
  await panel.getByTestId('submit-evaluation').click();
  await page.getByTestId('evaluation').waitFor();
}

/** The public lookup (信息公示专区), by keyboard: number, code, Enter; answers the progress card once an answer shows (found or not). */
export async function lookUpProgress(page: Page, input: { number: string; code: string }): Promise<Locator> {
  await page.goto('/progress');
  await page.getByLabel('办件编号').fill(input.number);
  await page.getByLabel('查询码').fill(input.code);
  await page.getByLabel('查询码').press('Enter');
  const result = page.getByTestId('progress-result');
  await result.or(page.getByTestId('progress-not-found')).waitFor();
  return result;
}
