/**
 * Where a JSON text first goes wrong, as line and column: Node's JSON.parse names the token but
 * not always its place. A strict RFC 8259 scan, run only after JSON.parse has refused the text.
 */

export interface JsonSyntaxError {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
  /** What was expected there. */
  expected: string;
}

/** The first syntax error of `text`, or undefined when it is valid JSON. */
export function locateJsonError(text: string): JsonSyntaxError | undefined {
  let at = 0;
  const fail = (expected: string): never => {
    throw Object.assign(new Error(expected), { at, expected });
  };
  const skipSpace = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at] as string)) at++;
  };
  const literal = (word: string) => {
    for (const char of word) {
      if (text[at] !== char) fail(`"${word}"`);
      at++;
    }
  };
  const string = () => {
    at++;
    for (;;) {
      const char = text[at];
      if (char === undefined || char < ' ') fail('a closing quote');
      if (char === '"') return void at++;
      if (char === '\\') {
        at++;
        if (text[at] === 'u') {
          at++;
          for (let i = 0; i < 4; i++, at++) if (!/[0-9a-fA-F]/.test(text[at] ?? '')) fail('a hex digit');
        } else if ('"\\/bfnrt'.includes(text[at] ?? 'x')) at++;
        else fail('an escape character');
      } else at++;
    }
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at));
    if (!match) fail('a value');
    at += (match as RegExpExecArray)[0].length;
  };
  const value = (): void => {
    skipSpace();
    const char = text[at];
    if (char === '{') return members('}', () => {
      skipSpace();
      if (text[at] !== '"') fail('a quoted member name');
      string();
      skipSpace();
      if (text[at] !== ':') fail('":"');
      at++;
      value();
    });
    if (char === '[') return members(']', value);
    if (char === '"') return string();
    if (char === 't') return literal('true');
    if (char === 'f') return literal('false');
    if (char === 'n') return literal('null');
    number();
  };
  const members = (close: string, member: () => void) => {
    at++;
    skipSpace();
    if (text[at] === close) return void at++;
    for (;;) {
      member();
      skipSpace();
      if (text[at] === ',') at++;
      else if (text[at] === close) return void at++;
      else fail(`"," or "${close}"`);
    }
  };
  try {
    value();
    skipSpace();
    if (at < text.length) fail('the end of the text');
    return undefined;
  } catch (error) {
    // A nesting too deep for this scan (JSON.parse refused the text anyway): place it at the start.
    if (!(error instanceof Error) || !('at' in error)) return { line: 1, column: 1, expected: 'JSON nested less deeply' };
    const { at: offset, expected } = error as unknown as { at: number; expected: string };
    const before = text.slice(0, offset).split('\n');
    return { line: before.length, column: (before.at(-1) as string).length + 1, expected };
  }
}
