import { describe, expect, it } from 'vitest';
import { isSuccess, ProxyFailureError, RedirectRefusedError } from '../../../src/core/datafast/http-transport';

describe('what every transport says', () => {
  it('takes 2xx as success and nothing else', () => {
    expect([199, 200, 204, 299, 300, 404, 500].map((status) => isSuccess({ status }))).toEqual([false, true, true, true, false, false, false]);
  });

  it('names a refused redirect and a failed proxy in words the failures read', () => {
    expect(new RedirectRefusedError(302).message).toBe('unexpected redirect (HTTP 302)');
    const proxy = new ProxyFailureError('http://proxy:3128', 'ECONNREFUSED');
    expect([proxy.proxyOrigin, proxy.reason, proxy.message]).toEqual(['http://proxy:3128', 'ECONNREFUSED', 'the proxy http://proxy:3128 failed: ECONNREFUSED']);
  });
});
