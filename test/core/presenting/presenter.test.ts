import { websiteKey } from '../../../src/shared/settings-shapes';
import { describe, expect, it } from 'vitest';
import { ageChangesAt, formatAge } from '../../../src/core/readings/format';
import { formatCount } from '../../../src/shared/count-format';
import { firstSentence, present, type PresenterInput, type WebsiteInput } from '../../../src/core/presenting/presenter';
import type { PollState } from '../../../src/core/polling/poll-entry';
import { pollState } from '../../support/settings-fixtures';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);

function poll(overrides: Partial<PollState> = {}): PollState {
  return pollState({ websiteKey: websiteKey('shop'), fetchedAt: NOW - 12_000, ...overrides });
}

function site(key: string, label: string, overrides: Partial<PollState> | null = {}): WebsiteInput {
  return { websiteKey: websiteKey(key), label, poll: overrides === null ? null : poll({ websiteKey: websiteKey(key), ...overrides }) };
}

function input(websites: WebsiteInput[], overrides: Partial<PresenterInput> = {}): PresenterInput {
  return { websites, activeKey: websites[0]?.websiteKey ?? null, mode: 'active', numberFormat: 'compact', now: NOW, ...overrides };
}

describe('number and age formats', () => {
  it('compacts large counts in the locale', () => {
    expect(formatCount(42, 'compact')).toBe('42');
    expect(formatCount(1234, 'compact')).toBe('1.2k');
    expect(formatCount(1_250_000, 'compact')).toBe('1.3M');
    expect(formatCount(1234, 'full')).toBe('1,234');
    expect(formatCount(1234, 'full', 'de-DE')).toBe('1.234');
  });

  it('says how old a reading is in menu-sized words', () => {
    expect(formatAge(2_000)).toBe('just now');
    expect(formatAge(59_999)).toBe('just now');
    expect(formatAge(60_000)).toBe('1 min ago');
    expect(formatAge(3 * 60_000 + 5_000)).toBe('3 min ago');
    expect(formatAge(2 * 3_600_000)).toBe('2 h ago');
    expect(formatAge(-5_000)).toBe('just now');
    expect(formatAge(3 * 86_400_000)).toBe('3 days ago');
  });

  it('knows when the age it shows next changes: at the next whole minute, hour or day of it', () => {
    const at = NOW - 12_000;
    expect(ageChangesAt(at, NOW)).toBe(at + 60_000);
    expect(formatAge(ageChangesAt(at, NOW) - 1 - at)).toBe('just now');
    expect(formatAge(ageChangesAt(at, NOW) - at)).toBe('1 min ago');
    expect(ageChangesAt(at, at + 3 * 60_000 + 5_000)).toBe(at + 4 * 60_000);
    expect(ageChangesAt(at, at + 2 * 3_600_000 + 1)).toBe(at + 3 * 3_600_000);
    expect(ageChangesAt(at, at + 3 * 86_400_000)).toBe(at + 4 * 86_400_000);
    const view = present(input([site('shop', 'shop.example.com')]));
    expect(view.ageChangesAt).toBe(NOW - 12_000 + 60_000);
    expect(present(input([])).ageChangesAt).toBeNull();
  });
});

