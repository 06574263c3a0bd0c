import type { DataFastSiteId, WebsiteKey } from './settings-shapes';

// Apart from the schemas, so that code which only names websites (the runner's demo, its
// arguments) starts without loading zod.

/** For values already known to be well formed: keys made by our own code, ids read from DataFast's replies. */
export const websiteKey = (value: string): WebsiteKey => value as WebsiteKey;
export const dataFastSiteId = (value: string): DataFastSiteId => value as DataFastSiteId;
