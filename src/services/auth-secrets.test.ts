import { describe, expect, it } from 'vitest';
import { checkPassword, hashPassword, newApiToken, secretsEqual, sha256Hex } from './auth-secrets';

describe('sign-in secrets', () => {
  it('hashes passwords with argon2id, salted, and checks them', async () => {
    const a = await hashPassword('mot cum tu de nho 2025');
    const b = await hashPassword('mot cum tu de nho 2025');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(await checkPassword(a, 'mot cum tu de nho 2025')).toBe(true);
    expect(await checkPassword(a, 'mot cum tu de nho 2026')).toBe(false);
    expect(await checkPassword(null, 'bat ky')).toBe(false);
    expect(await checkPassword('not a hash', 'bat ky')).toBe(false);
  });

  it('makes recognisable API tokens whose prefix tells them apart', () => {
    const { token, prefix } = newApiToken();
    expect(token).toMatch(/^nhs_[A-Za-z0-9_-]{40}$/);
    expect(token.startsWith(prefix)).toBe(true);
    expect(prefix).toHaveLength(10);
    expect(newApiToken().token).not.toBe(token);
  });

  it('stores SHA-256 hex and compares secrets by value', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(secretsEqual('abc', 'abc')).toBe(true);
    expect(secretsEqual('abc', 'abd')).toBe(false);
    expect(secretsEqual('abc', 'abcd')).toBe(false);
  });
});
