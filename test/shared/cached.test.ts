import { describe, expect, it } from 'vitest';
import { cached } from '../../src/shared/cached';

describe('a cache of costly values', () => {
  it('makes a value once per key', () => {
    const cache = new Map<string, object>();
    let made = 0;
    const make = () => (made++, {});
    const first = cached(cache, 'en', make);
    expect(cached(cache, 'en', make)).toBe(first);
    expect(cached(cache, 'de', make)).not.toBe(first);
    expect(made).toBe(2);
  });
});
