import { requireTokenKind } from '../core/datafast/client';
import { KeychainLockedError, KeychainUnavailableError } from '../core/storage/keychain-errors';
import type { AddResult, WebsiteListing } from '../core/accounts/account-results';
import type { AddOptions, ListOptions, RemoveOptions } from './args';
import { UsageError } from './args';
import type { RunnerContext } from './context';
import { restoreNotice } from '../core/accounts/website-restore';
import { EXIT_KEYCHAIN, EXIT_OK, EXIT_USAGE } from './exit-codes';
import { singleLine } from '../core/readings/format';

export interface ManageIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** The token, read from standard input: never from argv. */
  readonly readToken: () => Promise<string>;
}

/**
 * A name or domain as a terminal shows it: they come from DataFast or a hand-edited settings file,
 * and a control character or newline in one could rewrite the line, or the screen.
 */
const shown = singleLine;

/** `add`: checks a token against DataFast, then saves the website(s) and the token. */
export async function addCommand(options: AddOptions, context: RunnerContext, io: ManageIO): Promise<number> {
  const token = (await io.readToken()).trim();
  if (token === '') throw new UsageError('No token on standard input. Example: printf %s "$TOKEN" | datafast-menubar add');
  // Known from the token's shape alone, so a usage mistake costs no request.
  if (requireTokenKind(token) === 'website-key' && (options.all || options.dataFastSiteIds.length > 0)) {
    throw new UsageError('--website-id and --all are for account tokens (dft_…); a website key (df_…) names its own website.');
  }
  const inspection = await context.accounts.inspectToken(token);
  if (inspection.kind === 'website-key') {
    const result = await context.accounts.addWebsiteKey(token, inspection);
    for (const website of result.websites) io.stdout(`${addedOrUpdated(result, website.id)} ${shown(website.label)} (${shown(website.domain ?? website.id)}).`);
    return EXIT_OK;
  }
  if (!options.all && options.dataFastSiteIds.length === 0) {
    io.stderr('This account token can see these websites:');
    for (const site of inspection.websites) io.stderr(`  ${site.dataFastSiteId}  ${shown(site.domain)}${site.name ? `  (${shown(site.name)})` : ''}`);
    io.stderr('Add some with --website-id ID (repeatable), or all of them with --all.');
    return EXIT_USAGE;
  }
  const result = await context.accounts.addFromAccountToken(token, options.all ? 'all' : options.dataFastSiteIds, inspection);
  for (const website of result.websites)
    io.stdout(`${addedOrUpdated(result, website.id)} ${shown(website.label)} (${shown(website.domain ?? website.dataFastSiteId ?? website.id)}).`);
  return EXIT_OK;
}

/** "Updated" for a website that was there already: its token was replaced, nothing was added. */
function addedOrUpdated(result: AddResult, id: string): 'Added' | 'Updated' {
  return result.createdIds.has(id) ? 'Added' : 'Updated';
}

/** What `list` says about a website's token, for people and for scripts. */
type TokenState = 'stored' | 'missing' | 'demo' | 'keychain-locked' | 'keychain-unavailable';

/**
 * `list`: the configured websites, the active one marked with *, tokens masked; `--format json`
 * gives the same as one JSON array. Settings alone answer "which websites": with none, the
 * keychain is not touched; without a keychain, the websites are still listed and the tokens said
 * to be out of reach, once.
 */
export async function listCommand(options: ListOptions, context: RunnerContext, io: ManageIO): Promise<number> {
  if (context.settings.read().websites.length === 0) {
    io.stdout(options.format === 'json' ? '[]' : 'No websites yet. Add one: printf %s "$TOKEN" | datafast-menubar add');
    return EXIT_OK;
  }
  let listings: readonly WebsiteListing[];
  let keychainOut: KeychainUnavailableError | null = null;
  try {
    listings = await context.accounts.list();
  } catch (error) {
    if (!(error instanceof KeychainUnavailableError)) throw error;
    io.stderr(`datafast-menubar: tokens not shown: ${error.message}`);
    listings = context.accounts.listWithoutTokens();
    keychainOut = error;
  }
  const locked = keychainOut instanceof KeychainLockedError;
  const tokenState = ({ website, maskedToken }: WebsiteListing): TokenState => {
    if (website.tokenKind === 'demo') return 'demo';
    if (keychainOut) return locked ? 'keychain-locked' : 'keychain-unavailable';
    return maskedToken === null ? 'missing' : 'stored';
  };
  if (options.format === 'json') {
    const rows = listings.map((listing) => ({
      id: listing.website.id,
      label: listing.website.label,
      domain: listing.website.domain,
      dataFastSiteId: listing.website.dataFastSiteId,
      tokenKind: listing.website.tokenKind,
      active: listing.active,
      token: listing.maskedToken,
      tokenState: tokenState(listing),
    }));
    io.stdout(JSON.stringify(rows));
  } else {
    const tokenText: Record<TokenState, (listing: WebsiteListing) => string> = {
      stored: (listing) => listing.maskedToken ?? '',
      missing: () => 'no token stored: add it again',
      demo: () => 'demo data',
      'keychain-locked': () => 'token: keychain locked',
      'keychain-unavailable': () => 'token: keychain unavailable',
    };
    for (const listing of listings) {
      const { website, active } = listing;
      const where = website.domain ?? website.dataFastSiteId ?? '';
      io.stdout(
        `${active ? '*' : ' '} ${shown(website.label)}  ${shown(where)}  [${website.id}]  ${tokenText[tokenState(listing)](listing)}`.replace(/ {3,}/g, '  '),
      );
    }
  }
  // Without a keychain the list is all there is to say; a locked one is a state to fix now.
  return locked ? EXIT_KEYCHAIN : EXIT_OK;
}

/** `remove`: deletes the website from settings and its token from the keychain. */
export async function removeCommand(options: RemoveOptions, context: RunnerContext, io: ManageIO): Promise<number> {
  const website = context.accounts.resolve(options.target);
  await context.accounts.remove(website.id);
  io.stdout(`Removed ${shown(website.label)}${website.domain ? ` (${shown(website.domain)})` : ''} and its token.`);
  return EXIT_OK;
}

/**
 * `restore`: websites whose tokens are in the keychain but not in the settings come back, named
 * by DataFast. Done by itself after a damaged settings file; by hand when the keychain could not
 * be asked then.
 */
export async function restoreCommand(context: RunnerContext, io: ManageIO): Promise<number> {
  const notice = restoreNotice(await context.accounts.restoreLost());
  io.stdout(notice === null ? 'Nothing to restore: every token in the keychain belongs to a configured website.' : shown(notice));
  return EXIT_OK;
}
