import { standardFake, type FakeDataFast } from '../support/fake-datafast';
import { websiteKey } from '../../src/shared/settings-shapes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotificationService } from '../../src/main/notification-service';
import type { NotificationRequest } from '../../src/core/app/spike-notifier';
import { spikeMessage } from '../../src/core/readings/spike-message';
import { appHarness } from '../support/app-harness';
import { FakeNotification, notificationHandle } from '../support/fake-electron';

let fake: FakeDataFast;
beforeAll(async () => {
  fake = await standardFake();
});
afterAll(() => fake.close());

describe('notifications', () => {
  const request: NotificationRequest = {
    websiteKey: websiteKey('w'),
    title: 'Traffic spike on example.com',
    body: '128 visitors now (usually about 30)',
    url: 'https://datafa.st/dashboard/site_shop',
  };

  function notificationService(supported: boolean) {
    const created: FakeNotification[] = [];
    const opened: string[] = [];
    const fallbacks: NotificationRequest[] = [];
    const service = new NotificationService({
      isSupported: () => supported,
      create: (options) => {
        const notification = new FakeNotification(options);
        created.push(notification);
        return notificationHandle(notification);
      },
      openUrl: (url) => opened.push(url),
      fallback: (fallback) => fallbacks.push(fallback),
    });
    return { service, created, opened, fallbacks };
  }

  it('shows the spike and opens the dashboard when clicked', () => {
    const { service, created, opened } = notificationService(true);
    service.show(request);
    expect(created[0]?.options).toMatchObject({ title: 'Traffic spike on example.com', body: '128 visitors now (usually about 30)' });
    expect(created[0]?.shown).toBe(true);
    expect(service.pending).toBe(1);
    created[0]?.emit('click');
    expect(opened).toEqual(['https://datafa.st/dashboard/site_shop']);
    expect(service.pending).toBe(0);
  });

  it('falls back to the tray when a notification fails or is unsupported', () => {
    const failing = notificationService(true);
    failing.service.show(request);
    failing.created[0]?.emit('failed');
    expect(failing.fallbacks).toEqual([request]);
    const unsupported = notificationService(false);
    unsupported.service.show(request);
    expect(unsupported.created).toEqual([]);
    expect(unsupported.fallbacks).toEqual([request]);
  });

  it('words a spike as people read it', () => {
    const spike = { websiteKey: websiteKey('w'), visitors: 128, baseline: 30, reason: 'above-usual' as const, at: 0 };
    expect(spikeMessage(spike, 'example.com', null)).toEqual({ title: 'Traffic spike on example.com', body: '128 visitors now (usually about 30)' });
    expect(spikeMessage({ ...spike, reason: 'threshold', baseline: null }, 'example.com', 100).body).toBe('128 visitors now (your alert level is 100)');
  });

  it('respects off and snooze, and sends a test notification on request', async () => {
    const app = await appHarness(fake.url);
    try {
      app.controller.testNotification();
      expect(app.notifications[0]).toMatchObject({ title: 'Traffic spike on example.com (test)' });
      await app.controller.commands.updateSettings({ notifications: { enabled: false } });
      expect(app.controller.settings.notifications.enabled).toBe(false);
      await app.controller.commands.snoozeNotifications(60_000);
      expect(app.controller.notificationsSnoozed()).toBe(true);
      await app.controller.commands.resumeNotifications();
      expect(app.controller.settings.notifications).toMatchObject({ enabled: true, snoozedUntil: null });
    } finally {
      await app.close();
    }
  });
});
