import { describe, expect, it } from 'vitest';
import { channelName, type Channel } from '../../src/shared/ipc-contract';
import { requestValidators } from '../../src/shared/ipc-validators';
import { dispatch, isTrustedSender, registerIpcHandlers, type Handlers, type TrustPolicy } from '../../src/main/ipc';
import { FakeIpcMain } from '../support/fake-electron';

const PAGE = 'file:///app/dist/renderer/index.html';
const policy: TrustPolicy = { windowId: () => 7, pageUrl: PAGE };
const ours = { webContentsId: 7, frameUrl: PAGE, isMainFrame: true };

const calls: unknown[] = [];
const handlers = Object.fromEntries(
  (Object.keys(requestValidators) as Channel[]).map((channel) => [
    channel,
    (request: unknown) => {
      calls.push([channel, request]);
      if (channel === 'websites:remove') return Promise.reject(new Error('Keychain said no for df_test_shop_0000000000001234'));
      return Promise.resolve(null);
    },
  ]),
) as unknown as Handlers;

describe('IPC sender checks', () => {
  it('trusts only our window, our page, the main frame', () => {
    expect(isTrustedSender(ours, policy)).toBe(true);
    expect(isTrustedSender({ ...ours, webContentsId: 8 }, policy)).toBe(false);
    expect(isTrustedSender({ ...ours, isMainFrame: false }, policy)).toBe(false);
    expect(isTrustedSender({ ...ours, frameUrl: 'https://evil.example.com/index.html' }, policy)).toBe(false);
    expect(isTrustedSender({ ...ours, frameUrl: 'file:///tmp/other.html' }, policy)).toBe(false);
    expect(isTrustedSender({ ...ours, frameUrl: null }, policy)).toBe(false);
    expect(isTrustedSender(ours, { ...policy, windowId: () => null })).toBe(false);
    expect(isTrustedSender({ ...ours, frameUrl: `${PAGE}#websites` }, policy)).toBe(true);
  });

  it('rejects untrusted senders and invalid payloads before any handler runs', async () => {
    calls.length = 0;
    const rejected: string[] = [];
    const onRejected = (reason: string) => rejected.push(reason);
    expect(await dispatch('websites:remove', { ...ours, isMainFrame: false }, { id: 'w_1' }, policy, handlers, onRejected)).toEqual({
      ok: false,
      error: 'Not allowed.',
    });
    expect(await dispatch('websites:remove', ours, { id: '../../etc' }, policy, handlers, onRejected)).toEqual({
      ok: false,
      error: 'That request was not understood.',
    });
    expect(await dispatch('websites:remove', ours, { id: 'w_1', extra: true }, policy, handlers, onRejected)).toMatchObject({ ok: false });
    expect(await dispatch('settings:update', ours, { refreshIntervalSeconds: '30' }, policy, handlers, onRejected)).toMatchObject({ ok: false });
    expect(await dispatch('token:check', ours, { token: 'x'.repeat(501) }, policy, handlers, onRejected)).toMatchObject({ ok: false });
    expect(calls).toEqual([]);
    expect(rejected).toHaveLength(5);
  });

  it("holds window requests to the settings file's own limits and names the setting, before any handler runs", async () => {
    calls.length = 0;
    const refused = (channel: Channel, payload: unknown) => dispatch(channel, ours, payload, policy, handlers, () => undefined);
    await expect(refused('settings:update', { refreshIntervalSeconds: 5 })).resolves.toEqual({
      ok: false,
      error: 'Settings not saved: The refresh interval must be at least 10 seconds.',
    });
    await expect(refused('settings:update', { notifications: { factor: 50 } })).resolves.toEqual({
      ok: false,
      error: 'Settings not saved: The spike factor must be at most 20.',
    });
    await expect(refused('websites:rename', { id: 'w_1', label: 'x'.repeat(81) })).resolves.toEqual({
      ok: false,
      error: 'Settings not saved: A website name must be at most 80 characters.',
    });
    // Not a person's setting: snoozing has its own commands, and unknown keys are a malformed call.
    await expect(refused('settings:update', { notifications: { snoozedUntil: 0 } })).resolves.toEqual({ ok: false, error: 'That request was not understood.' });
    await expect(refused('settings:update', { apiUrl: 'https://evil.example' })).resolves.toEqual({ ok: false, error: 'That request was not understood.' });
    expect(calls).toEqual([]);
  });

  it('runs valid calls and returns errors as messages without tokens', async () => {
    calls.length = 0;
    expect(await dispatch('websites:set-active', ours, { id: 'w_1' }, policy, handlers, () => undefined)).toEqual({ ok: true, value: null });
    const failed = await dispatch('websites:remove', ours, { id: 'w_1' }, policy, handlers, () => undefined);
    expect(failed).toEqual({ ok: false, error: 'Keychain said no for df_…1234' });
    expect(calls).toEqual([
      ['websites:set-active', { id: 'w_1' }],
      ['websites:remove', { id: 'w_1' }],
    ]);
  });

  it('registers a prefixed handler for every channel in the contract, checked through Electron events', async () => {
    const ipc = new FakeIpcMain();
    const unregister = registerIpcHandlers(ipc, policy, handlers, () => undefined);
    expect([...ipc.handlers.keys()].sort()).toEqual((Object.keys(requestValidators) as Channel[]).map(channelName).sort());
    expect(channelName('state:get')).toBe('datafast-menubar:state:get');
    expect(await ipc.invoke(channelName('refresh:now'), { id: 7, url: PAGE, mainFrame: true }, null)).toEqual({ ok: true, value: null });
    expect(await ipc.invoke(channelName('refresh:now'), { id: 7, url: PAGE, mainFrame: false }, null)).toEqual({ ok: false, error: 'Not allowed.' });
    unregister();
    expect(ipc.handlers.size).toBe(0);
  });
});
