import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright';
import type { AppController } from '../../src/core/app/app-controller';
import { dispatch, type TrustPolicy } from '../../src/main/ipc';
import { createHandlers } from '../../src/main/ipc-handlers';
import { IPC_PREFIX } from '../../src/shared/app-identity';
import { STATE_EVENT, type Channel } from '../../src/shared/ipc-contract';
import { requestValidators } from '../../src/shared/ipc-validators';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const PAGE_URL = pathToFileURL(resolve(__dirname, '../../dist/renderer/index.html')).href;

let bridgeSource: Promise<string> | null = null;

/** The test bridge, bundled once: the real preload API over a Playwright binding. */
function bridge(): Promise<string> {
  bridgeSource ??= build({
    entryPoints: [resolve(__dirname, '../browser/bridge.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]?.text ?? '');
  return bridgeSource;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export interface SettingsPage {
  readonly page: Page;
  readonly opened: string[];
  readonly rejected: string[];
  close(): Promise<void>;
}

/**
 * The built settings window in Chromium, its bridge wired to the real main-side IPC handlers
 * (sender checks and payload validation included) over the given controller.
 */
export async function openSettingsPage(browser: Browser, controller: AppController, colorScheme: 'light' | 'dark' = 'light'): Promise<SettingsPage> {
  const context = await browser.newContext({ colorScheme, viewport: { width: 760, height: 720 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const opened: string[] = [];
  const rejected: string[] = [];
  const handlers = createHandlers(controller, { openInBrowser: (url) => opened.push(url) });
  const policy: TrustPolicy = { windowId: () => 1, pageUrl: PAGE_URL };
  await page.exposeBinding('__datafastInvoke', (source, channel: string, payload: unknown) => {
    const name = channel.startsWith(`${IPC_PREFIX}:`) ? channel.slice(IPC_PREFIX.length + 1) : channel;
    if (!(name in requestValidators)) return { ok: false, error: 'Unknown channel.' };
    const facts = { webContentsId: 1, frameUrl: source.frame.url(), isMainFrame: source.frame === source.page.mainFrame() };
    return dispatch(name as Channel, facts, payload, policy, handlers, (reason) => rejected.push(reason));
  });
  await page.addInitScript(await bridge());
  let queued = false;
  const unsubscribe = controller.onChange(() => {
    if (queued) return;
    queued = true;
    setTimeout(() => {
      queued = false;
      page
        .evaluate(([channel, state]) => (globalThis as unknown as { __datafastPush(c: string, s: unknown): void }).__datafastPush(channel, state), [
          STATE_EVENT,
          controller.appState(),
        ] as const)
        .catch(() => undefined);
    }, 10);
  });
  await page.goto(PAGE_URL);
  return {
    page,
    opened,
    rejected,
    close: async () => {
      unsubscribe();
      await context.close();
    },
  };
}
