/**
 * Password hashing with Node's scrypt (memory-hard, in the standard library): salted, and
 * compared in constant time. Stored as `scrypt$N$r$p$salt$hash` so parameters can grow later.
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scrypt = (password: string, salt: Buffer, length: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCallback(password, salt, length, options, (error, key) => (error ? reject(error) : resolve(key))),
  );

const params = { N: 16384, r: 8, p: 1 };
const keyLength = 32;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, keyLength, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/**
 * A hash no password is known for, with the parameters above: signing in as an unknown user (or
 * one without a password) still runs one full scrypt against it, so the answer takes as long as
 * a wrong password for a real account. tests/api/sign-in-lockout.test.ts keeps its parameters
 * equal to {@link hashPassword}'s.
 */
export const DUMMY_PASSWORD_HASH = 'scrypt$16384$8$1$dPoTZVwrHiycgPmVAVXS9Q==$Sr9hvAF7Xt3lhEgpbuKO5sBmG9JTCT2Jykd0T9X5LbY=';

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return timingSafeEqual(key, expected);
}

/**
 * The password profile of MLPS level 3 practice: at least 8 characters from at least 3 of the
 * 4 classes (upper, lower, digit, symbol). Returns the broken rules in Chinese, empty when fine.
 */
export function passwordWeaknesses(password: string): string[] {
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  const problems: string[] = [];
  if (password.length < 8) problems.push('密码长度至少 8 位');
  if (classes < 3) problems.push('密码须包含大写字母、小写字母、数字、符号中的至少 3 类');
  return problems;
}
