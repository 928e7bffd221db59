/**
 * The server the browser benchmark talks to: the real app on a seeded SQLite file (as the
 * browser tests run it), with the generated form published on 绵阳 through the importer (shape
 * and semantic checks of the loader) and zhangsan's application draft holding the group's rows.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sqliteTarget } from '../bench-targets.js';
import { importDefinitions } from '../../server/operations/import-definitions.js';
import { definitionsDir } from '../../server/paths.js';
import { startTestServer, type TestServer } from '../../tests/support/test-server.js';
import { generateForm, type FormShape, type GeneratedForm } from './generated-form.js';

export const PLATFORM = 'mianyang';
export const APPLICANT = 'zhangsan';
export const DESIGNER = 'admin';

export interface FormsSite {
  server: TestServer;
  form: GeneratedForm;
  close(): Promise<void>;
}

/** The item the generated one copies its guide fields from (a real province item). */
async function itemTemplate(): Promise<Record<string, unknown>> {
  const text = await readFile(join(definitionsDir, 'province', 'items', 'patent-pledge-registration.json'), 'utf8');
  const { locked: _locked, ...item } = JSON.parse(text) as Record<string, unknown>;
  return item;
}

/**
 * Starts the seeded server, publishes the generated form on 绵阳 and saves the applicant's draft.
 *
 * @example const site = await openFormsSite(fullShape); …; await site.close();
 */
export async function openFormsSite(shape: FormShape): Promise<FormsSite> {
  const store = await sqliteTarget('NORMAL').open();
  const server = await startTestServer({ db: store.db });
  try {
    const form = generateForm(shape, await itemTemplate());
    await importDefinitions(server.services, { platformId: PLATFORM, files: form.documents, by: 'bench-forms' });
    const applicant = await server.client(APPLICANT);
    const saved = await applicant.put(`/api/application-drafts/${form.itemId}`, { data: form.draft, fileRefs: {} });
    if (saved.status !== 200) throw new Error(`The benchmark's draft was refused: ${saved.status} ${JSON.stringify(saved.body)}`);
    return {
      server,
      form,
      async close() {
        await server.close();
        await store.dispose();
      },
    };
  } catch (failure) {
    await server.close();
    await store.dispose();
    throw failure;
  }
}
