import { createDemoReader, DEMO_WEBSITE_KEY } from '../core/polling/demo-source';
import { DEFAULT_INTERVAL_MS } from '../core/polling/intervals';
import { normaliseToken } from '../core/datafast/token';
import { UsageError, type WatchOptions } from './args';
import type { RunnerContext } from './context';
import { clockOf, type WatchedWebsite, type WatchIO } from './watch';
import { websiteFromToken } from './token-website';

// The demo needs neither the DataFast client nor the settings file, so each of those is loaded
// only on the way that reads through it: a status bar starts the runner again and again, and
// their schemas are most of what a start would otherwise compile.

function demoWebsite(options: WatchOptions, io: WatchIO): WatchedWebsite {
  const read = createDemoReader({ now: () => clockOf(io).now() });
  return {
    websiteKey: DEMO_WEBSITE_KEY,
    label: 'Demo website',
    dataFastSiteId: null,
    demo: true,
    intervalMs: options.intervalMs ?? DEFAULT_INTERVAL_MS,
    numberFormat: 'compact',
    read: (signal) => read(signal),
  };
}

/** `DATAFAST_API_KEY` wins; otherwise the configured websites and their keychain tokens. */
export async function chooseWebsite(options: WatchOptions, io: WatchIO, openContext: () => Promise<RunnerContext>): Promise<WatchedWebsite> {
  if (options.demo) return demoWebsite(options, io);
  const raw = io.env['DATAFAST_API_KEY'];
  if (raw !== undefined && raw.trim() !== '') {
    if (options.website !== null) {
      throw new UsageError(
        `--website picks a configured website, whose token is in the keychain, but DATAFAST_API_KEY is set too. Unset DATAFAST_API_KEY to watch "${options.website}", or drop --website to watch the key's own website (--website-id ID with an account token).`,
      );
    }
    return websiteFromToken(normaliseToken(raw), options, io);
  }
  if (options.dataFastSiteId !== null) throw new UsageError('--website-id goes with DATAFAST_API_KEY; to pick a configured website use --website.');
  const [{ configuredWebsite }, context] = await Promise.all([import('./configured-website'), openContext()]);
  return configuredWebsite(options, io, context, clockOf(io));
}
