/**
 * Builds the OpenAPI 3.1 document from the route descriptors. Tests validate real responses
 * against it, so the document cannot drift from what the server does.
 */
import type { TSchema } from '@sinclair/typebox';
import type { Route } from './route.js';
import { ProblemSchema } from './schemas.js';

const roleText = (route: Route): string =>
  route.access === 'public' ? 'Public.' : route.access === 'signedIn' ? 'Any signed-in user.' : `Roles: ${route.access.join(', ')}.`;

/** Express `/api/cases/:caseId` → OpenAPI `/api/cases/{caseId}`. */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z]+)/g, '{$1}');
}

function plain(schema: TSchema): unknown {
  return JSON.parse(JSON.stringify(schema));
}

/** The Idempotency-Key header of a route that honours one (http/idempotency.ts). */
function idempotencyParameter(route: Route): unknown[] {
  if (!route.idempotency) return [];
  return [
    {
      name: 'Idempotency-Key',
      in: 'header',
      required: route.idempotency === 'required',
      description:
        'A structured-field string of 16–255 printable characters, e.g. "8e03978e-40d5-43e8-bc93-6894a57f9324": a new one per submission, the same one on every retry of it. ' +
        'A retry after success answers the recorded status and body byte for byte (header Idempotent-Replayed: true); while the first runs, 409; with another body, 422. Keys are kept 24 hours.',
      schema: { type: 'string', minLength: 16, maxLength: 257 },
    },
  ];
}

function operation(route: Route): Record<string, unknown> {
  const params = [...route.path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const query = route.query
    ? Object.entries((plain(route.query) as { properties?: Record<string, unknown> }).properties ?? {}).map(([name, schema]) => ({
        name,
        in: 'query',
        required: false,
        schema,
      }))
    : [];
  const responses: Record<string, unknown> = {};
  for (const [status, schema] of Object.entries(route.responses)) {
    if ('contentType' in schema && typeof schema.contentType === 'string') {
      responses[status] = { description: schema.description, content: { [schema.contentType]: {} } };
    } else {
      responses[status] = { description: 'OK', content: { 'application/json': { schema: plain(schema as TSchema) } } };
    }
  }
  responses.default = { description: 'A problem (RFC 9457)', content: { 'application/problem+json': { schema: plain(ProblemSchema) } } };
  const op: Record<string, unknown> = {
    summary: route.summary,
    description: roleText(route),
    tags: [route.tag],
    operationId: `${route.method}${openApiPath(route.path).replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
    parameters: [...params, ...query, ...idempotencyParameter(route)],
    responses,
    security: route.access === 'public' ? [] : [{ session: [] }],
  };
  if (route.body) op.requestBody = { required: true, content: { 'application/json': { schema: plain(route.body) } } };
  if (route.rawBody) op.requestBody = { required: true, description: route.rawBody.description, content: { 'application/json': { schema: {} } } };
  if (route.multipart) {
    const properties: Record<string, unknown> = {};
    for (const [name, description] of Object.entries(route.multipart.fields)) properties[name] = { type: 'string', description };
    const filesDescription = route.multipart.inMemory?.description ?? 'Material files; field name materials[<key>].';
    properties[route.multipart.files] = { type: 'string', format: 'binary', description: filesDescription };
    const content = op.requestBody ? (op.requestBody as { content: Record<string, unknown> }).content : {};
    content['multipart/form-data'] = { schema: { type: 'object', properties } };
    op.requestBody = { required: true, content };
  }
  return op;
}

export function buildOpenApi(routes: Route[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    paths[path] ??= {};
    paths[path]![route.method] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'ipsp — 低代码公共服务办件引擎 API (low-code public service case engine)',
      version,
      description: 'Definitions, service lists and guides, cases and their actions. Errors are application/problem+json.',
    },
    components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'ipsp.sid' } } },
    paths,
  };
}
