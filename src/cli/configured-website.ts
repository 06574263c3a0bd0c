import { requireTokenOrigin } from '../core/datafast/api-origin';
import { runnerClient } from './runner-client';
import type { Clock } from '../core/time/clock';
import { activeWebsiteOf, sortedWebsites } from '../core/storage/settings-schema';
import { WebsiteReaders } from '../core/accounts/website-readers';
import { hasPlaceholderName } from '../core/accounts/website-restore';
import { UsageError, type WatchOptions } from './args';
import type { RunnerContext } from './context';
import type { WatchedWebsite, WatchIO } from './watch';
import { listsEveryWebsite } from './output';

/**
 * A website from the settings file and the keychain, read through the same WebsiteReaders the app
 * uses. In watch mode it follows the file as the app does: a rename, a replaced token, another
 * active website or a new API address takes effect on the next change; a website that is gone
 * (or can no longer be read) ends the watch with the reason.
 */
export async function configuredWebsite(options: WatchOptions, io: WatchIO, context: RunnerContext, clock: Clock): Promise<WatchedWebsite> {
  const readers = new WebsiteReaders({
    accounts: context.accounts,
    createClient: (apiUrl) => runnerClient(io, apiUrl),
    clock,
  });
  const resolve = async (): Promise<WatchedWebsite> => {
    const settings = context.settings.read();
    const website = options.website !== null ? context.accounts.resolve(options.website) : activeWebsiteOf(settings);
    if (!website) throw new UsageError('No website configured. Set DATAFAST_API_KEY, add one with "datafast-menubar add" (token on stdin), or try --demo.');
    const apiUrl = context.apiUrl();
    const demo = website.tokenKind === 'demo';
    // Before the keychain is asked: a token that may not go to this address is not even read.
    if (!demo) requireTokenOrigin(website, apiUrl);
    // xbar's menu lists every website; the other formats show only the one watched.
    const shown = listsEveryWebsite(options.format) ? [website, ...sortedWebsites(settings).filter((other) => other.id !== website.id)] : [website];
    const loaded = await readers.load(shown, apiUrl);
    if (loaded.keychainProblem) throw loaded.keychainProblem;
    if (!demo && readers.token(website.id) === null) {
      throw new UsageError(`No token is stored for ${website.label}. Add it again: printf %s "$TOKEN" | datafast-menubar add`);
    }
    const intervalMs = options.intervalMs ?? settings.refreshIntervalSeconds * 1000;
    const watched = shown.map((entry, index): WatchedWebsite => {
      const reader = loaded.websites[index];
      if (!reader) throw new Error('The runner lost track of its website.');
      return {
        websiteKey: entry.id,
        label: entry.label,
        dataFastSiteId: entry.dataFastSiteId,
        demo: entry.tokenKind === 'demo',
        intervalMs,
        numberFormat: settings.numberFormat,
        read: (signal) => reader.read(signal),
        budgetKey: reader.budgetKey,
        revision: reader.revision,
        // Restored while DataFast could not be asked: named by DataFast beside the first reading.
        ...(hasPlaceholderName(entry) && {
          describe: async (signal: AbortSignal) => (await context.accounts.nameRestored(entry.id, signal)) ?? entry.label,
        }),
        ...(reader.live !== undefined && { live: reader.live }),
      };
    });
    const [first, ...others] = watched;
    if (!first) throw new Error('The runner lost track of its website.');
    return { ...first, others };
  };
  const first = await resolve();
  return {
    ...first,
    follow: (onChange) =>
      context.settings.onChange(() => {
        // Another program may have replaced a token without touching the settings: read them again.
        readers.forget();
        resolve().then(onChange, (error: unknown) => onChange(error instanceof Error ? error : new Error(String(error))));
      }),
  };
}
