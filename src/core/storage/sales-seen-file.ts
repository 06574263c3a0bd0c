import { writeFileSync as writeFileAtomically } from 'atomically';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { websiteKeySchema, type WebsiteKey } from '../../shared/settings-shapes';
import type { SeenRecord, SeenStore } from '../live/sale-tracker';
import { SEEN_PER_WEBSITE } from '../live/sale-tracker';
import { unsafeFileReason } from './safe-file';
import { parseJsonOrUndefined } from '../datafast/json-text';

export const SALES_SEEN_FILE_NAME = 'sales-seen.json';
/** 50 websites × 500 ids of ~30 bytes; far larger is not ours. */
const MAX_BYTES = 2 * 1024 * 1024;

const seenFileSchema = z.object({
  version: z.literal(1),
  websites: z.record(z.string(), z.object({ ids: z.array(z.string().min(1).max(128)).max(SEEN_PER_WEBSITE), checkedAt: z.number().int().nonnegative() })),
});

/**
 * The ids of the payments each website has already shown, beside the history: DataFast's ids and
 * when they were looked at, never a name, an email or an amount. A file that cannot be read is
 * started again; the worst it costs is one silent look.
 */
export class SalesSeenFile implements SeenStore {
  readonly path: string;
  #refused = false;

  constructor(directory: string) {
    this.path = join(directory, SALES_SEEN_FILE_NAME);
  }

  /** Throws, and writes nothing from then on, where the path is not a regular file (a FIFO would hang the read). */
  load(): Map<WebsiteKey, SeenRecord> {
    const unsafe = unsafeFileReason(this.path);
    if (unsafe) {
      this.#refused = true;
      throw new Error(`${unsafe}; it was left as it is`);
    }
    if (!existsSync(this.path) || statSync(this.path).size > MAX_BYTES) return new Map();
    const parsed = seenFileSchema.safeParse(parseJsonOrUndefined(readFileSync(this.path, 'utf8')));
    if (!parsed.success) return new Map();
    const records = new Map<WebsiteKey, SeenRecord>();
    for (const [key, record] of Object.entries(parsed.data.websites)) {
      const websiteKey = websiteKeySchema.safeParse(key);
      if (websiteKey.success) records.set(websiteKey.data, record);
    }
    return records;
  }

  save(records: ReadonlyMap<WebsiteKey, SeenRecord>): void {
    if (this.#refused) return;
    const websites = Object.fromEntries([...records].map(([key, record]) => [key, { ids: record.ids, checkedAt: record.checkedAt }]));
    writeFileAtomically(this.path, `${JSON.stringify({ version: 1, websites })}\n`, { mode: 0o600 });
  }
}
