import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { followPower, OnlineGate, retryKeychainOnUnlock } from '../../src/main/lifecycle';
import { PauseReasons } from '../../src/core/polling/pause-reasons';
import { systemClock } from '../../src/core/time/clock';
import { appHarness, eventually } from '../support/app-harness';
import { type FakeDataFast, TEST_TOKENS, standardFake } from '../support/fake-datafast';
import { FakePowerMonitor } from '../support/fake-electron';

let fake: FakeDataFast;
beforeAll(async () => {
  fake = await standardFake();
});
afterAll(() => fake.close());

describe('lifecycle', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  const recorder = (calls: string[]) => new PauseReasons({ pause: () => calls.push('pause'), resume: () => calls.push('resume') });

  it.each([
    ['darwin', ['pause', 'resume', 'pause', 'resume']],
    ['win32', ['pause', 'resume', 'pause', 'resume']],
    ['linux', ['pause', 'resume']],
  ] as const)('on %s pauses on suspend and while the screen is locked (where Electron reports it), one resume each', (platform, expected) => {
    const power = new FakePowerMonitor();
    const calls: string[] = [];
    followPower(power.asPowerMonitor(), recorder(calls), platform);
    power.emit('suspend');
    power.emit('resume');
    power.emit('unlock-screen');
    power.emit('lock-screen');
    power.emit('unlock-screen');
    expect(calls).toEqual(expected);
  });

  it('stays paused when the screen is unlocked while still offline, and reads once when back online', () => {
    vi.useFakeTimers();
    let online = true;
    const calls: string[] = [];
    const pauses = recorder(calls);
    const power = new FakePowerMonitor();
    followPower(power.asPowerMonitor(), pauses, 'darwin');
    const gate = new OnlineGate({ isOnline: () => online, pauses, timers: systemClock, everyMs: 1_000 });
    power.emit('lock-screen');
    online = false;
    gate.networkFailed();
    power.emit('unlock-screen');
    power.emit('suspend');
    power.emit('resume');
    expect(calls).toEqual(['pause']);
    online = true;
    vi.advanceTimersByTime(1_000);
    expect(calls).toEqual(['pause', 'resume']);
    gate.stop();
  });

  it('checks connectivity only at start and after a network failure, and on a timer only while offline', () => {
    let online = true;
    const calls: string[] = [];
    const armed: Array<() => void> = [];
    const timers = { setTimeout: (callback: () => void) => armed.push(callback), clearTimeout: () => undefined };
    const gate = new OnlineGate({ isOnline: () => online, pauses: recorder(calls), timers });
    gate.networkFailed();
    // Online, and DataFast alone was unreachable: nothing is held, nothing ticks.
    expect([calls, armed.length]).toEqual([[], 0]);
    online = false;
    gate.networkFailed();
    gate.networkFailed();
    expect([calls, armed.length]).toEqual([['pause'], 1]);
    armed[0]!();
    expect([calls, armed.length]).toEqual([['pause'], 2]);
    online = true;
    armed[1]!();
    expect([calls, armed.length]).toEqual([['pause', 'resume'], 2]);
  });

  it('holds polling from the start when the computer starts offline', () => {
    const calls: string[] = [];
    const gate = new OnlineGate({ isOnline: () => false, pauses: recorder(calls), timers: systemClock });
    expect(calls).toEqual(['pause']);
    gate.stop();
  });

  it('reads the keychain again when the screen is unlocked or the computer wakes', () => {
    const power = new FakePowerMonitor();
    let retries = 0;
    retryKeychainOnUnlock(power.asPowerMonitor(), () => (retries += 1));
    power.emit('unlock-screen');
    power.emit('resume');
    power.emit('suspend');
    expect(retries).toBe(2);
  });

  it('pauses while offline and resumes once when back online', () => {
    vi.useFakeTimers();
    let online = true;
    const calls: string[] = [];
    const gate = new OnlineGate({ isOnline: () => online, pauses: recorder(calls), timers: systemClock, everyMs: 1_000 });
    vi.advanceTimersByTime(3_000);
    online = false;
    gate.networkFailed();
    vi.advanceTimersByTime(3_000);
    online = true;
    vi.advanceTimersByTime(3_000);
    expect(calls).toEqual(['pause', 'resume']);
    gate.stop();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('pauses and resumes the real engine with one fresh read', async () => {
    const app = await appHarness(fake.url);
    try {
      await app.addToken(TEST_TOKENS.shopKey);
      await eventually(() => app.controller.trayView().visitors === 42);
      app.controller.pause();
      expect(app.controller.trayView().detail).toMatch(/^paused/);
      const before = fake.requestsTo('/api/v1/analytics/realtime').length;
      app.controller.resume();
      await eventually(() => fake.requestsTo('/api/v1/analytics/realtime').length === before + 1);
    } finally {
      await app.close();
    }
  });
});
