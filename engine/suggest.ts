/**
 * "Did you mean" for names: the closest candidate by edit distance, if close enough to be a typo.
 */
import { distance } from 'fastest-levenshtein';

export function suggest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const tolerance = Math.max(1, Math.floor(name.length / 3));
  return best !== undefined && bestDistance <= tolerance ? best : undefined;
}

/** `{ text: ' Did you mean "x"?', suggestion: 'x' }`, or an empty text when nothing is close. */
export function didYouMean(name: string, candidates: Iterable<string>): { text: string; suggestion?: string } {
  const suggestion = suggest(name, candidates);
  return suggestion === undefined ? { text: '' } : { text: ` Did you mean "${suggestion}"?`, suggestion };
}
