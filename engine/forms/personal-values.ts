/**
 * Personal data in values: resident ID numbers (GB 11643) and mobile phone numbers, recognized
 * with the same checks the `cn-resident-id` and `cn-mobile` form formats run, so every value a
 * validated form holds in such a field is recognized here too. Storage encrypts what this finds
 * and the server masks it in answers; both use these functions so they agree.
 */
import { isMobile, isResidentId, normalizeIdentity } from './identity.js';

/** True for a valid resident ID number or mobile phone number (spaces around allowed). */
export function isPersonalValue(value: string): boolean {
  const text = value.trim();
  if (text.length !== 11 && text.length !== 18) return false;
  return isMobile(text) || isResidentId(normalizeIdentity(text));
}

/**
 * The masked form: the first 3 and the last 4 characters, a star for each one between.
 *
 * @example maskPersonal('11010519491231002X') // '110***********002X'
 * @example maskPersonal('13800138000') // '138****8000'
 */
export function maskPersonal(value: string): string {
  const text = value.trim();
  if (text.length <= 7) return '*'.repeat(text.length);
  return text.slice(0, 3) + '*'.repeat(text.length - 7) + text.slice(-4);
}

/** True when `value` is the masked form of `original`: what a caller sends back unchanged. */
export function isMaskOf(value: unknown, original: unknown): boolean {
  return typeof value === 'string' && typeof original === 'string' && value !== original && value === maskPersonal(original);
}

// A run of 11 or 18 ID characters that no other letter or digit touches.
const CANDIDATE = /(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{11})(?![0-9A-Za-z])/g;

/** Free text (a notice, a message, a note) with every resident ID and mobile number in it masked. */
export function maskPersonalText(text: string): string {
  return text.replace(CANDIDATE, (found) => (isPersonalValue(found) ? maskPersonal(found) : found));
}

/** JSON Pointer of one step down. */
function pointerOf(parent: string, key: string | number): string {
  return `${parent}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/**
 * JSON Pointers (relative to `value`) of every string in it that is personal data by
 * {@link isPersonalValue}: form data, fields set from a command, an event's payload.
 *
 * @example personalPointers({ agent: { idNumber: '11010519491231002X' }, name: '赵六' }) // ['/agent/idNumber']
 */
export function personalPointers(value: unknown, at = ''): string[] {
  if (typeof value === 'string') return isPersonalValue(value) ? [at] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => personalPointers(item, pointerOf(at, index)));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => personalPointers(item, pointerOf(at, key)));
  }
  return [];
}

/**
 * A copy of `value` with every string replaced by `change(text)`; objects and arrays keep their
 * shape. The walk storage seals and opens with, and the view masks with.
 */
export function mapStrings<T>(value: T, change: (text: string) => string): T {
  if (typeof value === 'string') return change(value) as T;
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, change)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item, change)])) as T;
  }
  return value;
}

/** `value` with its personal strings masked (whole values, not inside free text). */
export function maskPersonalValues<T>(value: T): T {
  return mapStrings(value, (text) => (isPersonalValue(text) ? maskPersonal(text) : text));
}

/**
 * Resubmitted data with each value that came back as the mask of the stored one replaced by the
 * stored value: a form shown masked and sent back unchanged keeps what was stored. A value the
 * caller did change (or cleared) is taken as sent.
 *
 * @example restoreMasked({ id: '110***********002X' }, { id: '11010519491231002X' }) // { id: '11010519491231002X' }
 */
export function restoreMasked<T>(sent: T, stored: unknown): T {
  if (typeof sent === 'string') return (isMaskOf(sent, stored) ? stored : sent) as T;
  if (Array.isArray(sent)) return sent.map((item, index) => restoreMasked(item, Array.isArray(stored) ? stored[index] : undefined)) as T;
  if (typeof sent === 'object' && sent !== null) {
    const before = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
    return Object.fromEntries(Object.entries(sent).map(([key, item]) => [key, restoreMasked(item, before[key])])) as T;
  }
  return sent;
}
