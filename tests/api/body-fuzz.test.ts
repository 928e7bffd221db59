/**
 * Goal D1, the API: every route of the inventory with a JSON body schema gets arbitrary
 * bodies, bodies shaped by its schema with one thing wrong, and broken JSON text, over real
 * HTTP as a signed-in user the route allows (SQLite: the checks are the server's, not the
 * database's). No answer may be a 5xx; every 400 or 422 names at least one problem, each with
 * a JSON Pointer, and a body problem's pointer lands inside the body that was sent.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { kindNames } from '../../engine/kinds/index.js';
import type { Route } from '../../server/http/route.js';
import { routes } from '../../server/routes/index.js';
import type { ApiClient } from '../support/api-client.js';
import { sqlite } from '../support/databases.js';
import { awkwardString, pointerTokens, resolvePointer, setOwn, tree, treeText } from '../support/fuzz.js';
import { useApiSuite } from './support/api-suite.js';

const RUNS_PER_ROUTE = Number(process.env.IPSP_FUZZ_API_RUNS ?? 40);
const userByRole: Record<string, string> = { 'platform-admin': 'admin', 'province-admin': 'province', applicant: 'zhangsan', staff: 'staff1', auditor: 'auditor' };

type Schema = Record<string, any>;

/** A value that satisfies `schema` as far as this small generator understands it. */
function shaped(schema: Schema): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(union)) return fc.oneof(...union.map((s: Schema) => shaped(s)));
  if (Array.isArray(schema.allOf)) return fc.tuple(...schema.allOf.map((s: Schema) => shaped(s))).map((parts) => Object.assign({}, ...parts.filter((p) => typeof p === 'object')));
  switch (schema.type) {
    case 'object': {
      const properties = Object.entries((schema.properties ?? {}) as Record<string, Schema>);
      const required = new Set<string>(schema.required ?? []);
      const entries = properties.map(([name, s]) => (required.has(name) ? shaped(s).map((v) => [name, v] as const) : fc.option(shaped(s).map((v) => [name, v] as const), { nil: undefined })));
      return fc.tuple(...entries).map((pairs) => Object.fromEntries(pairs.filter((p) => p !== undefined) as Array<readonly [string, unknown]>));
    }
    case 'array': return fc.array(schema.items ? shaped(schema.items) : tree, { maxLength: 3 });
    case 'string': return fc.oneof(fc.string({ maxLength: 12 }), awkwardString, fc.constantFrom('2026-09-21', 'demo-zhangsan', 'mianyang', 'patent-pledge-registration'));
    case 'integer': return fc.oneof(fc.integer({ min: -2, max: 2030 }), fc.constant(1));
    case 'number': return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'boolean': return fc.boolean();
    case 'null': return fc.constant(null);
    default: return tree;
  }
}

/** One thing made wrong: a member dropped, a value of another type, an extra or prototype key. */
function madeWrong(value: unknown, how: number, extra: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [value, { wrong: true }][how % 2];
  const copy = { ...(value as Record<string, unknown>) };
  const keys = Object.keys(copy);
  const key = keys[how % Math.max(keys.length, 1)];
  switch (how % 4) {
    case 0: if (key !== undefined) delete copy[key]; break;
    case 1: if (key !== undefined) copy[key] = typeof copy[key] === 'string' ? 12 : 'text'; break;
    case 2: setOwn(copy, ['__proto__', 'constructor', 'prototype'][how % 3]!, extra ?? { polluted: true }); break;
    default: copy[`unexpected${how}`] = extra;
  }
  return copy;
}

function encodeSegment(value: string): string {
  try {
    return encodeURIComponent(value) || 'x';
  } catch {
    return 'x'; // a lone surrogate cannot be a URL
  }
}

