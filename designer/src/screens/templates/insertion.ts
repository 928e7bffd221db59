/**
 * What inserting a variable writes: `{{path}}` for a value; for an array, an `{{#each}}` block;
 * for a value inside an array element, the name relative to the element when the cursor already
 * sits in that array's `{{#each}}` block, else a block around it. So a click always yields a
 * template that checks.
 */
import type { TemplateVariable } from '../../api/templates.js';

/** A path's names, whatever notation the context uses for array elements (`a[].b`, `a.*.b`, `a.b`). */
export function segmentsOf(path: string): string[] {
  return path
    .replace(/\[\]/g, '')
    .split('.')
    .filter((segment) => segment !== '' && segment !== '*');
}

/** The array the cursor is iterating in, i.e. the argument of the innermost open `{{#each}}` before it. */
export function openEach(textBefore: string): string | undefined {
  const stack: Array<{ name: string; argument: string }> = [];
  for (const match of textBefore.matchAll(/\{\{~?\s*([#/])\s*([\w-]+)\s*([^}~]*)~?\}\}/g)) {
    const [, sign, name = '', argument = ''] = match;
    if (sign === '#') stack.push({ name, argument: argument.trim().split(/\s+/)[0] ?? '' });
    else {
      const index = stack.map((frame) => frame.name).lastIndexOf(name);
      if (index >= 0) stack.splice(index);
    }
  }
  return [...stack].reverse().find((frame) => frame.name === 'each')?.argument;
}

export interface Insertion {
  text: string;
  /** Where the caret goes inside `text`. */
  caret: number;
}

/** The text to insert for a variable at a cursor preceded by `textBefore`. */
export function insertionFor(variable: TemplateVariable, variables: TemplateVariable[], textBefore: string): Insertion {
  const segments = segmentsOf(variable.path);
  const arrays = new Set(variables.filter((v) => v.type === 'array').map((v) => segmentsOf(v.path).join('.')));
  let elementOf: string | undefined;
  for (let length = segments.length - 1; length > 0; length--) {
    const prefix = segments.slice(0, length).join('.');
    if (arrays.has(prefix)) {
      elementOf = prefix;
      break;
    }
  }
  const name = elementOf === undefined ? segments.join('.') : segments.slice(elementOf.split('.').length).join('.');
  const piece = variable.type === 'array' ? eachBlock(name) : at(`{{${name}}}`);
  if (elementOf === undefined || openEach(textBefore) === elementOf) return piece;
  const open = `{{#each ${elementOf}}}`;
  return { text: `${open}${piece.text}{{/each}}`, caret: open.length + piece.caret };
}

/** An each block over `name`, with an empty line inside for the caret. */
function eachBlock(name: string): Insertion {
  const open = `{{#each ${name}}}\n`;
  return { text: `${open}\n{{/each}}`, caret: open.length };
}

const at = (text: string): Insertion => ({ text, caret: text.length });
