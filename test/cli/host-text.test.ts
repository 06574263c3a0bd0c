import { describe, expect, it } from 'vitest';
import { pangoText, polybarText, xbarText } from '../../src/cli/host-text';

describe("names in each status bar's own syntax", () => {
  it('keeps xbar and SwiftBar to one line of text: no parameters, no submenu or separator', () => {
    expect(xbarText('Tom | color=red\nnext')).toBe('Tom │ color=red next');
    expect(xbarText('---')).toBe('\u2011--');
    expect(xbarText('--sub')).toBe('\u2011-sub');
  });

  it('writes markup characters as entities for waybar, keeping the tooltip lines', () => {
    expect(pangoText(`<b>"Tom" & 'Jerry'</b>\nline`)).toBe('&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;\nline');
  });

  it('doubles a percent sign for polybar so no tag can start', () => {
    expect(polybarText('100% %{F#f00}red')).toBe('100%% %%{F#f00}red');
  });

  it('breaks every run of three tildes, where SwiftBar cuts its stream, and keeps one or two', () => {
    expect(xbarText('Shop ~~~ 42')).toBe('Shop ∼∼∼ 42');
    expect(xbarText('a~~~~b')).toBe('a∼∼∼∼b');
    expect(xbarText('~user ~~ home')).toBe('~user ~~ home');
  });
});
