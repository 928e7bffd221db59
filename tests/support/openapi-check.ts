/**
 * Checks real responses against the server's own OpenAPI document: the response schema of the
 * operation and status the response came from. A response with no documented status fails.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { openApiDocument } from '../../server/routes/index.js';

type Operation = { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> };

const ajv = new Ajv2020({ strict: false, allErrors: true });
const document = openApiDocument() as { paths: Record<string, Record<string, Operation>> };
const templates = Object.keys(document.paths).map((template) => ({
  template,
  pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
}));

/** Every operation a test has seen answered, as "get /api/cases/{caseId}". */
export const exercised = new Set<string>();

export function operationFor(method: string, path: string): { key: string; operation: Operation } | undefined {
  const bare = path.split('?')[0] as string;
  const match = templates.find((t) => t.pattern.test(bare));
  const operation = match ? document.paths[match.template]?.[method.toLowerCase()] : undefined;
  return match && operation ? { key: `${method.toLowerCase()} ${match.template}`, operation } : undefined;
}

/** Throws when `body` does not match what the document promises for this method, path and status. */
export function checkAgainstOpenApi(input: { method: string; path: string; status: number; contentType: string; body: unknown }): void {
  const found = operationFor(input.method, input.path);
  if (!found) throw new Error(`${input.method} ${input.path} is not in the OpenAPI document`);
  exercised.add(found.key);
  const response = found.operation.responses[String(input.status)] ?? found.operation.responses.default;
  if (!response) throw new Error(`${found.key} answered ${input.status}, which the document does not describe`);
  const isProblem = input.contentType.startsWith('application/problem+json');
  const media = response.content?.[isProblem ? 'application/problem+json' : 'application/json'];
  if (!input.contentType.includes('json')) return;
  if (!media?.schema) throw new Error(`${found.key} ${input.status}: the document gives no ${input.contentType} schema`);
  const validate = ajv.compile(media.schema as object);
  if (!validate(input.body)) {
    throw new Error(`${found.key} ${input.status} does not match the OpenAPI document: ${ajv.errorsText(validate.errors)}`);
  }
}
