/**
 * The settings window's weight and speed: bytes of JavaScript and CSS it loads (raw and gzip),
 * and its time to first contentful paint in Chromium, median of several cold page loads.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const RENDERER = resolve(__dirname, '../dist/renderer');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** A bridge that answers at once with a typical state: three websites and an hour of history. */
const STUB_BRIDGE = `
(() => {
  const now = Date.now();
  const lastHour = Array.from({ length: 60 }, (_, i) => ({ at: now - (60 - i) * 60000, visitors: 30 + (i % 7) }));
  const site = (id, label, visitors) => ({ id, label, domain: label.toLowerCase() + '.example.com', dataFastSiteId: 'site_' + id, tokenKind: 'website-key',
    maskedToken: 'df_…1234', tokenInSessionOnly: false, spikeThreshold: null, visitors, countText: String(visitors),
    status: 'ok', problem: null, fetchedAt: now });
  const state = { websites: [site('a', 'Shop', 42), site('b', 'Blog', 7), site('c', 'Docs', 1234)], activeWebsiteKey: 'a',
    settings: { refreshIntervalSeconds: 30, displayMode: 'active', numberFormat: 'compact', launchAtLogin: false,
      notifications: { enabled: true, factor: 2, minimum: 10, cooldownMinutes: 30, snoozedUntil: null } },
    headline: 'Shop — 42 visitors', detail: 'updated just now', lastHour, lastDay: lastHour, notices: [], paused: false };
  const reply = (value) => Promise.resolve({ ok: true, value });
  const any = new Proxy({}, { get: () => () => reply(null) });
  window.datafast = { state: { get: () => reply(state), onChange: () => () => {} }, tokens: any, websites: any, settings: any,
    notifications: any, dashboard: any, refresh: () => reply(null) };
})();`;

function size(file: string): { raw: number; gzip: number } {
  const bytes = readFileSync(resolve(RENDERER, file));
  return { raw: bytes.length, gzip: gzipSync(bytes).length };
}

export async function benchSettingsWindow(): Promise<void> {
  const js = size('renderer.js');
  const css = size('styles.css');
  const html = size('index.html');
  const kib = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;
  console.log(`settings window JavaScript: ${kib(js.raw)} (${kib(js.gzip)} gzip); CSS: ${kib(css.raw)} (${kib(css.gzip)} gzip); HTML: ${kib(html.raw)}`);

  // Loaded only now, so Playwright's own memory stays out of the heap figures measured before.
  const { chromium } = await import('playwright');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const paints: number[] = [];
    for (let run = 0; run < 11; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.addInitScript(STUB_BRIDGE);
      await page.goto(pathToFileURL(resolve(RENDERER, 'index.html')).href);
      await page.locator('.website').first().waitFor();
      const timing = await page.evaluate(() => {
        const scope = globalThis as unknown as { performance: { getEntriesByName(name: string): Array<{ startTime: number }> } };
        return scope.performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN;
      });
      // The first load warms Chromium's caches; the figure is for the loads after it.
      if (run > 0) paints.push(timing);
      await context.close();
    }
    const median = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1] ?? Number.NaN;
    console.log(`settings window first contentful paint: ${median(paints).toFixed(0)} ms (median of ${paints.length} loads, headless Chromium)`);
  } finally {
    await browser.close();
  }
}
