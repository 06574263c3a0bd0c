import { requireTokenOrigin } from '../datafast/api-origin';
import type { DataFastClient } from '../datafast/client';
import type { Clock } from '../time/clock';
import { createDemoReader } from '../polling/demo-source';
import type { EngineWebsite } from '../polling/engine';
import { DataFastError } from '../datafast/errors';
import { KeychainUnavailableError } from '../storage/keychain-errors';
import type { WebsiteSettings } from '../storage/settings-schema';
import { tokenBudgetKey } from './token-checks';
import type { WebsiteAccounts } from './website-accounts';
import { liveSourceOf, type LiveSource } from '../live/live-source';

/** A website ready to poll, with where its live details come from when DataFast has them. */
export interface ReadableWebsite extends EngineWebsite {
  readonly live?: LiveSource;
}

export interface LoadedReaders {
  /** One pollable website per settings entry, in the order given. */
  readonly websites: readonly ReadableWebsite[];
  /** The token each website has now (null: none, or the keychain could not be asked). */
  readonly tokens: ReadonlyMap<string, string | null>;
  /** Why the keychain could not be read, when it could not. */
  readonly keychainProblem: KeychainUnavailableError | null;
  /** Websites whose token is bound to another API origin than the one the settings name. */
  readonly refusals: readonly string[];
}

export interface WebsiteReadersOptions {
  readonly accounts: Pick<WebsiteAccounts, 'tokenFor'>;
  readonly createClient: (apiUrl: string) => DataFastClient;
  readonly clock: Clock;
}

/**
 * Settings into pollable websites: each one's token from the keychain (read once, then kept until
 * asked to read again), its demo source, and the refusal to send a token anywhere but the origin
 * it was added for. The app uses it for every website, the runner's watch mode for the one it
 * shows; both call it again whenever the settings file changes.
 */
export class WebsiteReaders {
  readonly #options: WebsiteReadersOptions;
  readonly #tokens = new Map<string, string | null>();
  readonly #demoReaders = new Map<string, (signal?: AbortSignal) => Promise<number>>();

  constructor(options: WebsiteReadersOptions) {
    this.#options = options;
  }

  /** Forgets tokens so the next load reads them from the keychain: all of them, or one website's. */
  forget(id?: string): void {
    if (id === undefined) this.#tokens.clear();
    else this.#tokens.delete(id);
  }

  /** A token found some other way (the keychain, read again after a refusal). */
  remember(id: string, token: string): void {
    this.#tokens.set(id, token);
  }

  token(id: string): string | null {
    return this.#tokens.get(id) ?? null;
  }

  async load(websites: readonly WebsiteSettings[], apiUrl: string): Promise<LoadedReaders> {
    let keychainProblem: KeychainUnavailableError | null = null;
    for (const website of websites) {
      if (website.tokenKind === 'demo' || this.#tokens.has(website.id)) continue;
      try {
        this.#tokens.set(website.id, await this.#options.accounts.tokenFor(website.id));
      } catch (error) {
        if (!(error instanceof KeychainUnavailableError)) throw error;
        keychainProblem = error;
        this.#tokens.set(website.id, null);
      }
    }
    const client = this.#options.createClient(apiUrl);
    const refusals: string[] = [];
    const readers = websites.map((website) => this.#reader(website, client, apiUrl, refusals));
    return { websites: readers, tokens: new Map(this.#tokens), keychainProblem, refusals };
  }

  #reader(website: WebsiteSettings, client: DataFastClient, apiUrl: string, refusals: string[]): ReadableWebsite {
    if (website.tokenKind === 'demo') {
      let read = this.#demoReaders.get(website.id);
      if (!read) {
        const { clock } = this.#options;
        read = createDemoReader({ now: () => clock.now(), random: () => clock.random() });
        this.#demoReaders.set(website.id, read);
      }
      const demoRead = read;
      return { websiteKey: website.id, budgetKey: 'demo', revision: 'demo', threshold: website.spikeThreshold, read: (signal) => demoRead(signal) };
    }
    const token = this.#tokens.get(website.id) ?? null;
    const fingerprint = token ? tokenBudgetKey(token) : 'none';
    const credentials = { token: token ?? '', dataFastSiteId: website.dataFastSiteId ?? undefined };
    const refusal = token
      ? originRefusal(website, apiUrl)
      : new DataFastError({ kind: 'missing-token', message: `No token is available for ${website.label}. Add the website again.` });
    if (refusal?.kind === 'wrong-origin') refusals.push(refusal.message);
    return {
      websiteKey: website.id,
      budgetKey: fingerprint,
      revision: `${fingerprint}|${website.dataFastSiteId ?? ''}|${apiUrl}`,
      threshold: website.spikeThreshold,
      read: (signal) => (refusal ? Promise.reject(refusal) : client.realtimeVisitors(credentials, signal)),
      ...(refusal === null && { live: liveSourceOf(client, credentials) }),
    };
  }
}

function originRefusal(website: WebsiteSettings, apiUrl: string): DataFastError | null {
  try {
    requireTokenOrigin(website, apiUrl);
    return null;
  } catch (error) {
    if (error instanceof DataFastError) return error;
    throw error;
  }
}
