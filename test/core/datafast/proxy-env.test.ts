import { describe, expect, it } from 'vitest';
import { bypassesProxy, proxyFor } from '../../../src/core/datafast/proxy-env';

const api = new URL('https://datafa.st/api/v1/analytics/realtime');

describe('the proxy the environment names', () => {
  it('takes https_proxy for https and http_proxy for http, the lower-case name first, as curl does', () => {
    expect(proxyFor(api, { https_proxy: 'http://lower:3128', HTTPS_PROXY: 'http://upper:3128' })?.href).toBe('http://lower:3128/');
    expect(proxyFor(api, { HTTPS_PROXY: 'http://upper:3128' })?.href).toBe('http://upper:3128/');
    expect(proxyFor(api, { HTTP_PROXY: 'http://plain:3128' })).toBeNull();
    expect(proxyFor(new URL('http://127.0.0.1:8080/'), { HTTP_PROXY: 'http://plain:3128' })?.href).toBe('http://plain:3128/');
  });

  it('reads a proxy without a scheme as an http one, and an empty one as none', () => {
    expect(proxyFor(api, { HTTPS_PROXY: 'proxy.example.com:3128' })?.href).toBe('http://proxy.example.com:3128/');
    expect(proxyFor(api, { HTTPS_PROXY: '  ' })).toBeNull();
  });

  it('says what is wrong with a proxy that is not an address', () => {
    expect(() => proxyFor(api, { HTTPS_PROXY: 'http://[not' })).toThrow(/the proxy address http:\/\/\[not is not a URL; set HTTPS_PROXY to one such as/);
  });

  it.each([
    ['*', true],
    ['datafa.st', true],
    ['.datafa.st', true],
    ['DATAFA.ST', true],
    ['example.com, datafa.st', true],
    ['datafa.st:443', true],
    ['datafa.st:8443', false],
    ['st', true],
    ['afa.st', false],
    ['other.example', false],
    ['', false],
  ])('no_proxy=%j goes around the proxy for datafa.st: %s', (noProxy, bypassed) => {
    expect(bypassesProxy(api, noProxy)).toBe(bypassed);
  });

  it('matches a subdomain by its parent, and addresses exactly or by range', () => {
    expect(bypassesProxy(new URL('https://api.datafa.st/'), 'datafa.st')).toBe(true);
    expect(bypassesProxy(new URL('http://127.0.0.1:8080/'), '127.0.0.1')).toBe(true);
    expect(bypassesProxy(new URL('http://127.0.0.1:8080/'), '127.0.0.0/8')).toBe(true);
    expect(bypassesProxy(new URL('http://127.0.0.1:8080/'), '10.0.0.0/8')).toBe(false);
    expect(bypassesProxy(new URL('http://127.0.0.1:8080/'), '127.0.0.10')).toBe(false);
    expect(bypassesProxy(new URL('http://[::1]:8080/'), '::1')).toBe(true);
    expect(bypassesProxy(new URL('http://[::1]:8080/'), '[::1]:8080')).toBe(true);
    expect(bypassesProxy(new URL('http://[::1]:8080/'), '[::1]:9090')).toBe(false);
  });

  it('sends nothing around the proxy that no_proxy names with a different case of variable', () => {
    expect(proxyFor(api, { HTTPS_PROXY: 'http://proxy:3128', no_proxy: 'datafa.st' })).toBeNull();
    expect(proxyFor(api, { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'example.com' })?.host).toBe('proxy:3128');
  });
});
