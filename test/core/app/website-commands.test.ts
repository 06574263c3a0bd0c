import { describe, expect, it } from 'vitest';
import { eventually, harnessesOnStandardFake, type AppHarness } from '../../support/app-harness';
import { TEST_TOKENS } from '../../support/fake-datafast';

const harnesses = harnessesOnStandardFake();

async function threeWebsites(): Promise<AppHarness> {
  const app = await harnesses.open();
  await app.addToken(TEST_TOKENS.account, ['site_shop', 'site_blog', 'site_docs']);
  return app;
}

const labels = (harness: AppHarness): string[] => harness.controller.appState().websites.map((website) => website.label);
const idOf = (harness: AppHarness, label: string) => {
  const website = harness.controller.settings.websites.find((candidate) => candidate.label === label);
  if (!website) throw new Error(`no website ${label}`);
  return website.id;
};

describe('website commands', () => {
  it('moves a website up or down one place, and leaves the ends where they are', async () => {
    const harness = await threeWebsites();
    expect(labels(harness)).toEqual(['Shop', 'Blog', 'Docs']);
    await harness.controller.commands.move(idOf(harness, 'Docs'), 'up');
    expect(labels(harness)).toEqual(['Shop', 'Docs', 'Blog']);
    await harness.controller.commands.move(idOf(harness, 'Shop'), 'up');
    await harness.controller.commands.move(idOf(harness, 'Blog'), 'down');
    expect(labels(harness)).toEqual(['Shop', 'Docs', 'Blog']);
    expect(Object.fromEntries(harness.settings.read().websites.map((website) => [website.label, website.order]))).toEqual({ Shop: 0, Docs: 1, Blog: 2 });
  });

  it('renames with the spaces around the name trimmed, and refuses a website that is gone', async () => {
    const harness = await threeWebsites();
    await harness.controller.commands.rename(idOf(harness, 'Blog'), '  My blog  ');
    expect(labels(harness)).toContain('My blog');
    const docs = idOf(harness, 'Docs');
    await harness.controller.commands.remove(docs);
    await expect(harness.controller.commands.rename(docs, 'Back')).rejects.toThrow('That website is no longer configured.');
  });

  it('sets launch at login through the login item only when it changes', async () => {
    const harness = await threeWebsites();
    await harness.controller.commands.updateSettings({ launchAtLogin: true });
    await harness.controller.commands.updateSettings({ launchAtLogin: true, numberFormat: 'full' });
    await harness.controller.commands.updateSettings({ launchAtLogin: false });
    expect(harness.loginItem).toEqual([true, false]);
  });

  it("marks an account's websites already added, whichever token added them", async () => {
    const app = await harnesses.open();
    await app.addToken(TEST_TOKENS.shopKey);
    const checked = await app.controller.commands.checkToken(TEST_TOKENS.account);
    expect(checked.kind).toBe('account-token');
    if (checked.kind !== 'account-token') return;
    expect(checked.websites.map((site) => [site.name, site.alreadyAdded])).toEqual([
      ['Shop', true],
      ['Blog', false],
      ['Docs', false],
    ]);
  });

  it('reads every website at once on "Refresh now" in sum mode, and the one shown otherwise', async () => {
    const harness = await threeWebsites();
    await eventually(() => harness.controller.appState().websites.every((website) => website.visitors !== null));
    const reads = () => harnesses.fake().requestsTo('/api/v1/analytics/realtime').length + harnesses.fake().requestsTo('/api/v1/analytics/realtime/map').length;
    let before = reads();
    await harness.controller.commands.refreshNow();
    expect(reads() - before).toBe(1);
    await harness.controller.commands.setDisplayMode('sum');
    before = reads();
    await harness.controller.commands.refreshNow();
    expect(reads() - before).toBe(3);
  });
});
