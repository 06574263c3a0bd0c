import { describe, expect, it } from 'vitest';
import { apiOriginOf, apiUrlProblem, requireTokenOrigin } from '../../../src/core/datafast/api-origin';

describe('where a token may go', () => {
  it.each(['https://datafa.st', 'https://datafa.st/api', 'http://localhost:8080', 'http://127.0.0.1:3000', 'http://[::1]:9'])('takes %s', (url) => {
    expect(apiUrlProblem(url)).toBeNull();
  });

  it.each([
    ['datafa.st', /is not a valid API address/],
    ['http://datafa.st', /must use https \(plain http is allowed only for this computer.*got http:\/\/datafa\.st/],
    ['http://192.168.1.5', /must use https/],
    ['ftp://datafa.st', /must use https \(got ftp:\)/],
  ])('refuses %s, saying why', (url, reason) => {
    expect(apiUrlProblem(url)).toMatch(reason);
  });

  it('sends a token only to the origin it was added for, whatever the path', () => {
    expect(apiOriginOf('https://datafa.st/api/v1/')).toBe('https://datafa.st');
    expect(() => requireTokenOrigin({ label: 'Shop', apiOrigin: 'https://datafa.st' }, 'https://datafa.st/other')).not.toThrow();
    expect(() => requireTokenOrigin({ label: 'Shop', apiOrigin: 'https://datafa.st' }, 'https://evil.example')).toThrow(
      "Shop's token was added for https://datafa.st; add it again to use https://evil.example. The token was not sent.",
    );
  });
});
