import { websiteKey } from '../../src/shared/settings-shapes';
import { describe, expect, it } from 'vitest';
import { renderSetupFailure, renderSnapshot, type Snapshot } from '../../src/cli/output';
import { pangoText, polybarText, xbarText } from '../../src/cli/host-text';
import { singleLine } from '../../src/core/readings/format';
import type { OutputFormat } from '../../src/cli/args';
import { present } from '../../src/core/presenting/presenter';
import type { PollState } from '../../src/core/polling/poll-entry';
import { pollState } from '../support/settings-fixtures';

const HOSTILE = 'Tom & Jerry | color=red <b>"bold"</b> \'quoted\'\n--- injected line\r\n:dog: 100%{F#f00}';
const NOW = Date.UTC(2026, 10, 29, 12);

function poll(overrides: Partial<PollState> = {}): PollState {
  return pollState({ websiteKey: websiteKey('w_one'), fetchedAt: NOW - 5_000, nextPollAt: NOW + 25_000, ...overrides });
}

function snapshot(state: Partial<PollState> = {}, others: readonly string[] = []): Snapshot {
  const watched = poll(state);
  const websites = [
    { websiteKey: websiteKey('w_one'), label: HOSTILE, poll: watched },
    ...others.map((label, index) => ({ websiteKey: websiteKey(`w_${index}`), label, poll: poll({ visitors: index }) })),
  ];
  const view = present({ websites, activeKey: websiteKey('w_one'), mode: 'active', numberFormat: 'compact', now: NOW });
  return {
    view,
    poll: watched,
    label: HOSTILE,
    dashboardUrl: 'https://datafa.st/dashboard/site_1',
    websites: view.websites.map((menu) => ({ menu, dashboardUrl: `https://datafa.st/dashboard/${menu.websiteKey}` })),
    details: null,
  };
}

const failing: Partial<PollState> = { error: { kind: 'server', message: `The server of ${HOSTILE} failed (502); we will try again.` } };

describe('text made safe for each host', () => {
  it('folds control characters and line breaks into single spaces', () => {
    expect(singleLine('a\nb\r\n\tc\u2028d\u001b[31m')).toBe('a b c d [31m');
  });

  it('keeps a name from adding xbar parameters, separators or submenus', () => {
    expect(xbarText('Tom | color=red')).toBe('Tom │ color=red');
    expect(xbarText('---')).toBe('\u2011--');
    expect(xbarText('--sub')).toBe('\u2011-sub');
  });

  it('escapes every character Pango reads as markup', () => {
    expect(pangoText(`<b>&"'</b>`)).toBe('&lt;b&gt;&amp;&quot;&#39;&lt;/b&gt;');
  });

  it('doubles the percent sign polybar reads as the start of a tag', () => {
    expect(polybarText('100%{F#f00}')).toBe('100%%{F#f00}');
  });
});

