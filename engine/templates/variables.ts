/**
 * Static checking of handlebars templates against their declared context: every variable must
 * exist in the context schema, every helper must be one rendering registers. The source is
 * only parsed (`Handlebars.parse`, pure), never compiled, so checking runs no template code.
 */
import Handlebars from 'handlebars';
import type { TSchema } from '@sinclair/typebox';
import { didYouMean } from '../suggest.js';
import { templateHelperNames } from './context.js';

type Ast = hbs.AST.Node & Record<string, unknown>;
type PathExpr = hbs.AST.PathExpression;
type SchemaNode = Record<string, unknown>;

/** What a template check found: one issue per problem, with the 1-based line and column it sits at. */
export interface TemplateIssue {
  code: 'template.syntax' | 'template.helper-unknown' | 'template.variable-unknown' | 'template.partial-unsupported';
  message: string;
  line?: number;
  /** 1-based, counted in UTF-16 code units as editors count them. */
  column?: number;
  /** The helper, variable or partial as written. */
  name?: string;
  suggestion?: string;
}

/** Handlebars' own helpers; they are always registered. */
// `log` is not offered: it would write template text to the server's console.
const builtinHelpers = new Set(['if', 'unless', 'each', 'with', 'lookup']);
const helperNames = new Set<string>([...builtinHelpers, ...templateHelperNames]);
const eachDataVariables = new Set(['index', 'first', 'last', 'key']);

interface Frame {
  /** Schema of `this` in the frame; `undefined` = open (anything goes below). */
  schema: SchemaNode | undefined;
  isEach: boolean;
  blockParams: Map<string, SchemaNode | undefined>;
}

type Lookup = { found: true; schema: SchemaNode | undefined } | { found: false };

const OPEN: Lookup = { found: true, schema: undefined };

function isOpen(schema: SchemaNode): boolean {
  return schema.type === undefined && schema.properties === undefined && schema.anyOf === undefined;
}

/** Walks `parts` down a TypeBox schema; Unknown parts are open, arrays take an index or `length`. */
function resolveIn(schema: SchemaNode | undefined, parts: string[]): Lookup {
  let node = schema;
  for (const part of parts) {
    if (node === undefined || isOpen(node)) return OPEN;
    const properties = node.properties as Record<string, SchemaNode> | undefined;
    if (node.type === 'object' && properties !== undefined && Object.hasOwn(properties, part)) node = properties[part];
    else if (node.type === 'array' && /^\d+$/.test(part)) node = node.items as SchemaNode;
    else if ((node.type === 'array' || node.type === 'string') && part === 'length') node = { type: 'integer' };
    else return { found: false };
  }
  return { found: true, schema: node };
}

/** Dotted paths below a schema, for did-you-mean; arrays are not entered (templates iterate them). */
function pathsOf(schema: SchemaNode | undefined, prefix = '', depth = 0): string[] {
  if (schema === undefined || depth > 5 || schema.type !== 'object') return [];
  const properties = (schema.properties ?? {}) as Record<string, SchemaNode>;
  return Object.entries(properties).flatMap(([name, child]) => [prefix + name, ...pathsOf(child, `${prefix}${name}.`, depth + 1)]);
}

function elementSchema(schema: SchemaNode | undefined): SchemaNode | undefined {
  return schema?.type === 'array' ? (schema.items as SchemaNode) : undefined;
}

/** Where a node starts, as an issue reports it (Handlebars counts columns from 0). */
function at(node: hbs.AST.Node): { line?: number; column?: number } {
  const start = node.loc?.start;
  return start === undefined ? {} : { line: start.line, column: start.column + 1 };
}

/** A walk over one template: collects issues against a stack of scopes. */
class TemplateChecker {
  readonly issues: TemplateIssue[] = [];
  private frames: Frame[];

  constructor(root: TSchema) {
    this.frames = [{ schema: root as SchemaNode, isEach: false, blockParams: new Map() }];
  }

  program(program: hbs.AST.Program | undefined, frame?: Frame): void {
    if (program === undefined) return;
    if (frame !== undefined) this.frames.push(frame);
    for (const statement of program.body) this.statement(statement as Ast);
    if (frame !== undefined) this.frames.pop();
  }

  private statement(node: Ast): void {
    switch (node.type) {
      case 'MustacheStatement':
        this.call(node as unknown as hbs.AST.MustacheStatement);
        return;
      case 'BlockStatement':
        return this.block(node as unknown as hbs.AST.BlockStatement);
      case 'PartialStatement':
      case 'PartialBlockStatement':
        this.issues.push({
          code: 'template.partial-unsupported',
          message: 'uses a partial ({{> …}}); partials are not registered, write the text inline',
          ...at(node),
        });
        return;
      default:
        return;
    }
  }