/** A path of the route with its parameters filled: real-looking values or awkward ones. */
const pathOf = (route: Route): fc.Arbitrary<string> => {
  const names = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const values = names.map((name) =>
    name === 'kind' ? fc.constantFrom<string>(...kindNames, 'Nope') : fc.oneof(fc.constantFrom('patent-pledge-registration', 'mianyang', '2025', 'standard-service', '00000000-0000-4000-8000-000000000000'), awkwardString),
  );
  return fc.tuple(...values).map((filled) => names.reduce((path, name, i) => path.replace(`:${name}`, encodeSegment(String(filled[i]))), route.path));
};

/** The text of a body: arbitrary JSON, shaped-but-wrong JSON, or JSON with a bit flipped. */
const bodyOf = (route: Route): fc.Arbitrary<string> =>
  fc.oneof(
    tree.map(treeText),
    fc.tuple(shaped(route.body as Schema), fc.nat(), tree).map(([value, how, extra]) => JSON.stringify(madeWrong(value, how, JSON.parse(treeText(extra))))),
    fc.tuple(shaped(route.body as Schema), fc.nat(), fc.nat(15)).map(([value, at, bit]) => {
      const text = JSON.stringify(value) ?? 'null';
      const i = at % text.length;
      return text.slice(0, i) + String.fromCharCode(text.charCodeAt(i) ^ (1 << bit)) + text.slice(i + 1);
    }),
  );

describe('API body fuzz (goal D1)', function () {
  this.timeout(600_000);
  const suite = useApiSuite(sqlite);
  const bodyRoutes = routes.filter((r) => r.body !== undefined);
  const tally = { routes: bodyRoutes.length, cases: 0, byStatus: {} as Record<number, number>, problems: 0 };

  it(`given every route with a JSON body schema, when each gets ${RUNS_PER_ROUTE} fuzzed bodies as a user it allows, then no 5xx and every 400/422 names problems with pointers inside the body`, async () => {
    const clients = new Map<string, ApiClient>();
    const clientFor = async (route: Route): Promise<ApiClient> => {
      const user = route.access === 'public' ? '' : route.access === 'signedIn' ? 'zhangsan' : userByRole[route.access[0]!]!;
      if (!clients.has(user)) clients.set(user, await suite.server.client(user || undefined));
      return clients.get(user)!;
    };
    for (const route of bodyRoutes) {
      const client = await clientFor(route);
      await fc.assert(
        fc.asyncProperty(pathOf(route), bodyOf(route), async (path, text) => {
          const answer = await client.request(route.method.toUpperCase(), path, { text });
          tally.cases += 1;
          tally.byStatus[answer.status] = (tally.byStatus[answer.status] ?? 0) + 1;
          const isUpstream = answer.status === 502 && String(answer.body.code).startsWith('federation.');
          expect(answer.status < 500 || isUpstream, `${route.method} ${path} ${text.slice(0, 200)} → ${answer.status} ${JSON.stringify(answer.body)}`).to.equal(true);
          if (answer.status !== 400 && answer.status !== 422) return;
          const problems = answer.body.problems as Array<{ path: unknown; code: string }>;
          expect(problems, `${route.method} ${path} → ${JSON.stringify(answer.body)}`).to.not.be.empty;
          let sent: unknown;
          try {
            sent = JSON.parse(text);
          } catch {
            sent = undefined;
          }
          for (const problem of problems) {
            tally.problems += 1;
            expect(pointerTokens(problem.path), `${route.path}: ${JSON.stringify(problem)}`).to.not.equal(undefined);
            if (sent !== undefined && problem.code.startsWith('request.')) expect(resolvePointer(sent, problem.path), `${route.path} ${text}: ${JSON.stringify(problem)}`).to.not.equal('outside');
          }
        }),
        { numRuns: RUNS_PER_ROUTE, seed: 6, endOnFailure: true },
      );
    }
    console.log(`      API fuzz: ${JSON.stringify(tally)}`);
    expect(tally.cases).to.equal(bodyRoutes.length * RUNS_PER_ROUTE);
  });
});
