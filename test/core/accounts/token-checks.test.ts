import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../bench/virtual-clock';
import { PENDING_TOKEN_LIFETIME_MS, TokenChecks, tokenBudgetKey } from '../../../src/core/accounts/token-checks';
import type { TokenInspection } from '../../../src/core/accounts/account-results';

const TOKEN = 'df_test_shop_0000000000001234';
const inspection: TokenInspection = { kind: 'website-key', metadata: { domain: 'shop.example.com', name: 'Shop', timezone: null, logo: null } };

function checks(options: { reserve?: (key: string) => number; inspect?: () => Promise<TokenInspection> } = {}) {
  const clock = new VirtualClock(Date.UTC(2026, 11, 2));
  const reserved: string[] = [];
  const tokenChecks = new TokenChecks({
    clock,
    reserve: options.reserve ?? ((key) => (reserved.push(key), 0)),
    inspect: options.inspect ?? (() => Promise.resolve(inspection)),
  });
  return { clock, reserved, tokenChecks };
}

describe('checking a pasted token', () => {
  it('spends from the budget of a fingerprint, never of the token itself, and holds the token under a one-time id', async () => {
    const { reserved, tokenChecks } = checks();
    const { pendingId } = await tokenChecks.check(`  ${TOKEN}\n`);
    expect(reserved).toEqual([tokenBudgetKey(TOKEN)]);
    expect(reserved[0]).not.toContain('df_');
    expect(tokenChecks.take(pendingId)).toBe(TOKEN);
    expect(() => tokenChecks.take(pendingId)).toThrow('That token check has expired; paste the token again.');
  });

  it('says when to try again once the budget is spent, and sends nothing', async () => {
    let inspected = 0;
    const { tokenChecks } = checks({ reserve: () => 12_500, inspect: () => (inspected++, Promise.resolve(inspection)) });
    await expect(tokenChecks.check(TOKEN)).rejects.toThrow('This token was checked too often in the last minute; try again in 13 s.');
    expect(inspected).toBe(0);
  });

  it('checks one token at a time', async () => {
    let answer: (value: TokenInspection) => void = () => undefined;
    const { tokenChecks } = checks({ inspect: () => new Promise((resolve) => (answer = resolve)) });
    const first = tokenChecks.check(TOKEN);
    await expect(tokenChecks.check(TOKEN)).rejects.toThrow('A token is being checked already; wait for its answer.');
    answer(inspection);
    await expect(first).resolves.toMatchObject({ inspection });
  });

  it('forgets a token nobody saved after ten minutes, and every one at once when told', async () => {
    const { clock, tokenChecks } = checks();
    const { pendingId } = await tokenChecks.check(TOKEN);
    await tokenChecks.check(TOKEN);
    expect(tokenChecks.pendingCount).toBe(2);
    await clock.runUntil(clock.now() + PENDING_TOKEN_LIFETIME_MS);
    expect(tokenChecks.pendingCount).toBe(0);
    expect(() => tokenChecks.take(pendingId)).toThrow(/expired/);
    await tokenChecks.check(TOKEN);
    tokenChecks.clear();
    expect(tokenChecks.pendingCount).toBe(0);
  });
});