  /** A mustache or subexpression: a helper call when it has arguments or names a helper, else a variable. */
  private call(node: hbs.AST.MustacheStatement | hbs.AST.SubExpression): Lookup {
    const path = node.path as PathExpr;
    const hasArgs = node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0;
    if (path.type !== 'PathExpression') return OPEN;
    if (hasArgs || node.type === 'SubExpression' || this.isHelperName(path)) {
      this.helper(path);
      this.args(node.params, node.hash);
      return OPEN;
    }
    return this.variable(path);
  }

  private isHelperName(path: PathExpr): boolean {
    return this.isSimple(path) && helperNames.has(path.original);
  }

  private isSimple(path: PathExpr): boolean {
    return !path.data && path.depth === 0 && path.parts.length === 1 && path.original === path.parts[0];
  }

  private helper(path: PathExpr): void {
    if (this.isHelperName(path)) return;
    const hint = didYouMean(path.original, helperNames);
    this.issues.push({
      code: 'template.helper-unknown',
      message: `calls unknown helper "${path.original}"; known helpers: ${[...helperNames].join(', ')}.${hint.text}`,
      ...at(path),
      name: path.original,
      suggestion: hint.suggestion,
    });
  }

  private args(params: hbs.AST.Expression[], hash: hbs.AST.Hash | undefined): void {
    for (const param of [...params, ...(hash?.pairs.map((pair) => pair.value) ?? [])]) this.expression(param);
  }

  private expression(node: hbs.AST.Expression): Lookup {
    if (node.type === 'PathExpression') return this.variable(node as PathExpr);
    if (node.type === 'SubExpression') return this.call(node as hbs.AST.SubExpression);
    return OPEN;
  }

  private block(node: hbs.AST.BlockStatement): void {
    const path = node.path as PathExpr;
    const name = this.isSimple(path) ? path.original : undefined;
    const [first] = node.params;
    const target = first === undefined ? OPEN : this.expression(first);
    if (name === 'each' || name === 'with') {
      this.args(node.params.slice(1), node.hash);
      const schema = target.found ? target.schema : undefined;
      const scope = name === 'each' ? (schema === undefined || schema.type !== 'array' ? undefined : elementSchema(schema)) : schema;
      this.program(node.program, this.frame(node.program, scope, name === 'each'));
      this.program(node.inverse);
      return;
    }
    if (name !== undefined && helperNames.has(name)) {
      this.args(node.params.slice(1), node.hash);
      this.program(node.program);
      this.program(node.inverse);
      return;
    }
    if (node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0) {
      this.helper(path);
      this.args(node.params.slice(1), node.hash);
      this.program(node.program);
      this.program(node.inverse);
      return;
    }
    this.section(node, path);
  }

  /** `{{#x}}…{{/x}}` without a helper: mustache sections iterate arrays and enter objects. */
  private section(node: hbs.AST.BlockStatement, path: PathExpr): void {
    const target = this.variable(path);
    const schema = target.found ? target.schema : undefined;
    if (schema?.type === 'array') this.program(node.program, this.frame(node.program, elementSchema(schema), true));
    else if (schema?.type === 'object') this.program(node.program, this.frame(node.program, schema, false));
    else this.program(node.program);
    this.program(node.inverse);
  }

  private frame(program: hbs.AST.Program, schema: SchemaNode | undefined, isEach: boolean): Frame {
    const [item, index] = program.blockParams ?? [];
    const blockParams = new Map<string, SchemaNode | undefined>();
    if (item !== undefined) blockParams.set(item, schema);
    if (index !== undefined) blockParams.set(index, { type: isEach ? 'integer' : 'string' });
    return { schema, isEach, blockParams };
  }

  private variable(path: PathExpr): Lookup {
    const lookup = this.lookup(path);
    if (!lookup.found) this.unknownVariable(path);
    return lookup;
  }

  private lookup(path: PathExpr): Lookup {
    const current = this.frames.length - 1;
    if (path.data) {
      const [head, ...rest] = path.parts;
      if (head === 'root') return resolveIn(this.frames[0]?.schema, rest);
      const isInEach = this.frames.some((f) => f.isEach);
      return isInEach && head !== undefined && eachDataVariables.has(head) && rest.length === 0 ? OPEN : { found: false };
    }
    const isExplicitThis = /^(this|\.)([./]|$)/.test(path.original);
    const [head, ...rest] = path.parts;
    if (!isExplicitThis && path.depth === 0 && head !== undefined) {
      for (let i = current; i >= 0; i--) {
        const params = this.frames[i]?.blockParams;
        if (params?.has(head)) return resolveIn(params.get(head), rest);
      }
    }
    const frame = this.frames[current - path.depth];
    return frame === undefined ? { found: false } : resolveIn(frame.schema, path.parts);
  }