describe('presenter', () => {
  it('shows the active website count, tooltip and age', () => {
    const view = present(input([site('shop', 'shop.example.com')]));
    expect(view.title).toBe('42');
    expect(view.status).toBe('ok');
    expect(view.headline).toBe('shop.example.com — 42 visitors');
    expect(view.detail).toBe('updated just now');
    expect(view.tooltip).toBe('shop.example.com — 42 visitors\nupdated just now');
  });

  it('uses the singular for one visitor', () => {
    expect(present(input([site('shop', 'Shop', { visitors: 1 })])).headline).toBe('Shop — 1 visitor');
  });

  it('shows a dash before the first reading', () => {
    const view = present(input([site('shop', 'Shop', null)]));
    expect(view.title).toBe('—');
    expect(view.status).toBe('loading');
    expect(view.detail).toBe('loading…');
  });

  it('keeps menu lines to the first sentence of an error, the tooltip whole', () => {
    const message = 'DataFast did not accept this token (401): Invalid key. It may have been revoked; paste a current key.';
    const view = present(input([site('shop', 'Shop', { stale: true, error: { kind: 'unauthorized', message } })]));
    expect(view.detail).toBe('DataFast did not accept this token (401): Invalid key.');
    expect(view.tooltip).toBe(`Shop — 42 visitors\n${message}`);
    expect(view.problem).toBe(message);
    expect(firstSentence('No full stop here')).toBe('No full stop here');
    expect(firstSentence('Version 1.2 is out. More')).toBe('Version 1.2 is out.');
  });

  it('marks stale data and errors differently from fresh data', () => {
    expect(present(input([site('shop', 'Shop', { stale: true, fetchedAt: NOW - 5 * 60_000 })])).title).toBe('~42');
    const failing = present(input([site('shop', 'Shop', { stale: true, error: { kind: 'network', message: 'Could not reach DataFast.' } })]));
    expect(failing.title).toBe('⚠ 42');
    expect(failing.status).toBe('error');
    expect(failing.detail).toBe('Could not reach DataFast.');
    const neverRead = present(input([site('shop', 'Shop', { visitors: null, fetchedAt: null, error: { kind: 'unauthorized', message: 'Rejected' } })]));
    expect(neverRead.title).toBe('⚠');
  });

  it('compacts large counts in the title and the menu', () => {
    const view = present(input([site('docs', 'Docs', { visitors: 1234 })]));
    expect(view.title).toBe('1.2k');
    expect(view.websites[0]?.menuLabel).toBe('Docs — 1.2k');
    expect(present(input([site('docs', 'Docs', { visitors: 1234 })], { numberFormat: 'full' })).title).toBe('1,234');
  });

  it('lists every website with its count, the active one checked and errors named', () => {
    const view = present(
      input(
        [
          site('shop', 'Shop'),
          site('blog', 'Blog', { visitors: 7 }),
          site('docs', 'Docs', { error: { kind: 'forbidden', message: 'No access' }, stale: true }),
        ],
        { activeKey: websiteKey('blog') },
      ),
    );
    expect(view.title).toBe('7');
    expect(view.websites.map((w) => [w.menuLabel, w.checked, w.problem])).toEqual([
      ['Shop — 42', false, null],
      ['Blog — 7', true, null],
      ['Docs — ⚠ 42', false, 'No access'],
    ]);
  });

  it('adds up every website in sum mode, marking a partial sum', () => {
    const websites = [site('shop', 'Shop'), site('blog', 'Blog', { visitors: 8, fetchedAt: NOW - 40_000 })];
    const view = present(input(websites, { mode: 'sum' }));
    expect(view.title).toBe('50');
    expect(view.sumSelected).toBe(true);
    expect(view.headline).toBe('All websites (2) — 50 visitors');
    expect(view.detail).toBe('updated just now');
    expect(view.websites.every((w) => !w.checked)).toBe(true);
    const partial = present(input([...websites, site('docs', 'Docs', null)], { mode: 'sum' }));
    expect(partial.title).toBe('~50');
  });

  it('labels demo data as demo', () => {
    const view = present(input([{ ...site('demo', 'Demo website'), demo: true }]));
    expect(view.headline).toBe('Demo website (demo) — 42 visitors');
  });

  it('says so when there are no websites', () => {
    const view = present(input([]));
    expect(view.status).toBe('empty');
    expect(view.title).toBe('—');
    expect(view.tooltip).toContain('add one');
  });

  it('says when polling is paused', () => {
    expect(present(input([site('shop', 'Shop')], { paused: true })).detail).toBe('paused while offline or asleep; updated just now');
  });
});
