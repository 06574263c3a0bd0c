import { describe, expect, it } from 'vitest';
import { createApi } from '../../src/preload/api';
import { channelName, type Transport } from '../../src/shared/ipc-contract';
import { websiteKey } from '../../src/shared/website-ids';

/** A transport that records each call and answers it as main would. */
function recording(): { transport: Transport; calls: Array<[string, unknown]> } {
  const calls: Array<[string, unknown]> = [];
  return {
    calls,
    transport: {
      invoke: (channel, payload) => (calls.push([channel, payload]), Promise.resolve({ ok: true, value: null })),
      subscribe: () => () => undefined,
    },
  };
}

describe("the window's bridge", () => {
  it('sends each intention on its own channel with its payload and nothing more', async () => {
    const { transport, calls } = recording();
    const api = createApi(transport);
    const shop = websiteKey('w_shop');
    await api.websites.move(shop, 'up');
    await api.websites.setThreshold(shop, 50);
    await api.settings.update({ numberFormat: 'full' });
    await api.refresh();
    expect(calls).toEqual([
      [channelName('websites:move'), { id: 'w_shop', direction: 'up' }],
      [channelName('websites:set-threshold'), { id: 'w_shop', threshold: 50 }],
      [channelName('settings:update'), { numberFormat: 'full' }],
      [channelName('refresh:now'), null],
    ]);
  });

  it('hands a token in once and offers no way to read one back', () => {
    const api = createApi(recording().transport);
    expect(Object.keys(api.tokens)).toEqual(['check']);
  });
});
