import type { WebsiteMetadata, WebsiteSummary } from '../datafast/client';
import type { WebsiteSettings } from '../storage/settings-schema';

/** What adding, listing and checking tokens answer, for the app and the runner alike. */

export type TokenInspection =
  { readonly kind: 'website-key'; readonly metadata: WebsiteMetadata } | { readonly kind: 'account-token'; readonly websites: readonly WebsiteSummary[] };

export interface WebsiteListing {
  readonly website: WebsiteSettings;
  readonly active: boolean;
  /** `df_…1234`, or null when no token is stored. Never the token itself. */
  readonly maskedToken: string | null;
  readonly tokenInSessionOnly: boolean;
}

export interface AddResult {
  readonly websites: readonly WebsiteSettings[];
  /** The keychain was unusable, so the token lives in memory until the app quits. */
  readonly sessionOnly: boolean;
  /** Which of `websites` are new; the others existed and got the new token. */
  readonly createdIds: ReadonlySet<string>;
}
