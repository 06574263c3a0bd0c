import { describe, expect, it } from 'vitest';
import { dashboardUrl, DASHBOARDS_URL, isAllowedExternalUrl } from '../../../src/core/datafast/dashboard';

describe("DataFast's pages", () => {
  it("are a website's dashboard, its id written safely into the path", () => {
    expect(dashboardUrl('site_shop')).toBe('https://datafa.st/dashboard/site_shop');
    expect(dashboardUrl('a/b?c')).toBe('https://datafa.st/dashboard/a%2Fb%3Fc');
    expect(DASHBOARDS_URL).toBe('https://datafa.st/dashboard');
  });

  it.each([
    ['https://datafa.st/dashboard', true],
    ['https://app.datafa.st/x', true],
    ['http://datafa.st/dashboard', false],
    ['https://datafa.st.evil.example/', false],
    ['https://evildatafa.st/', false],
    ['https://user:pass@datafa.st/', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s may be opened in the browser: %s', (url, allowed) => {
    expect(isAllowedExternalUrl(url)).toBe(allowed);
  });
});
