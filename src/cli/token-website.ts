import { requireTokenKind, websiteLabel } from '../core/datafast/client';
import { runnerClient } from './runner-client';
import { DEFAULT_INTERVAL_MS } from '../core/polling/intervals';
import { liveSourceOf } from '../core/live/live-source';
import { websiteKey } from '../shared/website-ids';
import { UsageError, type WatchOptions } from './args';
import type { WatchedWebsite, WatchIO } from './watch';

const NAMED_FORMATS: ReadonlySet<WatchOptions['format']> = new Set(['waybar', 'xbar', 'swiftbar']);

/** The website `DATAFAST_API_KEY` reads: a key's own, or the one `--website-id` names for an account token. */
export function websiteFromToken(token: string, options: WatchOptions, io: WatchIO): WatchedWebsite {
  const kind = requireTokenKind(token);
  if (kind === 'account-token' && options.dataFastSiteId === null) {
    throw new UsageError('An account token (dft_…) needs --website-id ID to say which website to watch.');
  }
  if (kind === 'website-key' && options.dataFastSiteId !== null) {
    throw new UsageError('--website-id is only for account tokens (dft_…); a website key (df_…) already names its website.');
  }
  const client = runnerClient(io, options.apiUrl ?? undefined);
  const credentials = { token, dataFastSiteId: options.dataFastSiteId ?? undefined };
  return {
    websiteKey: websiteKey(options.dataFastSiteId ?? 'website'),
    label: options.dataFastSiteId ?? 'DataFast website',
    dataFastSiteId: options.dataFastSiteId,
    demo: false,
    intervalMs: options.intervalMs ?? DEFAULT_INTERVAL_MS,
    numberFormat: 'compact',
    read: (signal) => client.realtimeVisitors(credentials, signal),
    live: liveSourceOf(client, credentials),
    // Where a person reads the name (a tooltip, a menu), DataFast's name for the website replaces
    // the placeholder: an id of 24 hex digits tells them nothing. Other formats cost no request.
    ...(NAMED_FORMATS.has(options.format) && {
      describe: async (signal: AbortSignal) => {
        const metadata = await client.metadata(credentials, signal);
        return websiteLabel(metadata);
      },
    }),
  };
}
