/**
 * Writes the JSON meta-schema of every definition kind to definitions/schemas/, from the
 * TypeBox source in engine/kinds/. With --check it writes nothing and fails when a file is stale,
 * so CI catches a schema edited by hand or a source changed without regenerating.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { kinds, kindNames } from '../engine/kinds/index.js';

const outDir = fileURLToPath(new URL('../definitions/schemas/', import.meta.url));
const isCheck = process.argv.includes('--check');

function render(name: string): string {
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `https://ipsp.dev/schemas/${name}.schema.json`,
    $comment: 'GENERATED from engine/kinds/ by `npm run gen:schemas`. Do not edit by hand.',
    title: name,
    ...JSON.parse(JSON.stringify(kinds[name as keyof typeof kinds])),
  };
  return JSON.stringify(schema, null, 2) + '\n';
}

await mkdir(outDir, { recursive: true });
const stale: string[] = [];
for (const name of kindNames) {
  const file = `${outDir}${name}.schema.json`;
  const text = render(name);
  const current = await readFile(file, 'utf8').catch(() => '');
  if (current === text) continue;
  if (isCheck) stale.push(file);
  else await writeFile(file, text);
}
if (stale.length > 0) {
  console.error(`Stale generated schemas (run \`npm run gen:schemas\`):\n  ${stale.join('\n  ')}`);
  process.exit(1);
}
console.log(isCheck ? 'schemas up to date' : `wrote ${kindNames.length} schemas to definitions/schemas/`);
