import { describe, expect, it } from 'vitest';
import type { TrayMenuItem } from '../../../src/core/app/tray-model';
import { trayModelOf, trayView } from '../../support/tray-fixtures';

const item = (items: readonly TrayMenuItem[], id: string): TrayMenuItem | undefined =>
  items.flatMap((each) => (each.type === 'submenu' ? [each, ...each.items] : [each])).find((each) => 'id' in each && each.id === id);

describe('tray model', () => {
  it('takes the title, the image state and the tooltip from one view', () => {
    const model = trayModelOf({ view: trayView({ title: '~42', status: 'stale', visitors: 42, tooltip: 'Shop — 42 visitors\nupdated 3 min ago' }) });
    expect(model).toMatchObject({ title: '~42', image: { visitors: 42, status: 'stale' }, tooltip: 'Shop — 42 visitors\nupdated 3 min ago' });
  });

  it('gives every item that does something a command, each website its own key', () => {
    const { items } = trayModelOf();
    expect(item(items, 'website:blog')).toMatchObject({ type: 'radio', command: { kind: 'switch-website', websiteKey: 'blog' } });
    expect(item(items, 'sum')).toMatchObject({ command: { kind: 'show-sum' } });
    expect(item(items, 'dashboard')).toMatchObject({ command: { kind: 'open-dashboard' }, enabled: true, accelerator: 'CmdOrCtrl+D' });
    expect(item(items, 'log-folder')).toMatchObject({ command: { kind: 'open-log-folder' } });
    expect(item(items, 'headline')).toEqual({ type: 'info', id: 'headline', label: 'Shop — 42 visitors' });
    const commands = items.filter((each) => each.type === 'action' || each.type === 'radio' || each.type === 'checkbox');
    expect(commands.every((each) => 'command' in each)).toBe(true);
  });

  it("puts the first sentence of a website's problem under its name and the whole problem in its tooltip", () => {
    const [shop, blog] = trayView().websites;
    const problem = 'DataFast refused the token. Add it again from Settings.';
    const { items } = trayModelOf({ view: trayView({ websites: [shop!, { ...blog!, problem }] }) });
    expect(item(items, 'website:blog')).toMatchObject({ sublabel: 'DataFast refused the token.', toolTip: problem });
    expect(item(items, 'website:shop')).not.toHaveProperty('sublabel');
  });

  it('sets launch at login to the opposite of what it is', () => {
    expect(item(trayModelOf({ launchAtLogin: false }).items, 'login')).toMatchObject({
      checked: false,
      command: { kind: 'set-launch-at-login', enabled: true },
    });
    expect(item(trayModelOf({ launchAtLogin: true }).items, 'login')).toMatchObject({
      checked: true,
      command: { kind: 'set-launch-at-login', enabled: false },
    });
  });

  it('offers snoozing while notifications are on and turning them on while they are quiet', () => {
    expect(item(trayModelOf().items, 'notifications')).toMatchObject({ label: 'Snooze notifications for 1 hour', command: { kind: 'snooze' } });
    expect(item(trayModelOf({ notificationsQuiet: true }).items, 'notifications')).toMatchObject({
      label: 'Notifications on',
      command: { kind: 'resume-notifications' },
    });
  });

  it('puts a waiting spike first, and the update item only where there is one', () => {
    const { items } = trayModelOf({ highlight: 'Traffic spike on shop.example.com', updates: 'Restart to update' });
    expect(items[0]).toMatchObject({ id: 'highlight', label: '⚡ Traffic spike on shop.example.com', command: { kind: 'open-highlight' } });
    expect(item(items, 'updates')).toMatchObject({ label: 'Restart to update', command: { kind: 'check-for-updates' } });
    expect(item(trayModelOf().items, 'updates')).toBeUndefined();
  });

  it('has a sparkline only with readings, keyed by the website and the minute of its newest reading', () => {
    expect(trayModelOf().sparkline).toBeNull();
    expect(item(trayModelOf().items, 'sparkline')).toBeUndefined();
    const lastHour = [
      { at: 1_000, visitors: 3 },
      { at: 61_000, visitors: 5 },
    ];
    const model = trayModelOf({ lastHour });
    expect(model.sparkline).toEqual({ key: 'shop|1', points: lastHour });
    expect(item(model.items, 'sparkline')).toEqual({ type: 'sparkline', id: 'sparkline', label: 'Last hour' });
    // A second reading within the same minute does not redraw; the next minute does.
    expect(trayModelOf({ lastHour: [...lastHour, { at: 91_000, visitors: 9 }] }).sparkline?.key).toBe(model.sparkline?.key);
    expect(trayModelOf({ lastHour: [...lastHour, { at: 121_000, visitors: 9 }] }).sparkline?.key).not.toBe(model.sparkline?.key);
    expect(trayModelOf({ view: trayView({ activeKey: null }), lastHour }).sparkline?.key).not.toBe(model.sparkline?.key);
  });

  it('has nothing to refresh, switch or sum without websites', () => {
    const { items } = trayModelOf({ view: trayView({ websites: [], activeKey: null }), dashboardAvailable: false });
    expect(item(items, 'refresh')).toMatchObject({ enabled: false });
    expect(item(items, 'dashboard')).toMatchObject({ enabled: false });
    expect(item(items, 'sum')).toBeUndefined();
    expect(items.some((each) => each.type === 'radio')).toBe(false);
  });
});
