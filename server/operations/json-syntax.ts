/**
 * Where a JSON text first goes wrong, as line and column: Node's JSON.parse names the token but
 * not always its place. jsonc-parser (VS Code's scanner) reports every error with its offset;
 * comments and trailing commas count as errors here, as they do for JSON.parse.
 */
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

export interface JsonSyntaxError {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
  /** What went wrong there, in jsonc-parser's words (e.g. "PropertyNameExpected"). */
  expected: string;
}

/** The first syntax error of `text`, or undefined when it is valid JSON. */
export function locateJsonError(text: string): JsonSyntaxError | undefined {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first === undefined) return undefined;
  const before = text.slice(0, first.offset);
  const line = before.split('\n').length;
  return { line, column: first.offset - before.lastIndexOf('\n'), expected: printParseErrorCode(first.error) };
}
