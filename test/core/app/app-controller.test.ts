import { websiteKey } from '../../../src/shared/settings-shapes';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../bench/virtual-clock';
import { createConfBackend } from '../../support/conf-backend';
import { SettingsRepository } from '../../../src/core/storage/settings-repository';
import { appHarness, eventually } from '../../support/app-harness';
import { standardFake, TEST_TOKENS, type FakeDataFast } from '../../support/fake-datafast';
import { MemoryKeychain } from '../../support/memory-keychain';
import { tempDir } from '../../support/temp';
import { demoWebsite } from '../../support/settings-fixtures';

let fake: FakeDataFast;
beforeAll(async () => {
  fake = await standardFake();
});
afterAll(() => fake.close());

describe('app controller', () => {
  it('shows websites another program (the runner) adds to the settings file within a second, without a restart', async () => {
    const app = await appHarness(fake.url, { watch: true });
    try {
      const runner = SettingsRepository.open({ directory: app.directory, createBackend: (d) => createConfBackend(d) });
      await runner.update((settings) => ({
        ...settings,
        websites: [demoWebsite()],
        activeWebsiteKey: websiteKey('demo'),
      }));
      await eventually(() => app.controller.appState().websites.length === 1, 1_000);
      expect(app.controller.trayView().headline).toMatch(/^Demo website \(demo\) — /);
    } finally {
      await app.close();
    }
  });

  it('picks up a token the runner replaced in the keychain once the old one is refused', async () => {
    const app = await appHarness(fake.url);
    try {
      await app.addToken(TEST_TOKENS.shopKey);
      await eventually(() => app.controller.trayView().visitors === 42);
      const id = app.settings.read().websites[0]?.id ?? '';
      // What `datafast-menubar add` does for a website that exists: a new token, same settings.
      await app.keychain.setPassword(app.service, id, TEST_TOKENS.blogKey);
      await fake.whileRevoked(TEST_TOKENS.shopKey, async () => {
        await app.controller.commands.refreshNow();
        await eventually(() => app.controller.trayView().visitors === 7);
        expect(app.controller.appState().websites[0]).toMatchObject({ maskedToken: 'df_…5678', problem: null });
      });
    } finally {
      await app.close();
    }
  });

  it('keeps a refused token halted when the keychain has nothing newer', async () => {
    const app = await appHarness(fake.url);
    try {
      await app.addToken(TEST_TOKENS.shopKey);
      await eventually(() => app.controller.trayView().visitors === 42);
      await fake.whileRevoked(TEST_TOKENS.shopKey, async () => {
        await app.controller.commands.refreshNow();
        await eventually(() => app.controller.engine.states()[0]?.halted === true);
        const before = fake.requestsTo('/api/v1/analytics/realtime').length;
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(fake.requestsTo('/api/v1/analytics/realtime').length).toBe(before);
        expect(app.controller.trayView().status).toBe('error');
      });
    } finally {
      await app.close();
    }
  });

  it('applies its own settings changes once, without reading the keychain again', async () => {
    const keychain = new MemoryKeychain();
    const app = await appHarness(fake.url, { watch: true, keychain });
    try {
      await app.addToken(TEST_TOKENS.shopKey);
      await eventually(() => app.controller.trayView().visitors === 42);
      const readsBefore = keychain.reads;
      await app.controller.commands.updateSettings({ refreshIntervalSeconds: 60 });
      await app.controller.commands.rename(app.settings.read().websites[0]!.id, 'My shop');
      expect(app.controller.engine.intervalMs).toBe(60_000);
      expect(app.controller.trayView().headline).toBe('My shop — 42 visitors');
      // The folder watch reports the file's new text, which is the app's own: not applied again.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(keychain.reads).toBe(readsBefore);
    } finally {
      await app.close();
    }
  });

  it('keeps history across a restart of the app', async () => {
    const dir = tempDir();
    try {
      const first = await appHarness(fake.url, { directory: dir.path });
      await first.addToken(TEST_TOKENS.shopKey);
      await eventually(() => first.controller.trayView().visitors === 42);
      const id = first.settings.read().websites[0]!.id;
      await first.close();
      expect(readFileSync(join(dir.path, 'history.log'), 'utf8')).toMatch(/\nw_\w+ \d+ 42\n/);
      expect(readFileSync(join(dir.path, 'history.log'), 'utf8')).not.toContain(TEST_TOKENS.shopKey);

      const second = await appHarness(fake.url, { directory: dir.path, keychain: first.keychain, start: false });
      expect(second.controller.engine.history.between(id, 0, Infinity).map((sample) => sample.visitors)).toEqual([42]);
      await second.close();
    } finally {
      dir.remove();
    }
  });

  it('restores the websites a damaged settings file lost from the keychain, with a notice, and reads them', async () => {
    const dir = tempDir();
    try {
      const first = await appHarness(fake.url, { directory: dir.path });
      await first.addToken(TEST_TOKENS.shopKey);
      await first.addToken(TEST_TOKENS.account, ['site_docs']);
      const before = first.settings.read().websites.map(({ id, label, domain, dataFastSiteId }) => ({ id, label, domain, dataFastSiteId }));
      await first.close();
      writeFileSync(join(dir.path, 'config.json'), '{"schemaVersion": 3, "websites": 5}');

      const second = await appHarness(fake.url, { directory: dir.path, keychain: first.keychain });
      try {
        const after = second.settings.read().websites.map(({ id, label, domain, dataFastSiteId }) => ({ id, label, domain, dataFastSiteId }));
        expect(after).toEqual(expect.arrayContaining(before));
        expect(after).toHaveLength(2);
        const notices = second.controller.appState().notices;
        expect(
          notices.some((notice) => /^Restored 2 websites from the keychain: .*Shop \(shop\.example\.com\).*The damaged settings file is kept as /.test(notice)),
        ).toBe(true);
        await eventually(() => second.controller.appState().websites.every((website) => website.visitors !== null));
      } finally {
        await second.close();
      }
    } finally {
      dir.remove();
    }
  });

  it('keeps a token in memory for the session when the keychain is unavailable, and says so', async () => {
    const keychain = new MemoryKeychain();
    keychain.unavailable = true;
    const app = await appHarness(fake.url, { keychain });
    try {
      const added = await app.addToken(TEST_TOKENS.shopKey);
      expect(added).toEqual({ added: ['Shop'], sessionOnly: true });
      const state = app.controller.appState();
      expect(state.websites[0]).toMatchObject({ maskedToken: 'df_…1234', tokenInSessionOnly: true });
      expect(state.notices.join(' ')).toContain('kept in memory until you quit');
      await eventually(() => app.controller.trayView().visitors === 42);
      expect(keychain.entries.size).toBe(0);
      expect(readFileSync(join(app.directory, 'config.json'), 'utf8')).not.toContain(TEST_TOKENS.shopKey);
    } finally {
      await app.close();
    }
  });

  it('forgets a checked token after use, and refuses to reuse it', async () => {
    const app = await appHarness(fake.url);
    try {
      const checked = await app.controller.commands.checkToken(TEST_TOKENS.blogKey);
      await app.controller.commands.addChecked(checked.pendingId, []);
      await expect(app.controller.commands.addChecked(checked.pendingId, [])).rejects.toThrow(/expired; paste the token again/);
    } finally {
      await app.close();
    }
  });

  it("switches websites in one render and takes other commands at once, while the chosen website's read takes 3 s", async () => {
    const clock = new VirtualClock(Date.now());
    const app = await appHarness(fake.url, { clock });
    try {
      await app.addToken(TEST_TOKENS.account, ['site_shop', 'site_blog']);
      const [shop, blog] = app.settings.read().websites;
      await eventually(() => app.controller.appState().websites.every((website) => website.visitors !== null));
      fake.setVisitors('site_blog', 8);
      const events: string[] = [];
      app.controller.onChange(() => {
        const view = app.controller.trayView();
        if (view.activeKey === blog!.id && !events.some((event) => event.startsWith('tray shows'))) events.push(`tray shows ${view.visitors} (${view.status})`);
        const blogVisitors = app.controller.engine.states().find((state) => state.websiteKey === blog!.id)?.visitors;
        if (blogVisitors === 8 && !events.includes('read landed')) events.push('read landed');
      });
      fake.queueFault({ type: 'slow', ms: 3_000 }, '/api/v1/analytics/realtime');
      const requestsBefore = fake.requestsTo('/api/v1/analytics/realtime').length;
      const switched = app.controller.commands.switchWebsite(blog!.id).then(() => events.push('switch applied'));
      await new Promise((resolve) => setTimeout(resolve, 50));
      const renamed = app.controller.commands.rename(shop!.id, 'My shop').then(() => events.push('rename applied'));
      await Promise.all([switched, renamed]);
      expect(fake.requestsTo('/api/v1/analytics/realtime').length).toBe(requestsBefore + 1);
      await eventually(() => events.includes('read landed'), 6_000);
      expect(events).toEqual(['tray shows 7 (ok)', 'switch applied', 'rename applied', 'read landed']);
      expect(app.controller.trayView().headline).toBe('Blog — 8 visitors');
    } finally {
      fake.setVisitors('site_blog', 7);
      await app.close();
    }
  }, 15_000);

  it("checks tokens inside the token's request budget: 200 checks from the window send at most 30 requests a minute", async () => {
    const clock = new VirtualClock(Date.now());
    const app = await appHarness(fake.url, { clock });
    try {
      const before = fake.requestsTo('/api/v1/analytics/metadata').length;
      const outcomes: string[] = [];
      for (let i = 0; i < 200; i++) {
        await app.controller.commands.checkToken(TEST_TOKENS.blogKey).then(
          () => outcomes.push('checked'),
          (error: unknown) => outcomes.push(error instanceof Error ? error.message : String(error)),
        );
      }
      expect(fake.requestsTo('/api/v1/analytics/metadata').length - before).toBe(30);
      expect(outcomes.filter((outcome) => outcome === 'checked')).toHaveLength(30);
      expect(outcomes.at(-1)).toMatch(/^This token was checked too often in the last minute; try again in \d+ s\.$/);
      await clock.runUntil(clock.now() + 61_000);
      await expect(app.controller.commands.checkToken(TEST_TOKENS.blogKey)).resolves.toMatchObject({ kind: 'website-key' });
    } finally {
      await app.close();
    }
  });

  it('runs one token check at a time', async () => {
    const app = await appHarness(fake.url);
    try {
      fake.queueFault({ type: 'slow', ms: 300 }, '/api/v1/analytics/metadata');
      const [first, second] = await Promise.allSettled([
        app.controller.commands.checkToken(TEST_TOKENS.blogKey),
        app.controller.commands.checkToken(TEST_TOKENS.shopKey),
      ]);
      expect(first.status).toBe('fulfilled');
      expect(second).toMatchObject({ status: 'rejected', reason: { message: 'A token is being checked already; wait for its answer.' } });
    } finally {
      await app.close();
    }
  });

  it('forgets a checked token after ten minutes on its own, not only when another check comes', async () => {
    const clock = new VirtualClock(Date.now());
    const app = await appHarness(fake.url, { clock });
    try {
      const checked = await app.controller.commands.checkToken(TEST_TOKENS.blogKey);
      expect(app.controller.pendingTokenChecks).toBe(1);
      await clock.runUntil(clock.now() + 10 * 60_000);
      expect(app.controller.pendingTokenChecks).toBe(0);
      await expect(app.controller.commands.addChecked(checked.pendingId, [])).rejects.toThrow(/expired; paste the token again/);
    } finally {
      await app.close();
    }
  });

  it('says the keychain is locked, then reads the tokens once it is unlocked, and the notice goes', async () => {
    const keychain = new MemoryKeychain();
    let state: 'locked' | 'unlocked' = 'unlocked';
    const app = await appHarness(fake.url, { keychain, lockState: () => Promise.resolve(state) });
    try {
      await app.addToken(TEST_TOKENS.shopKey);
      await eventually(() => app.controller.trayView().visitors === 42);
      // With nothing wrong, waking or unlocking the screen leaves the keychain alone.
      const reads = keychain.reads;
      await app.controller.retryKeychain();
      expect(keychain.reads).toBe(reads);
      state = 'locked';
      await app.controller.reloadTokens();
      const locked = app.controller.appState();
      expect(locked.notices.filter((notice) => notice.startsWith('The system keychain is locked'))).toHaveLength(1);
      expect(locked.websites[0]?.maskedToken).toBeNull();
      state = 'unlocked';
      await app.controller.retryKeychain();
      await app.controller.commands.refreshNow();
      await eventually(() => app.controller.trayView().visitors === 42 && app.controller.trayView().status === 'ok');
      expect(app.controller.appState().notices.some((notice) => notice.includes('keychain is locked'))).toBe(false);
      expect(app.controller.appState().websites[0]?.maskedToken).toBe('df_…1234');
    } finally {
      await app.close();
    }
  });

  it('renames, reorders and removes websites, keeping settings and keychain in step', async () => {
    const app = await appHarness(fake.url);
    try {
      await app.addToken(TEST_TOKENS.account, ['site_shop', 'site_blog', 'site_docs']);
      const [shop, blog, docs] = app.settings.read().websites;
      await app.controller.commands.rename(blog!.id, '  The blog  ');
      await app.controller.commands.move(docs!.id, 'up');
      await app.controller.commands.move(shop!.id, 'up');
      expect(app.controller.appState().websites.map((w) => w.label)).toEqual(['Shop', 'Docs', 'The blog']);
      await app.controller.commands.remove(docs!.id);
      expect(app.controller.appState().websites.map((w) => w.label)).toEqual(['Shop', 'The blog']);
      expect(await app.keychain.getPassword(app.service, docs!.id)).toBeNull();
      // An account token's entry names the website and the API address it was added for, so the keychain alone can restore it.
      expect(await app.keychain.getPassword(app.service, shop!.id)).toBe(`${TEST_TOKENS.account} site:site_shop api:${new URL(fake.url).origin}`);
      expect(await app.accounts.tokenFor(shop!.id)).toBe(TEST_TOKENS.account);
      await expect(app.controller.commands.rename(websiteKey('w_missing'), 'x')).rejects.toThrow(/no longer configured/);
    } finally {
      await app.close();
    }
  });
});
