import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { standardFake, TEST_TOKENS, type FakeDataFast } from '../support/fake-datafast';
import { runCli } from '../support/run-cli';
import { testCertificates } from '../support/test-ca';
import { TestProxy } from '../support/test-proxy';
import { tempDir } from '../support/temp';

/**
 * The runner as a status bar starts it, behind a proxy as a company network has one: DataFast
 * over https (a certificate from a test CA the runner is told to trust, as a company's own CA is),
 * reached through a CONNECT tunnel.
 */
const work = tempDir('runner-proxy-');
let certificates: ReturnType<typeof testCertificates>;
let secure: FakeDataFast;
let plain: FakeDataFast;
let proxy: TestProxy;

beforeAll(async () => {
  certificates = testCertificates(work.path);
  [secure, plain, proxy] = await Promise.all([standardFake(certificates), standardFake(), TestProxy.start()]);
});
afterAll(async () => {
  await Promise.all([secure.close(), plain.close(), proxy.close()]);
  work.remove();
});
afterEach(() => {
  proxy.requests.length = 0;
  plain.requests.length = 0;
  secure.requests.length = 0;
});

const once = (apiUrl: string, env: Record<string, string>) =>
  runCli(['--once', '--format', 'json', '--api-url', apiUrl], { DATAFAST_API_KEY: TEST_TOKENS.shopKey, NODE_EXTRA_CA_CERTS: certificates.caPath, ...env });

describe('the runner behind a proxy', () => {
  it.each(['HTTPS_PROXY', 'https_proxy'])('reads over https through the CONNECT proxy %s names, and the proxy never sees the token', async (name) => {
    const result = await once(secure.url, { [name]: proxy.url });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toMatchObject({ type: 'reading', visitors: 42 });
    expect(proxy.requests.map(({ method, target }) => `${method} ${target}`)).toEqual([`CONNECT ${new URL(secure.url).host}`]);
    expect(JSON.stringify(proxy.requests)).not.toContain(TEST_TOKENS.shopKey);
    expect(secure.requests[0]?.authorization).toBe(`Bearer ${TEST_TOKENS.shopKey}`);
  });

  it.each([
    ['NO_PROXY', '127.0.0.1'],
    ['no_proxy', '.example.com, 127.0.0.1:' + '*'],
    ['NO_PROXY', '*'],
  ])('goes straight to DataFast when %s=%s names its host', async (name, value) => {
    const noProxy = value.replace(':*', `:${new URL(secure.url).port}`);
    const result = await once(secure.url, { HTTPS_PROXY: proxy.url, [name]: noProxy });
    expect(JSON.parse(result.stdout)).toMatchObject({ visitors: 42 });
    expect(proxy.requests).toEqual([]);
  });

  it('sends plain http on this computer through HTTP_PROXY as an absolute-form request', async () => {
    const result = await runCli(['--once', '--format', 'json', '--api-url', plain.url], { DATAFAST_API_KEY: TEST_TOKENS.shopKey, HTTP_PROXY: proxy.url });
    expect(JSON.parse(result.stdout)).toMatchObject({ visitors: 42 });
    expect(proxy.requests.map(({ method, target }) => `${method} ${target}`)).toEqual([`GET ${plain.url}/api/v1/analytics/realtime?fields=visitors`]);
  });

  it('names the proxy when it cannot be reached, and says how to fix it', async () => {
    const closed = await TestProxy.start();
    const address = closed.url;
    await closed.close();
    const result = await once(secure.url, { HTTPS_PROXY: address });
    expect(result.code).not.toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ error: { kind: 'network' } });
    expect(result.stderr).toContain(
      `Could not reach DataFast through the proxy ${address} (ECONNREFUSED). Check the proxy settings (HTTPS_PROXY, HTTP_PROXY, NO_PROXY)`,
    );
  });

  it("takes a proxy's refusal of the tunnel as the proxy's, never as DataFast refusing the token", async () => {
    proxy.refuseWith = 403;
    try {
      const result = await once(secure.url, { HTTPS_PROXY: proxy.url });
      expect(JSON.parse(result.stdout)).toMatchObject({ error: { kind: 'network' } });
      expect(result.stderr).toContain(`through the proxy ${proxy.url} (it answered the tunnel with HTTP 403)`);
      expect(secure.requests).toEqual([]);
    } finally {
      proxy.refuseWith = null;
    }
  });

  it('refuses a server certificate no trusted CA signed', async () => {
    const result = await runCli(['--once', '--format', 'json', '--api-url', secure.url], { DATAFAST_API_KEY: TEST_TOKENS.shopKey });
    expect(JSON.parse(result.stdout)).toMatchObject({ error: { kind: 'network' } });
    expect(secure.requests).toEqual([]);
  });
});
