/**
 * Every rjsf playground sample (../shared/peer/rjsf-samples) round-trips through the form
 * designer: pasted into the JSON view, previewed without an error in the page, saved, and
 * read back from the API exactly as written — schema, uiSchema and sampleData (the sample's
 * formData), key order included.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { projectRoot } from '../../server/paths.js';
import { describeBrowser, useStudio } from './support/studio.js';
import { openFormDesigner, pasteFormJson, saveForm } from './steps/form-designer.js';

const samplesDir = join(projectRoot, '..', 'shared', 'peer', 'rjsf-samples');

interface Sample {
  schema: unknown;
  uiSchema: unknown;
  formData: unknown;
}

/** `ifThenElse` → `rjsf-if-then-else`: a definition id (lower-case words joined by hyphens). */
function formIdOf(name: string): string {
  return `rjsf-${name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}`;
}

describeBrowser('rjsf samples round-trip through the form designer', () => {
  it('finds the samples folder', () => {
    expect(existsSync(samplesDir), `missing ${samplesDir}`).to.equal(true);
  });
  const names = existsSync(samplesDir) ? readdirSync(samplesDir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -'.json'.length)).sort() : [];

  // One page serves every sample; useStudio reports page errors against the sample that caused them.
  const studio = useStudio({ signInAs: 'admin', timeoutMs: 15_000 });

  for (const name of names) {
    it(`${name}: pasted, previewed, saved and read back unchanged`, async () => {
      const { page, server } = studio;
      const sample = JSON.parse(readFileSync(join(samplesDir, `${name}.json`), 'utf8')) as Sample;
      const id = formIdOf(name);
      const pasted = { schema: sample.schema, uiSchema: sample.uiSchema, sampleData: sample.formData };

      await openFormDesigner(page, id);
      await pasteFormJson(page, pasted);
      await page.getByRole('tab', { name: '预览' }).click();
      await page.getByTestId('preview').locator('form').waitFor();
      expect(await page.getByText('预览无法显示').count(), 'preview failed').to.equal(0);
      await saveForm(page);

      const admin = await server.client('admin');
      const { status, body } = await admin.get(`/api/definitions/Form/${id}`);
      expect(status).to.equal(200);
      const draft = (body.versions as Array<{ status: string; isInherited: boolean; body: Record<string, unknown> }>).find((v) => v.status === 'draft' && !v.isInherited);
      expect(draft, 'a saved draft').to.not.equal(undefined);
      const stored = { schema: draft?.body.schema, uiSchema: draft?.body.uiSchema, sampleData: draft?.body.sampleData };
      expect(stored).to.deep.equal(pasted);
      expect(JSON.stringify(stored), 'key order').to.equal(JSON.stringify(pasted));
    });
  }
});
