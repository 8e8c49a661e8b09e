/**
 * Secrets of sign-in: random tokens, their SHA-256 (what the database keeps)
 * and argon2id password hashes.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** A random token of `bytes` bytes, URL-safe. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** SHA-256 as hex: how session ids, one-time links and API tokens are stored. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Compares two secrets in constant time. */
export function secretsEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane (the library's default algorithm is argon2id)
const argonOptions = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** Hashes a password with argon2id (PHC string `$argon2id$…`). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, argonOptions);
}

let dummyHash: Promise<string> | undefined;

/**
 * Checks a password against a stored hash. With no hash (unknown account, or
 * an account without a password) it still spends the time of one check, so
 * response times do not reveal which e-mail addresses have accounts.
 */
export async function checkPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  if (!stored) {
    dummyHash ??= hashPassword(newSecret());
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** API tokens are recognisable: `nhs_` and 40 URL-safe characters. */
export const apiTokenPrefix = 'nhs_';

/** A new API token and the short prefix shown in lists to tell tokens apart. */
export function newApiToken(): { token: string; prefix: string } {
  const token = `${apiTokenPrefix}${randomBytes(30).toString('base64url')}`;
  return { token, prefix: token.slice(0, apiTokenPrefix.length + 6) };
}
