/**
 * A line diff of two texts (longest common subsequence), for changed template bodies and long
 * texts: a person reads the few lines that changed instead of two whole versions side by side.
 */

export interface DiffLine {
  op: 'same' | 'added' | 'removed';
  text: string;
  /** Line number in the text before (same, removed), from 1. */
  before?: number;
  /** Line number in the text after (same, added), from 1. */
  after?: number;
}

/** Beyond this many line pairs the table would cost too much; the caller shows both texts instead. */
const MAX_CELLS = 4_000_000;

/** The lines of `after` against `before`, in order; undefined when the texts are too long to compare. */
export function lineDiff(before: string, after: string): DiffLine[] | undefined {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length * b.length > MAX_CELLS) return undefined;
  // lengths[i][j]: the longest common subsequence of a[i..] and b[j..].
  const lengths = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i]![j] = a[i] === b[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      lines.push({ op: 'same', text: a[i]!, before: i + 1, after: j + 1 });
      i++;
      j++;
    } else if (i < a.length && (j === b.length || lengths[i + 1]![j]! >= lengths[i]![j + 1]!)) {
      // Removed lines before added ones, as a reader expects "was … now …".
      lines.push({ op: 'removed', text: a[i]!, before: i + 1 });
      i++;
    } else {
      lines.push({ op: 'added', text: b[j]!, after: j + 1 });
      j++;
    }
  }
  return lines;
}

/** A gap of unchanged lines left out of a hunk view. */
export interface Skipped {
  op: 'skipped';
  count: number;
}

/** Keeps `context` unchanged lines around each change and folds the rest into "n lines unchanged". */
export function hunks(lines: DiffLine[], context = 2): Array<DiffLine | Skipped> {
  const isNearChange = lines.map((_, index) => {
    for (let k = Math.max(0, index - context); k <= Math.min(lines.length - 1, index + context); k++) if (lines[k]!.op !== 'same') return true;
    return false;
  });
  const out: Array<DiffLine | Skipped> = [];
  lines.forEach((line, index) => {
    if (isNearChange[index]) return void out.push(line);
    const last = out[out.length - 1];
    if (last?.op === 'skipped') last.count++;
    else out.push({ op: 'skipped', count: 1 });
  });
  return out;
}
