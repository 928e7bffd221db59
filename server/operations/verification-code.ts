/**
 * The code that opens a case's public progress lookup (信息公示专区) together with its number.
 *
 * Six characters from an alphabet without look-alikes (no 0/O, 1/I/L), drawn with the crypto
 * generator: 31⁶ ≈ 8.9 × 10⁸ codes per case number. It is stored as is, not hashed: the
 * applicant must be able to see it again in their case and on a reprinted receipt, and it opens
 * only progress without personal data, which anyone able to read the database sees anyway.
 */
import { randomInt, timingSafeEqual } from 'node:crypto';

export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 6;

/** A fresh code, e.g. `K7M2Q9`. */
export function newVerificationCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** The code as typed, forgiving case, spaces and dashes. */
export function normalizeCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

/** Whether a typed code matches, in time that does not depend on how much of it matched. */
export function codesMatch(stored: string | undefined, typed: string): boolean {
  if (stored === undefined) return false;
  const a = Buffer.from(stored, 'utf8');
  const b = Buffer.from(normalizeCode(typed), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
