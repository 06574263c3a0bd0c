/** DataFast's list of the user's dashboards, for a website whose DataFast id is not known. */
export const DASHBOARDS_URL = 'https://datafa.st/dashboard';

/** The website's page on DataFast; the only kind of address the app ever opens in a browser. */
export function dashboardUrl(dataFastSiteId: string): string {
  return `${DASHBOARDS_URL}/${encodeURIComponent(dataFastSiteId)}`;
}

/** Allowlist for opening links: https on DataFast's own host only. */
export function isAllowedExternalUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' && (url.hostname === 'datafa.st' || url.hostname.endsWith('.datafa.st')) && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}
