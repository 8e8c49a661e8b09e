import { describe, expect, it } from 'vitest';
import { routes } from './index';

describe('the route table', () => {
  it('declares each method and path once, so no endpoint is silently served by another', () => {
    const seen = new Map<string, number>();
    for (const r of routes) {
      const key = `${r.method.toUpperCase()} ${r.path.replace(/:[A-Za-z]+/g, ':')}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    expect([...seen].filter(([, n]) => n > 1).map(([k]) => k)).toEqual([]);
  });
});