  private unknownVariable(path: PathExpr): void {
    const frame = this.frames[this.frames.length - 1 - path.depth];
    const written = path.parts.join('.');
    const hint = path.data || frame === undefined ? { text: '' } : didYouMean(written, pathsOf(frame.schema));
    const where = this.frames.length > 1 && !path.data ? ' in this block' : '';
    this.issues.push({
      code: 'template.variable-unknown',
      message: `uses unknown variable "${path.original}"${where}.${hint.text}`,
      ...at(path),
      name: path.original,
      suggestion: hint.suggestion,
    });
  }
}

/** The lexer state Handlebars' parser leaves behind; not in its typings. */
type ParserState = { Parser?: { lexer?: { yylloc?: { first_line?: number; first_column?: number } } } };

/**
 * Where a syntax error sits. Block mismatches carry their own position; for grammar errors the
 * parser throws a bare message, but its lexer still holds the token it stopped at (parsing is
 * synchronous, so that state is this parse's).
 */
function syntaxErrorAt(err: Error & { lineNumber?: number; column?: number }): { line?: number; column?: number } {
  if (err.lineNumber !== undefined) return { line: err.lineNumber, ...(err.column === undefined ? {} : { column: err.column + 1 }) };
  const line = Number(/line (\d+)/.exec(err.message)?.[1] ?? NaN);
  if (Number.isNaN(line)) return {};
  const token = (Handlebars as unknown as ParserState).Parser?.lexer?.yylloc;
  const isSameLine = token?.first_line === line && typeof token.first_column === 'number';
  return isSameLine ? { line, column: (token.first_column as number) + 1 } : { line };
}

/** Parses a template, or returns the syntax issue with its line and column. */
function parse(source: string): { ast: hbs.AST.Program } | { issue: TemplateIssue } {
  try {
    return { ast: Handlebars.parse(source) };
  } catch (error) {
    const err = error as Error & { lineNumber?: number; column?: number };
    // Grammar errors say "Parse error on line N:", an excerpt, then what was expected and got: the useful part.
    const detail = err.message.split('\n').at(-1) ?? err.message;
    return { issue: { code: 'template.syntax', message: `has a syntax error: ${detail}`, ...syntaxErrorAt(err) } };
  }
}

/**
 * Checks a handlebars source against a declared context schema (see `templateContexts`):
 * syntax, helpers and every variable, following `each`/`with` scopes, block params, `../`
 * and `@index`/`@key`/`@first`/`@last`/`@root`.
 *
 * @example checkTemplateSource('{{case.numbr}}', CaseContext)
 * // [{ code: 'template.variable-unknown', message: 'uses unknown variable "case.numbr". Did you mean "case.number"?', line: 1, … }]
 */
export function checkTemplateSource(source: string, context: TSchema): TemplateIssue[] {
  const parsed = parse(source);
  if ('issue' in parsed) return [parsed.issue];
  const checker = new TemplateChecker(context);
  checker.program(parsed.ast);
  return checker.issues;
}

/**
 * The variables a template names, as written (`case.number`, `this.name`, `@index`), in order of
 * appearance; helper names are left out. Empty for a template that does not parse.
 */
export function templateVariables(source: string): string[] {
  const parsed = parse(source);
  if ('issue' in parsed) return [];
  const found = new Set<string>();
  const visit = (node: unknown, isCallee: boolean): void => {
    if (Array.isArray(node)) return node.forEach((child) => visit(child, false));
    if (typeof node !== 'object' || node === null) return;
    const n = node as Ast;
    if (n.type === 'PathExpression') {
      const path = n as unknown as PathExpr;
      if (!isCallee && !(path.parts.length === 1 && helperNames.has(path.original))) found.add(path.original);
      return;
    }
    for (const [key, value] of Object.entries(n)) {
      if (key === 'loc') continue;
      const isCall = key === 'path' && (n.type === 'BlockStatement' || (Array.isArray(n.params) && n.params.length > 0) || n.type === 'SubExpression');
      visit(value, isCall);
    }
  };
  visit(parsed.ast, false);
  return [...found];
}
