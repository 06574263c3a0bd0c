import { websiteKey } from '../../src/shared/settings-shapes';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppShell, type ShellPorts } from '../../src/main/app-shell';
import { TrayService } from '../../src/main/tray-service';
import { sparklineImage } from '../../src/main/images';
import type { NotificationRequest } from '../../src/core/app/spike-notifier';
import { STATE_EVENT } from '../../src/shared/ipc-contract';
import { systemClock } from '../../src/core/time/clock';
import { appHarness, eventually, type AppHarness } from '../support/app-harness';
import { standardFake, TEST_TOKENS, type FakeDataFast } from '../support/fake-datafast';
import { buildMenu, FakeTray, fakeImages } from '../support/fake-electron';

let fake: FakeDataFast;
beforeAll(async () => {
  fake = await standardFake();
});
afterAll(() => fake.close());

describe('tray from the running controller', () => {
  let app: AppHarness;
  let tray: FakeTray;
  let shell: AppShell;
  let ports: ShellPorts;
  let sparklinesDrawn: number;
  let windowIsOpen: boolean;
  const opened: string[] = [];
  const sentToWindow: unknown[] = [];

  beforeEach(async () => {
    app = await appHarness(fake.url);
    for (const token of [TEST_TOKENS.shopKey, TEST_TOKENS.blogKey]) {
      await app.addToken(token);
    }
    tray = new FakeTray();
    sparklinesDrawn = 0;
    windowIsOpen = false;
    sentToWindow.length = 0;
    ports = {
      controller: app.controller,
      tray: new TrayService({ tray, platform: 'linux', buildMenu, countImage: () => fakeImages.createEmpty(), templateIcon: () => fakeImages.createEmpty() }),
      sparkline: (points, now) => {
        sparklinesDrawn += 1;
        return sparklineImage(fakeImages, points, now);
      },
      now: () => Date.now(),
      timers: systemClock,
      openInBrowser: (url) => opened.push(url),
      openSettings: () => opened.push('settings'),
      openLogFolder: () => opened.push('log folder'),
      sendToWindow: (channel, payload) => sentToWindow.push([channel, payload]),
      windowOpen: () => windowIsOpen,
      quit: () => opened.push('quit'),
      onError: (error) => {
        throw error;
      },
      updates: null,
    };
    shell = new AppShell(ports);
    // Both websites have been read once (the second is read on the background schedule's first turn).
    await eventually(() => app.controller.engine.states().every((state) => state.visitors !== null));
    shell.render();
  });
  afterEach(() => app.close());

  it('shows the active website and switches from the radio items at once', async () => {
    expect(tray.menu.item('headline').label).toBe('Shop — 42 visitors');
    expect(tray.menu.labels()).toEqual(expect.arrayContaining(['Shop — 42', 'Blog — 7', 'Sum of all websites']));
    const before = fake.requestsTo('/api/v1/analytics/realtime').length;
    tray.menu.click(`website:${app.settings.read().websites[1]?.id ?? ''}`);
    await eventually(() => app.controller.trayView().headline === 'Blog — 7 visitors');
    shell.render();
    expect(tray.menu.item('headline').label).toBe('Blog — 7 visitors');
    // Switching reads the newly chosen website at once (the headline changes before that read lands).
    await eventually(() => fake.requestsTo('/api/v1/analytics/realtime').length > before);
    expect(tray.tooltips.at(-1)).toContain('Blog — 7 visitors');
  });

  it('draws the last-hour image again only for another website or another minute, not for every reading', async () => {
    const drawn = sparklinesDrawn;
    shell.render();
    shell.render();
    expect(sparklinesDrawn).toBe(drawn);
    const newest = (): number | undefined => app.controller.appState().lastHour.at(-1)?.at;
    const before = newest() ?? 0;
    await app.controller.commands.refreshNow();
    await eventually(() => newest() !== before);
    shell.render();
    const sameMinute = Math.floor((newest() ?? 0) / 60_000) === Math.floor(before / 60_000);
    expect(sparklinesDrawn).toBe(sameMinute ? drawn : drawn + 1);
    const afterRefresh = sparklinesDrawn;
    await app.controller.commands.switchWebsite(app.settings.read().websites[1]!.id);
    await eventually(() => app.controller.appState().lastHour.length > 0);
    shell.render();
    expect(sparklinesDrawn).toBe(afterRefresh + 1);
  });

  it('draws the tray from the last hour alone, and builds the window state with its day only while the window is open', () => {
    const between = vi.spyOn(app.controller.engine.history, 'between');
    const hourAgo = Date.now() - 60 * 60_000;
    shell.render();
    expect(between).toHaveBeenCalled();
    expect(between.mock.calls.every(([, from]) => from >= hourAgo)).toBe(true);
    expect(sentToWindow).toEqual([]);

    windowIsOpen = true;
    between.mockClear();
    shell.render();
    expect(between.mock.calls.some(([, from]) => from < hourAgo - 22 * 60 * 60_000)).toBe(true);
    expect(sentToWindow).toEqual([[STATE_EVENT, expect.objectContaining({ headline: 'Shop — 42 visitors' })]]);
    between.mockRestore();
  });

  it('keeps one timer, for when the age the tray shows next changes, and none after it stops', () => {
    const armed: number[] = [];
    const cleared: unknown[] = [];
    const timers = {
      setTimeout: (_callback: () => void, delayMs: number) => armed.push(delayMs),
      clearTimeout: (handle: unknown) => void cleared.push(handle),
    };
    const quiet = new AppShell({ ...ports, timers });
    quiet.render();
    quiet.render();
    // Read moments ago: "updated just now" turns into "1 min ago" within the minute.
    expect(armed).toHaveLength(1);
    expect(armed[0]).toBeGreaterThan(50_000);
    expect(armed[0]).toBeLessThanOrEqual(60_000);
    quiet.stop();
    expect(cleared).toEqual([1]);
  });

  it('sums all websites when chosen', async () => {
    tray.menu.click('sum');
    await eventually(() => app.controller.trayView().sumSelected);
    shell.render();
    expect(tray.menu.item('headline').label).toBe('All websites (2) — 49 visitors');
    expect(tray.menu.item('sum').checked).toBe(true);
  });

  it('snoozes notifications for an hour and turns them back on', async () => {
    tray.menu.click('notifications');
    // Shown at once, and then written to the settings file.
    expect(app.controller.notificationsSnoozed()).toBe(true);
    await eventually(() => app.settings.read().notifications.snoozedUntil !== null);
    const until = app.settings.read().notifications.snoozedUntil ?? 0;
    expect(until - Date.now()).toBeGreaterThan(59 * 60_000);
    shell.render();
    expect(tray.menu.item('notifications').label).toBe('Notifications on');
    tray.menu.click('notifications');
    await eventually(() => !app.controller.notificationsSnoozed());
  });

  it('opens only DataFast URLs, and the settings window from the menu', () => {
    shell.openUrl('https://evil.example.com/');
    shell.openUrl('http://datafa.st/dashboard');
    shell.openUrl('https://datafa.st/dashboard/site_shop');
    tray.menu.click('settings');
    expect(opened).toEqual(['https://datafa.st/dashboard/site_shop', 'settings']);
  });

  it('toggles launch at login through the login-item port', async () => {
    tray.menu.click('login');
    await eventually(() => app.loginItem.length === 1);
    expect(app.loginItem).toEqual([true]);
    expect(app.settings.read().launchAtLogin).toBe(true);
  });

  it('shows a spike that could not be notified at the top of the menu', () => {
    const request: NotificationRequest = {
      websiteKey: websiteKey('x'),
      title: 'Traffic spike on shop.example.com',
      body: '128 visitors now (usually about 30)',
      url: 'https://datafa.st/dashboard/site_shop',
    };
    shell.highlight(request);
    shell.render();
    expect(tray.menu.template[0]?.label).toBe('⚡ Traffic spike on shop.example.com: 128 visitors now (usually about 30)');
    tray.menu.click('highlight');
    expect(opened.at(-1)).toBe('https://datafa.st/dashboard/site_shop');
  });
});
