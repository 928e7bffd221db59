/**
 * How repositories store personal data: whole columns (a user's phone and ID number, a notice's
 * address, subject and body) are sealed as one value; JSON bodies (case data, event payloads) have
 * each ID number and mobile phone in them sealed in place, found with the same checks the form
 * formats run. Reading opens every sealed string, whatever put it there, so readers need no schema.
 */
import type { Knex } from 'knex';
import { isPersonalValue, mapStrings } from '../../engine/forms/personal-values.js';
import { keyringOf, PersonalDataKeyring } from './keyring.js';

type Db = Knex | Knex.Transaction;

/** A column value sealed whole; null stays null. */
export function sealText(db: Db, text: string): string;
export function sealText(db: Db, text: string | null | undefined): string | null;
export function sealText(db: Db, text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  return PersonalDataKeyring.isSealed(text) ? text : keyringOf(db).seal(text);
}

/** A column value opened; plain (older) values and null come back as they are. */
export function openText(db: Db, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return PersonalDataKeyring.isSealed(value) ? keyringOf(db).open(value) : String(value);
}

/** `value` with each ID number and mobile phone in it sealed in place. */
export function sealPersonalIn<T>(db: Db, value: T): T {
  return sealPersonalWith(keyringOf(db), value);
}

/** {@link sealPersonalIn} with the keyring itself: for worker threads, which hold no database. */
export function sealPersonalWith<T>(keyring: PersonalDataKeyring, value: T): T {
  return mapStrings(value, (text) => (isPersonalValue(text) && !PersonalDataKeyring.isSealed(text) ? keyring.seal(text) : text));
}

/** `value` with every string in it sealed: for bodies whose values are not yet checked (drafts). */
export function sealEveryString<T>(db: Db, value: T): T {
  return mapStrings(value, (text) => sealText(db, text));
}

/** `value` with every sealed string in it opened. */
export function openSealedIn<T>(db: Db, value: T): T {
  return mapStrings(value, (text) => (PersonalDataKeyring.isSealed(text) ? keyringOf(db).open(text) : text));
}

/**
 * The blind index of an ID number or phone as the index column holds it: spaces removed and
 * a final x upper-cased first, so the same number typed either way finds the same row.
 */
export function blindIndexOf(db: Db, value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  return keyringOf(db).blindIndex(value.replace(/\s+/g, '').toUpperCase());
}
