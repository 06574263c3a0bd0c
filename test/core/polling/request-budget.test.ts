import { describe, expect, it } from 'vitest';
import { RequestBudget } from '../../../src/core/polling/request-budget';

const T0 = 1_800_000_000_000;

describe('the per-token request budget', () => {
  it('allows so many a minute, sliding: the next is free a minute after the oldest of them', () => {
    const budget = new RequestBudget(3);
    for (const at of [T0, T0 + 10_000, T0 + 20_000]) budget.record('token-a', at);
    expect(budget.earliest('token-a', T0 + 30_000)).toBe(T0 + 60_000);
    expect(budget.earliest('token-a', T0 + 60_001)).toBe(T0 + 60_001);
    // Another token has its own minute.
    expect(budget.earliest('token-b', T0 + 30_000)).toBe(T0 + 30_000);
  });

  it('holds a token until a 429 says, never shortening an earlier hold', () => {
    const budget = new RequestBudget(30);
    budget.blockUntil('token-a', T0 + 60_000);
    budget.blockUntil('token-a', T0 + 10_000);
    expect(budget.heldUntil('token-a')).toBe(T0 + 60_000);
    expect(budget.earliest('token-a', T0)).toBe(T0 + 60_000);
    expect(budget.heldUntil('token-b')).toBe(0);
  });

  it('refuses a budget below one request a minute', () => {
    expect(() => new RequestBudget(0)).toThrow(RangeError);
    expect(() => new RequestBudget(1.5)).toThrow(RangeError);
  });
});
