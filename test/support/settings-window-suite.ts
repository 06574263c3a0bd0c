import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect } from 'vitest';
import { loadKeytar } from '../../src/core/storage/secret-store';
import { websiteKey } from '../../src/shared/website-ids';
import { appHarness, eventually, type AppHarness } from './app-harness';
import { standardFake, type FakeDataFast } from './fake-datafast';
import { keychainProblem, removeService, requireKeychain, testServiceName } from './keychain';
import { launchChromium, openSettingsPage, type SettingsPage } from './settings-page';

export const SCREENSHOTS = resolve(__dirname, '../../test-results/screenshots');

/** Runs in the page: one computed style property of an element (tests compile without the DOM library). */
export function styleOf(element: unknown, property: string): string {
  const page = globalThis as unknown as { getComputedStyle(target: unknown): { getPropertyValue(name: string): string } };
  return page.getComputedStyle(element).getPropertyValue(property);
}

const problem = await keychainProblem();

/** The settings window in Chromium over the real IPC handlers, the real keychain and the fake DataFast, fresh for each test. */
export class WindowSuite {
  #fake: FakeDataFast | null = null;
  #browser: Browser | null = null;
  #app: AppHarness | null = null;
  #window: SettingsPage | null = null;
  #service = '';

  get fake(): FakeDataFast {
    return ready(this.#fake);
  }

  get browser(): Browser {
    return ready(this.#browser);
  }

  get app(): AppHarness {
    return ready(this.#app);
  }

  get window(): SettingsPage {
    return ready(this.#window);
  }

  get page(): Page {
    return this.window.page;
  }

  get service(): string {
    return this.#service;
  }

  /** Registers the hooks: Chromium and the fake for the file, an app and its window for each test. */
  hooks(): void {
    beforeAll(async () => {
      if (problem) throw new Error(`CI needs a working Secret Service: ${problem}`);
      this.#fake = await standardFake();
      this.#browser = await launchChromium();
      mkdirSync(SCREENSHOTS, { recursive: true });
    });
    afterAll(async () => {
      await this.#browser?.close();
      await this.#fake?.close();
    });
    beforeEach(async () => {
      this.#service = testServiceName();
      this.#app = await appHarness(this.fake.url, { keychain: await loadKeytar(), service: this.#service });
      this.#window = await openSettingsPage(this.browser, this.app.controller);
    });
    afterEach(async () => {
      await this.#window?.close();
      await this.#app?.close();
      await removeService(this.#service);
    });
  }

  /** The token the keychain holds for the website of this label. */
  async keychainToken(label: string): Promise<string | null> {
    const website = this.app.settings.read().websites.find((candidate) => candidate.label === label);
    return website ? (await loadKeytar()).getPassword(this.#service, website.id) : null;
  }

  /** Adds a website key as a person would: paste, check, confirm. */
  async addWebsiteKey(token: string): Promise<void> {
    const { page } = this;
    await page.getByLabel('API key or token').fill(token);
    await page.getByRole('button', { name: 'Check token' }).click();
    await page.locator('#confirm-add').click();
    await page.getByRole('status').filter({ hasText: 'Added' }).waitFor();
  }

  /** Screenshots of the Live tab in light and dark, under the given name. */
  async shootLive(name: string): Promise<void> {
    await this.page.screenshot({ path: join(SCREENSHOTS, `${name}-light.png`) });
    const dark = await openSettingsPage(this.browser, this.app.controller, 'dark');
    try {
      await dark.page.getByRole('tab', { name: 'Live' }).click();
      await dark.page.locator('figure.chart').first().waitFor();
      await dark.page.screenshot({ path: join(SCREENSHOTS, `${name}-dark.png`) });
    } finally {
      await dark.close();
    }
  }

  /** The demo website with `minutes` of history before now (one sample every `every` minutes), on the Live tab. */
  async demoLive(minutes: number, every: number, visitors: (minute: number) => number): Promise<void> {
    const { page, app } = this;
    const now = Date.now();
    for (let minute = minutes; minute > 0; minute -= every) app.controller.engine.history.add(websiteKey('demo'), now - minute * 60_000, visitors(minute));
    await page.getByRole('button', { name: 'Try demo data' }).click();
    await eventually(() => app.controller.trayView().visitors !== null);
    await page.getByRole('tab', { name: 'Live' }).click();
    await page.locator('figure.chart').nth(1).waitFor();
    expect(await page.locator('#live-count').textContent()).toMatch(/^\d+$/);
  }

  /** The labels along one axis of one of the Live tab's charts. */
  axisLabels(chart: number, axis: 'x' | 'y'): Promise<string[]> {
    return this.page.locator('figure.chart').nth(chart).locator(`.${axis}-axis span`).allTextContents();
  }
}

function ready<T>(value: T | null): T {
  if (value === null) throw new Error('the settings window suite is set up in its hooks, before each test');
  return value;
}

/** A describe block of settings-window tests; skipped, saying why, where no keychain runs (never in CI). */
export function describeSettingsWindow(name: string, body: (suite: WindowSuite) => void): void {
  describe.skipIf(problem !== null && !requireKeychain)(name, () => {
    const suite = new WindowSuite();
    suite.hooks();
    body(suite);
  });
}
