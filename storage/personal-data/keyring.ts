/**
 * The personal-data keyring: field-level AES-256-GCM for resident ID numbers and phones at rest,
 * and a keyed HMAC-SHA256 blind index to find a row by such a value without storing it. Both keys
 * are derived (HKDF-SHA256) from the deployment secret, each for its own purpose, so knowing the
 * index of a value tells nothing about the encryption key. A sealed value names the key that
 * sealed it: `enc:v1:<kid>:<base64url of iv · tag · ciphertext>`. See decision 0029.
 *
 * @example
 * const keyring = PersonalDataKeyring.fromSecrets([secret]);
 * const sealed = keyring.seal('13800138000'); // 'enc:v1:3f9a…:…'
 * keyring.open(sealed); // '13800138000'
 * keyring.blindIndex('13800138000'); // 64 hex characters, the same for the same value
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { StorageError } from '../errors.js';

const PREFIX = 'enc:v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

interface DataKey {
  kid: string;
  key: Buffer;
}

function derive(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'ipsp-personal-data', purpose, 32));
}

/** The id a key is named by in ciphertexts: a digest of the key, which does not reveal it. */
function keyIdOf(key: Buffer): string {
  return createHash('sha256').update('ipsp-personal-data-key-id').update(key).digest('hex').slice(0, 12);
}

/** A keyring's keys as a worker thread receives them (structured clone turns Buffers into Uint8Arrays). */
export interface SharedKeyring {
  keys: Array<{ kid: string; key: Uint8Array }>;
  indexKey: Uint8Array;
}

export class PersonalDataKeyring {
  private readonly current: DataKey;
  private readonly byId: Map<string, Buffer>;
  private readonly indexKey: Buffer;

  private constructor(keys: DataKey[], indexKey: Buffer) {
    const [current] = keys;
    if (!current) throw new Error('A personal-data keyring needs at least one key.');
    this.current = current;
    this.byId = new Map(keys.map((k) => [k.kid, k.key]));
    this.indexKey = indexKey;
  }

  /**
   * A keyring from deployment secrets, the current one first; older ones only open what they
   * sealed. The blind index always uses the current secret's index key.
   */
  static fromSecrets(secrets: string[]): PersonalDataKeyring {
    const [current] = secrets;
    if (current === undefined || secrets.some((s) => s.length < 16)) throw new Error('Each personal-data secret must be at least 16 characters.');
    const keys = secrets.map((secret) => {
      const key = derive(secret, 'field-encryption');
      return { kid: keyIdOf(key), key };
    });
    return new PersonalDataKeyring(keys, derive(current, 'blind-index'));
  }

  /**
   * The keys as plain data for a worker thread of this process ({@link PersonalDataKeyring.fromShared}),
   * so it can seal while the main thread writes; never stored or sent anywhere else.
   */
  toShared(): SharedKeyring {
    const others = [...this.byId].filter(([kid]) => kid !== this.current.kid).map(([kid, key]) => ({ kid, key: new Uint8Array(key) }));
    return { keys: [{ kid: this.current.kid, key: new Uint8Array(this.current.key) }, ...others], indexKey: new Uint8Array(this.indexKey) };
  }

  /** The keyring a worker thread received from {@link PersonalDataKeyring.toShared}. */
  static fromShared(shared: SharedKeyring): PersonalDataKeyring {
    return new PersonalDataKeyring(shared.keys.map((k) => ({ kid: k.kid, key: Buffer.from(k.key) })), Buffer.from(shared.indexKey));
  }

  /** The id of the key new values are sealed with. */
  get keyId(): string {
    return this.current.kid;
  }

  /** True for a value this module sealed (whatever key). */
  static isSealed(value: unknown): value is string {
    return typeof value === 'string' && value.startsWith(PREFIX);
  }

  /** Encrypts `plain` under the current key with a fresh random IV. */
  seal(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    cipher.setAAD(Buffer.from(PREFIX + this.current.kid, 'utf8'));
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${PREFIX}${this.current.kid}:${Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64url')}`;
  }

  /** The plain value of a sealed one; a value that is not sealed is returned as it is. */
  open(value: string): string {
    if (!PersonalDataKeyring.isSealed(value)) return value;
    const [kid, payload] = value.slice(PREFIX.length).split(':');
    const key = kid === undefined ? undefined : this.byId.get(kid);
    if (!key || payload === undefined) {
      throw new StorageError('personal-data.key-unknown', `A stored personal value was sealed with key "${kid ?? ''}", which this deployment's secret does not hold. Start with the IPSP_SECRET it was stored under.`);
    }
    const bytes = Buffer.from(payload, 'base64url');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(PREFIX + kid, 'utf8'));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new StorageError('personal-data.unreadable', `A stored personal value under key "${kid}" failed its integrity check: it was changed outside the application.`);
    }
  }

  /** The blind index of a value: HMAC-SHA256 under the index key, hex. Normalize before (trim, upper-case X). */
  blindIndex(value: string): string {
    return createHmac('sha256', this.indexKey).update(value, 'utf8').digest('hex');
  }
}

// Kept on the knex client's config: a transaction's client shares that object, and knex's
// migrator copies it (Object.assign copies symbol-keyed properties too).
const KEYRING = Symbol('ipsp.personal-data-keyring');

type WithKeyring = { [KEYRING]?: PersonalDataKeyring };

function carrier(db: Knex | Knex.Transaction): WithKeyring {
  return db.client.config as WithKeyring;
}

/** Gives the database its keyring: every repository that stores personal data seals with it. */
export function attachKeyring(knex: Knex, keyring: PersonalDataKeyring): void {
  carrier(knex)[KEYRING] = keyring;
}

/** The keyring of a database or transaction; refuses (fails closed) when it has none. */
export function keyringOf(db: Knex | Knex.Transaction): PersonalDataKeyring {
  const keyring = carrier(db)[KEYRING];
  if (!keyring) throw new StorageError('personal-data.no-key', 'This database handle has no personal-data key: open it with openDatabase({ keyring }) so ID numbers and phones are stored encrypted.');
  return keyring;
}

/** True when the database or transaction has a keyring. */
export function hasKeyring(db: Knex | Knex.Transaction): boolean {
  return carrier(db)[KEYRING] !== undefined;
}
