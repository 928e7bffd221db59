/**
 * The one-word verdict of reliability-goals §5 for a value typed into a field of an identity
 * format, as the form runs it: `reject` (the format refuses it: hard reject), `confirm` (soft
 * reject: refused until confirmed), `warning` (accepted with a warning), `accept`.
 */
import { formatValidators } from '../../../engine/forms/formats.js';
import { identityNotes, type IdentityFormat } from '../../../engine/forms/identity-policy.js';

export type Verdict = 'reject' | 'confirm' | 'warning' | 'accept';

/** The verdict for `value` in a field of `format`, with `today` for the birth-date check. */
export function verdictOf(format: IdentityFormat, value: string, today = '2026-01-04'): Verdict {
  if (!formatValidators({ today: () => today })[format](value)) return 'reject';
  const notes = identityNotes(format, value);
  if (notes.some((n) => n.level === 'confirm')) return 'confirm';
  return notes.length > 0 ? 'warning' : 'accept';
}

/** The note codes for `value` in a field of `format`. */
export function noteCodes(format: IdentityFormat, value: string): string[] {
  return identityNotes(format, value).map((n) => n.code);
}
