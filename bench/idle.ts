/**
 * What the main process does at rest: an hour with the settings window closed, its parts (the
 * controller with its scheduler and history saver, the client's deadlines, the tray shell, the
 * connectivity gate) on one virtual clock that counts every timer callback. DataFast answers at
 * once; the tray and the keychain are stand-ins that only count.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Menu, NativeImage } from 'electron';
import { HistoryFile } from '../src/core/storage/history-file';
import { AppShell } from '../src/main/app-shell';
import { OnlineGate } from '../src/main/lifecycle';
import { TrayService } from '../src/main/tray-service';
import { VirtualClock } from './virtual-clock';
import { benchController, benchToken, benchWebsites, countReply } from './bench-app';

const HOUR = 60 * 60_000;
const START = Date.UTC(2026, 10, 2, 9, 0, 0);

const image = {} as NativeImage;

/** Timer callbacks in an idle hour after start-up, with `count` websites at the default interval. */
export async function idleHour(count: number): Promise<{ callbacks: number; historyBytes: number; trayMenus: number }> {
  const directory = mkdtempSync(join(tmpdir(), 'datafast-bench-idle-'));
  try {
    const clock = new VirtualClock(START);
    const websites = benchWebsites(count);
    const historyFile = new HistoryFile(directory);
    // A day of readings already kept, as after the app has run a day: the steady state.
    const history = historyFile.load(clock.now());
    for (const website of websites) for (let at = START - 24 * HOUR; at < START; at += 30_000) history.add(website.id, at, 40);
    const controller = await benchController({
      directory,
      clock,
      websites,
      token: benchToken,
      fetch: countReply(40),
      history,
      historyFile,
    });
    let trayMenus = 0;
    const tray = {
      setImage: () => undefined,
      setTitle: () => undefined,
      setToolTip: () => undefined,
      setContextMenu: () => void (trayMenus += 1),
      destroy: () => undefined,
    };
    const shell = new AppShell({
      controller,
      tray: new TrayService({ tray, platform: 'linux', buildMenu: () => ({}) as Menu, countImage: () => image, templateIcon: () => image }),
      sparkline: () => image,
      now: () => clock.now(),
      timers: clock,
      openInBrowser: () => undefined,
      openSettings: () => undefined,
      openLogFolder: () => undefined,
      sendToWindow: () => undefined,
      windowOpen: () => false,
      quit: () => undefined,
      onError: () => undefined,
      updates: null,
    });
    const online = new OnlineGate({ isOnline: () => true, pauses: { hold: () => undefined, release: () => undefined }, timers: clock });
    await controller.start();
    shell.render();
    // The first minutes read every website once and settle; the hour after is the app at rest.
    await clock.runUntil(START + 10 * 60_000);
    const menusBefore = trayMenus;
    const bytesBefore = historyFile.bytesWritten;
    const callbacks = await clock.runUntil(START + 10 * 60_000 + HOUR);
    const result = { callbacks, historyBytes: historyFile.bytesWritten - bytesBefore, trayMenus: trayMenus - menusBefore };
    online.stop();
    shell.stop();
    controller.shutdown();
    return result;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

export async function benchIdle(): Promise<void> {
  for (const count of [1, 5]) {
    const { callbacks, historyBytes, trayMenus } = await idleHour(count);
    console.log(
      `idle hour, window closed, ${count} website${count === 1 ? '' : 's'} at 30 s: ${callbacks} timer callbacks${count === 1 ? ' (goal ≤ 200)' : ''}; ` +
        `history written: ${(historyBytes / 1024).toFixed(1)} KiB${count === 5 ? ' (goal ≤ 200 KB)' : ''}; tray menu set ${trayMenus} times`,
    );
  }
}
