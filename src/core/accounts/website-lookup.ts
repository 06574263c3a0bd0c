import { AppError } from '../datafast/errors';
import type { WebsiteSettings } from '../storage/settings-schema';

export class WebsiteNotFoundError extends AppError {
  override readonly name = 'WebsiteNotFoundError';

  constructor(message: string) {
    super('website-not-found', message);
  }
}

/** Domains compare without case; an unknown domain matches nothing. */
export function sameDomain(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a.toLowerCase() === b.toLowerCase();
}

/** What makes two entries the same DataFast site: its domain (a key and an account token both know it), else its id. */
function siteOf(website: WebsiteSettings): string {
  return website.domain ? `domain:${website.domain.toLowerCase()}` : website.dataFastSiteId ? `id:${website.dataFastSiteId}` : `entry:${website.id}`;
}

/**
 * Finds a website by our id, its DataFast id, its domain or its label (case-insensitive, in
 * that order). Several entries for one DataFast site are one answer, the first of them; only
 * different sites under one name are ambiguous.
 */
export function findWebsite(websites: readonly WebsiteSettings[], query: string): WebsiteSettings {
  const wanted = query.trim().toLowerCase();
  const tiers = [
    (website: WebsiteSettings) => website.id.toLowerCase() === wanted || website.dataFastSiteId?.toLowerCase() === wanted,
    (website: WebsiteSettings) => website.domain?.toLowerCase() === wanted,
    (website: WebsiteSettings) => website.label.trim().toLowerCase() === wanted,
  ];
  const matches = tiers.map((matches) => websites.filter(matches)).find((found) => found.length > 0) ?? [];
  const [first] = matches;
  if (!first) {
    const names = websites.map((website) => website.domain ?? website.label).join(', ');
    throw new WebsiteNotFoundError(`No website matches "${query}". Configured: ${names || 'none (add one first)'}.`);
  }
  const sites = new Set(matches.map(siteOf));
  if (sites.size > 1) {
    const described = matches.map((website) => `${website.label} (${website.domain ?? website.dataFastSiteId ?? website.id})`).join(', ');
    throw new WebsiteNotFoundError(`"${query}" names different websites: ${described}. Use the domain or the id instead.`);
  }
  return first;
}
