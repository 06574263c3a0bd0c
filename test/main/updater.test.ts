import { afterEach, describe, expect, it, vi } from 'vitest';
import { DAILY_MS, updateSupport, UpdateService, type UpdaterHandle } from '../../src/main/updater';
import { systemClock } from '../../src/core/time/clock';

afterEach(() => {
  vi.useRealTimers();
});

class FakeUpdater {
  readonly handlers = new Map<string, (info: { version: string }) => void>();
  checks = 0;
  fail = false;

  on(event: string, handler: (info: { version: string }) => void): this {
    this.handlers.set(event, handler);
    return this;
  }

  checkForUpdatesAndNotify(): Promise<null> {
    this.checks += 1;
    return this.fail ? Promise.reject(new Error('offline')) : Promise.resolve(null);
  }

  emit(event: string, version = '1.2.3'): void {
    this.handlers.get(event)?.({ version });
  }
}

describe('updates', () => {
  it('are off in development and for builds that cannot update themselves', () => {
    expect(updateSupport({ isPackaged: false, platform: 'darwin', env: {} })).toEqual({ supported: false, reason: 'development build' });
    expect(updateSupport({ isPackaged: true, platform: 'linux', env: {} }).supported).toBe(false);
    expect(updateSupport({ isPackaged: true, platform: 'linux', env: { APPIMAGE: '/opt/app.AppImage' } }).supported).toBe(true);
    expect(updateSupport({ isPackaged: true, platform: 'win32', env: { PORTABLE_EXECUTABLE_DIR: 'C:\\x' } }).supported).toBe(false);
    expect(updateSupport({ isPackaged: true, platform: 'win32', env: {} }).supported).toBe(true);
    expect(updateSupport({ isPackaged: true, platform: 'darwin', env: {} }).supported).toBe(true);
  });

  it('check at start and then daily, and report progress for the menu', async () => {
    vi.useFakeTimers();
    const updater = new FakeUpdater();
    const statuses: string[] = [];
    const service = new UpdateService({
      updater: updater as unknown as UpdaterHandle,
      timers: systemClock,
      onStatus: (status) => statuses.push(status),
    });
    expect(service.status).toBe('Check for updates…');
    service.start();
    expect(updater.checks).toBe(1);
    await vi.advanceTimersByTimeAsync(DAILY_MS * 2);
    expect(updater.checks).toBe(3);
    updater.emit('update-not-available');
    expect(service.status).toBe('Up to date');
    updater.emit('update-available', '2.0.0');
    updater.emit('update-downloaded', '2.0.0');
    expect(service.status).toBe('Version 2.0.0 installs when you quit');
    updater.fail = true;
    await service.checkNow();
    expect(statuses.at(-1)).toBe('Update check failed; try again later');
    service.stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});
