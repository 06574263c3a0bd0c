import { describe, expect, it } from 'vitest';
import { requestValidators } from '../../src/shared/ipc-validators';

const valid = (channel: keyof typeof requestValidators, payload: unknown): boolean => requestValidators[channel].safeParse(payload).success;

describe("the window's requests, checked at run time", () => {
  it('take exactly their fields: no extra key, no missing one', () => {
    expect(valid('websites:rename', { id: 'w_shop', label: 'Shop' })).toBe(true);
    expect(valid('websites:rename', { id: 'w_shop', label: 'Shop', token: 'df_x' })).toBe(false);
    expect(valid('websites:rename', { id: 'w_shop' })).toBe(false);
    expect(valid('state:get', null)).toBe(true);
    expect(valid('state:get', {})).toBe(false);
  });

  it('hold values to the limits the settings file keeps', () => {
    expect(valid('token:check', { token: 'x'.repeat(501) })).toBe(false);
    expect(valid('websites:move', { id: 'w_shop', direction: 'sideways' })).toBe(false);
    expect(valid('websites:add', { pendingId: 'not-a-uuid', dataFastSiteIds: [] })).toBe(false);
    expect(valid('websites:add', { pendingId: '2f1c4c1e-7c1a-4a8e-9a53-6f4f0a2d9b10', dataFastSiteIds: ['site_shop'] })).toBe(true);
    expect(valid('settings:update', { refreshIntervalSeconds: 5 })).toBe(false);
    expect(valid('settings:update', { refreshIntervalSeconds: 60 })).toBe(true);
    expect(valid('websites:set-active', { id: 'not a key!' })).toBe(false);
  });
});
