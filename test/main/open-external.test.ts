import { describe, expect, it } from 'vitest';
import type { Shell } from 'electron';
import { openDataFastUrl } from '../../src/main/open-external';

describe('the browser', () => {
  it('opens only https DataFast URLs in the browser', () => {
    const opened: string[] = [];
    const shell = { openExternal: (url: string) => Promise.resolve(void opened.push(url)) } as Pick<Shell, 'openExternal'>;
    expect(openDataFastUrl(shell, 'https://datafa.st/dashboard/site_shop')).toBe(true);
    const lookAlikes = [
      'https://evildatafa.st/',
      'https://xdatafa.st/dashboard',
      'https://datafa.st.evil.com/',
      'https://datafa.st@evil.com/',
      'https://datafa.stevil.com/',
    ];
    for (const url of [...lookAlikes, 'http://datafa.st/', 'file:///etc/passwd', 'javascript:alert(1)', 'https://user:pw@datafa.st/', 'not a url']) {
      expect(openDataFastUrl(shell, url)).toBe(false);
    }
    expect(opened).toEqual(['https://datafa.st/dashboard/site_shop']);
  });
});
