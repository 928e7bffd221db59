/**
 * The OpenAPI document the server serves: version 3.1.0, exactly the routes of `routes` (no
 * more, no fewer), every operation summarized, uniquely named and with a problem answer, and
 * every schema in it compilable by Ajv (JSON Schema 2020-12, the dialect of OpenAPI 3.1).
 */
import { expect } from 'chai';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApiPath } from '../../server/http/openapi.js';
import { openApiDocument, routes } from '../../server/routes/index.js';
import { openDatabase, type Database } from '../../storage/database.js';
import { ApiClient } from '../support/api-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

type Media = { schema?: object };
type Operation = {
  summary?: string;
  operationId?: string;
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: object }>;
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, { description?: string; content?: Record<string, Media> }>;
};
type Document = { openapi: string; info: { title: string; version: string }; paths: Record<string, Record<string, Operation>> };

const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** Every operation of the document as [key "get /api/cases/{caseId}", operation]. */
function operationsOf(document: Document): Array<[string, Operation]> {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => methods.includes(method))
      .map(([method, operation]): [string, Operation] => [`${method} ${path}`, operation]),
  );
}

const routeKeys = (): string[] => routes.map((route) => `${route.method} ${openApiPath(route.path)}`).sort();

describe('the OpenAPI document', () => {
  let dir: string;
  let db: Database;
  let server: TestServer;
  let served: Document;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ipsp-openapi-'));
    db = await openDatabase({ sqliteFile: join(dir, 'test.sqlite') });
    await db.migrate();
    server = await startTestServer({ db, isSeeded: false });
    const response = await new ApiClient(server.url).get<Document>('/api/openapi.json');
    expect(response.status).to.equal(200);
    served = response.body;
  });

  after(async () => {
    await server?.close();
    await db?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('given GET /api/openapi.json, when fetched anonymously, then it is OpenAPI 3.1.0 and the document the server builds', () => {
    expect(served.openapi).to.equal('3.1.0');
    expect(served.info.title).to.be.a('string').and.not.equal('');
    expect(served.info.version).to.match(/^\d+\.\d+\.\d+/);
    expect(served).to.deep.equal(JSON.parse(JSON.stringify(openApiDocument())));
  });

  it('given the route inventory, when compared with the document, then every route appears with its method and nothing else does', () => {
    const documented = operationsOf(served).map(([key]) => key).sort();
    expect(documented, 'routes missing from the document').to.include.members(routeKeys());
    expect(routeKeys(), 'operations in the document that are no route').to.include.members(documented);
    expect(documented).to.have.length(routes.length);
  });

  it('given every operation, when read, then it has a summary, a unique operationId and a problem answer by default', () => {
    const ids = new Map<string, string>();
    for (const [key, operation] of operationsOf(served)) {
      expect(operation.summary, `${key}: summary`).to.be.a('string').and.have.length.greaterThan(5);
      expect(operation.operationId, `${key}: operationId`).to.match(/^[A-Za-z][A-Za-z0-9_]*$/);
      expect(ids.get(operation.operationId as string), `${key}: operationId "${operation.operationId}" is also used by`).to.equal(undefined);
      ids.set(operation.operationId as string, key);
      const problem = operation.responses.default?.content?.['application/problem+json']?.schema as { required?: string[] } | undefined;
      expect(problem, `${key}: default response with an application/problem+json schema`).to.be.an('object');
      expect(problem?.required, `${key}: problem fields`).to.include.members(['type', 'title', 'status', 'code', 'detail', 'problems']);
      for (const [status, response] of Object.entries(operation.responses)) {
        expect(status, `${key}: response key`).to.match(/^(default|[1-5]\d\d)$/);
        expect(response.description, `${key} ${status}: description`).to.be.a('string').and.not.equal('');
      }
    }
  });

  it('given every path template, when read, then each {parameter} is declared as a required path parameter', () => {
    for (const [key, operation] of operationsOf(served)) {
      const inPath = [...key.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      const declared = (operation.parameters ?? []).filter((p) => p.in === 'path');
      expect(declared.map((p) => p.name), key).to.deep.equal(inPath);
      for (const parameter of declared) expect(parameter.required, `${key} ${parameter.name}`).to.equal(true);
    }
  });

  it('given every JSON schema in the document, when compiled with Ajv 2020 in strict mode, then it compiles', () => {
    const ajv = addFormats(new Ajv2020({ strict: true, allErrors: true }));
    let compiled = 0;
    for (const [key, operation] of operationsOf(served)) {
      const schemas: Array<[string, object | undefined]> = [
        ...Object.entries(operation.responses).flatMap(([status, response]) =>
          Object.entries(response.content ?? {})
            .filter(([media]) => media.includes('json'))
            .map(([media, content]): [string, object | undefined] => [`${status} ${media}`, content.schema]),
        ),
        ...Object.entries(operation.requestBody?.content ?? {}).map(([media, content]): [string, object | undefined] => [`request ${media}`, content.schema]),
        ...(operation.parameters ?? []).map((p): [string, object | undefined] => [`parameter ${p.name}`, p.schema]),
      ];
      for (const [where, schema] of schemas) {
        expect(schema, `${key} ${where}: schema`).to.be.an('object');
        expect(() => ajv.compile(schema as object), `${key} ${where}`).not.to.throw();
        compiled++;
      }
    }
    expect(compiled).to.be.greaterThan(routes.length * 2);
  });
});
