import { websiteKey } from '../../../src/shared/settings-shapes';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../bench/virtual-clock';
import { createDataFastClient } from '../../../src/core/datafast/client';
import { Engine, pollingOf } from '../../../src/core/polling/engine';
import { DEFAULT_SETTINGS } from '../../../src/core/storage/settings-schema';
import { appHarness } from '../../support/app-harness';
import { failureOf } from '../../support/failure-of';
import { TEST_TOKENS } from '../../support/fake-datafast';
import { HostileDataFast } from '../../support/hostile-datafast';
import { TRANSPORTS } from '../../support/transports';
import { nodeTransport } from '../../../src/core/datafast/node-transport';
import { MemoryKeychain } from '../../support/memory-keychain';
import { tempDir } from '../../support/temp';
import { shopWebsite } from '../../support/settings-fixtures';

const HOUR = 60 * 60_000;
const shop = { token: TEST_TOKENS.shopKey };
let hostile: HostileDataFast;

beforeAll(async () => {
  hostile = await HostileDataFast.start();
});
afterAll(() => hostile.close());
afterEach(() => {
  hostile.requests.length = 0;
  hostile.bytesSent.length = 0;
});

describe.each(TRANSPORTS)('the client over %s against a hostile DataFast', (_name, transport) => {
  const read = (mode: string, timeoutMs = 2_000): Promise<number> =>
    createDataFastClient({ apiUrl: hostile.url(mode), timeoutMs, transport: transport() }).realtimeVisitors(shop);

  it('stops reading a 400 MB reply at its size cap', async () => {
    const error = await failureOf(read('huge'));
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toMatch(/larger than 256 KiB/);
    await expect.poll(() => hostile.bytesSent.length).toBe(1);
    expect(hostile.bytesSent[0]).toBeLessThan(16 * 1024 * 1024);
  });

  it("reads an account's website list up to 2 MiB and refuses one past it", async () => {
    const list = (bytes: number) =>
      createDataFastClient({ apiUrl: hostile.url(`websites/${bytes}`), timeoutMs: 5_000, transport: transport() }).listWebsites(TEST_TOKENS.account);
    // Thousands of websites fit: far more than a count's 256 KiB cap would let through.
    expect((await list(1536 * 1024)).length).toBeGreaterThan(15_000);
    const error = await failureOf(list(3 * 1024 * 1024));
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toMatch(/larger than 2048 KiB/);
  });

  it('ends a reply whose body never ends at the deadline, body included', async () => {
    const error = await failureOf(read('endless', 500));
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(/did not answer within 1 s/);
  });

  it('caps a gzip body after inflation: 64 KiB on the wire, 64 MiB inflated', async () => {
    hostile.bombBytes = 64 * 1024 * 1024;
    try {
      const error = await failureOf(read('gzip-bomb', 10_000));
      expect(error.kind).toBe('invalid-response');
      expect(error.message).toMatch(/larger than 256 KiB/);
    } finally {
      hostile.bombBytes = 1024 * 1024 * 1024;
    }
  });

  it('reads a reply with deeply nested JSON as a malformed reply, without crashing', async () => {
    expect((await failureOf(read('nested'))).kind).toBe('invalid-response');
  });

  it('never carries the token along a redirect to another origin, and names the redirect', async () => {
    const error = await failureOf(read('redirect'));
    expect(error.kind).toBe('redirect');
    expect(error.message).toMatch(/^DataFast answered with a redirect to another address.*Check the API address in settings/);
    expect(hostile.requests.map((request) => request.path)).toEqual(['/redirect/api/v1/analytics/realtime']);
  });

  it('redacts a token the server echoes back in its error message', async () => {
    const error = await failureOf(read('echo'));
    expect(error.kind).toBe('unauthorized');
    expect(error.message).toContain('df_…1234');
    expect(error.message).not.toContain(TEST_TOKENS.shopKey);
  });

  it('holds a token for at most an hour whatever the 429 asks', async () => {
    const before = Date.now();
    const error = await failureOf(read('retry-after/99999999999'));
    expect(error.kind).toBe('rate-limited');
    expect(error.retryAt).toBeLessThanOrEqual(before + HOUR + 5_000);
    expect(error.message).toMatch(/pausing this token for 60 min/);
  });
});

