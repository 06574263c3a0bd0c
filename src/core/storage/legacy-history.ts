import { z } from 'zod';
import { websiteKeySchema } from '../../shared/settings-shapes';
import { visitorCountSchema } from '../datafast/api-schemas';
import { History, HISTORY_RETENTION_MS } from '../readings/history';

/** One saved sample: epoch milliseconds and a count no reply could have given beyond `MAX_VISITORS`. */
const sampleSchema = z.tuple([z.number().int().nonnegative(), visitorCountSchema]);

/** `history.json`'s envelope, from before history was a log; its samples are checked one by one. */
const legacyHistorySchema = z.object({
  version: z.literal(1),
  websites: z.record(z.string(), z.array(z.unknown())),
});

/**
 * History from the old `history.json`, read once when the log replaces it. A file of another
 * shape throws; inside a good file, a sample that is not a (time, count) pair of sane numbers is
 * dropped on its own, so one bad value never costs the day around it. `onDropped` hears how many
 * were dropped, once.
 */
export function historyFromLegacyJson(data: unknown, now: number, onDropped: (count: number) => void = () => undefined): History {
  const parsed = legacyHistorySchema.parse(data);
  const history = new History();
  let dropped = 0;
  for (const [key, samples] of Object.entries(parsed.websites)) {
    const websiteKey = websiteKeySchema.safeParse(key);
    if (!websiteKey.success) {
      dropped += samples.length;
      continue;
    }
    for (const entry of samples) {
      const sample = sampleSchema.safeParse(entry);
      if (!sample.success) {
        dropped += 1;
        continue;
      }
      const [at, visitors] = sample.data;
      if (at >= now - HISTORY_RETENTION_MS && at <= now) history.add(websiteKey.data, at, visitors);
    }
  }
  if (dropped > 0) onDropped(dropped);
  return history;
}