describe.each<OutputFormat>(['text', 'json', 'waybar', 'xbar', 'swiftbar', 'i3blocks', 'polybar'])('the %s format with a hostile website name', (format) => {
  for (const [state, name] of [
    [{}, 'fresh'],
    [failing, 'failing'],
  ] as const) {
    it(`keeps to its protocol when ${name}`, () => {
      const output = renderSnapshot(format, snapshot(state, [HOSTILE, 'Plain']));
      const lines = output.split('\n');
      switch (format) {
        case 'text':
        case 'polybar':
          expect(lines).toHaveLength(1);
          expect(output).not.toContain('Tom');
          break;
        case 'json': {
          expect(lines).toHaveLength(1);
          expect((JSON.parse(output) as { website: string }).website).toBe(HOSTILE);
          break;
        }
        case 'waybar': {
          expect(lines).toHaveLength(1);
          const parsed = JSON.parse(output) as { text: string; tooltip: string; class: string; alt: string };
          expect(parsed.tooltip).toContain('Tom &amp; Jerry | color=red &lt;b&gt;');
          expect(parsed.tooltip).not.toMatch(/[<>"']|&(?!amp;|lt;|gt;|quot;|#39;)/);
          expect(parsed.tooltip.split('\n')).toHaveLength(2);
          expect(parsed.class).toBe(parsed.alt);
          break;
        }
        case 'i3blocks':
          expect(lines.length).toBeGreaterThanOrEqual(2);
          expect(lines.length).toBeLessThanOrEqual(3);
          expect(output).not.toContain('Tom');
          break;
        case 'xbar':
        case 'swiftbar': {
          // A streamed update starts with SwiftBar's separator, and a name can never make one.
          if (format === 'swiftbar') expect(lines[0]).toBe('~~~');
          expect(lines.slice(1).filter((line) => line === '~~~')).toEqual([]);
          for (const line of lines.filter((candidate) => candidate.includes('Tom'))) {
            // One `|` only: the one we put before our own parameters.
            expect(line.split('|')).toHaveLength(2);
            expect(line.split('|')[1]).toContain('emojize=false');
            expect(line).not.toMatch(/^-/);
          }
          expect(lines.filter((line) => line === '---')).toHaveLength(3);
          expect(lines).toContain('Refresh | refresh=true');
          expect(lines).toContain('Open dashboard | href=https://datafa.st/dashboard/site_1');
          break;
        }
      }
    });
  }
});

describe('the state a bar shows', () => {
  it('colours the count by state in xbar, i3blocks and polybar, and names the state for waybar', () => {
    const fresh = snapshot();
    const stale = snapshot({ stale: true });
    const broken = snapshot(failing);
    expect(renderSnapshot('xbar', fresh).split('\n')[0]).toBe('42');
    expect(renderSnapshot('xbar', stale).split('\n')[0]).toBe('~42 | color=#9a9a9a');
    expect(renderSnapshot('xbar', broken).split('\n')[0]).toBe('⚠ 42 | color=#e5484d');
    expect(renderSnapshot('i3blocks', fresh)).toBe('42\n42');
    expect(renderSnapshot('i3blocks', broken)).toBe('⚠ 42\n⚠ 42\n#e5484d');
    expect(renderSnapshot('polybar', fresh)).toBe('42');
    expect(renderSnapshot('polybar', stale)).toBe('%{F#9a9a9a}~42%{F-}');
    const classes = [fresh, stale, broken].map((shown) => (JSON.parse(renderSnapshot('waybar', shown)) as { class: string }).class);
    expect(classes).toEqual(['ok', 'stale', 'error']);
  });

  it('lists every website in the xbar menu, each linking to its dashboard, the watched one ticked', () => {
    const lines = renderSnapshot('xbar', snapshot({}, ['Blog'])).split('\n');
    expect(lines.filter((line) => line.includes('href=https://datafa.st/dashboard/w_'))).toHaveLength(2);
    expect(lines.find((line) => line.startsWith('✓ '))).toContain('href=https://datafa.st/dashboard/w_one');
    expect(lines.some((line) => line.startsWith('Blog — 0 | href=https://datafa.st/dashboard/w_0'))).toBe(true);
  });

  it('draws a failure to start in each bar format, escaped, and leaves json to stderr', () => {
    const reason = 'No website matches "<x> | y".\nAdd one.';
    expect(renderSetupFailure('json', reason)).toBeNull();
    expect(renderSetupFailure('text', reason)).toBe('⚠');
    expect(renderSetupFailure('polybar', reason)).toBe('%{F#e5484d}⚠%{F-}');
    expect(renderSetupFailure('i3blocks', reason)).toBe('⚠\n⚠\n#e5484d');
    expect(JSON.parse(renderSetupFailure('waybar', reason) ?? '')).toEqual({
      text: '⚠',
      tooltip: 'No website matches &quot;&lt;x&gt; | y&quot;. Add one.',
      class: 'error',
      alt: 'error',
    });
    const xbar = (renderSetupFailure('xbar', reason) ?? '').split('\n');
    expect(xbar[0]).toBe('⚠ | color=#e5484d');
    expect(xbar[2]).toBe('No website matches "<x> │ y". Add one. | emojize=false symbolize=false');
    expect(xbar).toContain('Refresh | refresh=true');
  });
});

describe('the swiftbar format', () => {
  it('is the xbar menu after the ~~~ line that tells SwiftBar a new update begins, for a reading and for a failure', () => {
    const reading = snapshot();
    expect(renderSnapshot('swiftbar', reading)).toBe(`~~~\n${renderSnapshot('xbar', reading)}`);
    const failure = renderSetupFailure('swiftbar', 'No token is stored for Shop.') ?? '';
    expect(failure.split('\n')[0]).toBe('~~~');
    expect(failure.split('\n').slice(1).join('\n')).toBe(renderSetupFailure('xbar', 'No token is stored for Shop.'));
  });

  it('keeps every website in the menu when a name holds the separator, as SwiftBar cuts at any ~~~', () => {
    const stream = renderSnapshot('swiftbar', snapshot({}, ['Sh~~~op', 'Docs']));
    // SwiftBar keeps what follows the last `~~~` of the stream as the menu.
    const menu = stream.split('~~~').at(-1) ?? '';
    expect(menu).toMatch(/^Sh∼∼∼op — 0 \|/m);
    expect(menu).toMatch(/^Docs — 1 \|/m);
    expect(stream.split('~~~')).toHaveLength(2);
  });
});