describe('polling against a hostile DataFast, on a virtual clock', () => {
  it.each([
    'retry-after/99999999999',
    'reset/99999999999999',
    `retry-after/${encodeURIComponent(new Date(Date.UTC(2020, 0, 1)).toUTCString())}`,
    'retry-after/-5',
    'retry-after/soon',
  ])('never spins or bursts on a 429 with %s', async (mode) => {
    const clock = new VirtualClock(Date.now());
    const client = createDataFastClient({ apiUrl: hostile.url(mode), now: () => clock.now(), transport: nodeTransport() });
    const engine = new Engine({ clock });
    engine.apply(
      pollingOf([{ websiteKey: websiteKey('shop'), budgetKey: 'k', revision: '1', threshold: null, read: (signal) => client.realtimeVisitors(shop, signal) }]),
    );
    engine.start();
    const fired = await clock.runUntil(clock.now() + 3 * HOUR);
    engine.stop();
    // Every 30 s at the most (the interval) for 3 h is 360; a spin would be millions.
    expect(hostile.requests.length).toBeGreaterThan(0);
    expect(hostile.requests.length).toBeLessThanOrEqual(361);
    expect(fired).toBeLessThanOrEqual(400);
    if (mode.startsWith('retry-after/9') || mode.startsWith('reset/')) expect(hostile.requests.length).toBeLessThanOrEqual(4);
  });
});

describe('the app controller against a hostile DataFast', () => {
  /** The app with one website whose token is in the keychain, bound to `origin`, reading `apiUrl`. */
  async function appReading(apiUrl: string, origin = new URL(apiUrl).origin) {
    const dir = tempDir();
    const keychain = new MemoryKeychain();
    await keychain.setPassword('DataFast Menubar harness', 'w_shop', TEST_TOKENS.shopKey);
    const website = shopWebsite({ apiOrigin: origin });
    writeFileSync(join(dir.path, 'config.json'), JSON.stringify({ ...DEFAULT_SETTINGS, websites: [website], activeWebsiteKey: 'w_shop' }));
    const clock = new VirtualClock(Date.now());
    const app = await appHarness(apiUrl, { directory: dir.path, keychain, clock, start: false });
    // appHarness points settings at `apiUrl`; the website keeps the origin it was bound to.
    await app.controller.start();
    return { app, clock, done: () => (app.close(), dir.remove()) };
  }

  it('keeps polling with backoff, not in a loop, when every reply is 400 MB', async () => {
    const { app, clock, done } = await appReading(hostile.url('huge'));
    try {
      // A minute at a time, with a moment of real time between for each read's megabytes to arrive.
      for (const end = clock.now() + HOUR; clock.now() < end;) {
        await clock.runUntil(Math.min(end, clock.now() + 60_000));
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      // The map is refused at its own cap and the count read the plain way, which is refused at its cap.
      expect(app.controller.trayView()).toMatchObject({ status: 'error', problem: expect.stringMatching(/larger than 256 KiB/) as unknown });
      // Backing off from 30 s to 10 min over an hour: a handful of reads, not hundreds.
      const reads = hostile.requests.filter((request) => request.path.endsWith('/analytics/realtime'));
      expect(reads.length).toBeGreaterThan(2);
      expect(reads.length).toBeLessThan(20);
    } finally {
      done();
    }
  });

  it('refuses to send a token to an origin other than the one it was added for, and says why', async () => {
    const { app, clock, done } = await appReading(hostile.url('ok'), 'https://datafa.st');
    try {
      await clock.runUntil(clock.now() + HOUR);
      expect(hostile.requests).toEqual([]);
      const view = app.controller.trayView();
      expect(view.status).toBe('error');
      const expected = `Shop's token was added for https://datafa.st; add it again to use ${new URL(hostile.url('ok')).origin}. The token was not sent.`;
      expect(view.problem).toBe(expected);
      expect(app.controller.appState().notices).toContain(expected);
    } finally {
      done();
    }
  });

  it('reads a website whose token was added for the address in settings', async () => {
    const { app, clock, done } = await appReading(hostile.url('ok'));
    try {
      await clock.runUntil(clock.now() + 1_000);
      await expect.poll(() => app.controller.trayView().visitors).toBe(42);
      expect(hostile.requests[0]?.authorization).toBe(`Bearer ${TEST_TOKENS.shopKey}`);
    } finally {
      done();
    }
  });
});
