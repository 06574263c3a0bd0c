import { DataFastError, type FailureKind } from '../datafast/errors';
import type { LiveMap } from './live-map';

/** A read may come a little early on its timer; a map read that early still counts as due. */
const EARLY_MS = 1_000;
/** What an older key, a missing permission or an API without the map gets: the feature goes, the count stays. */
const MAP_REFUSALS: ReadonlySet<FailureKind> = new Set(['bad-request', 'forbidden', 'not-found']);
/**
 * Failures of the map alone (a reply too large or malformed, a server error on that endpoint):
 * the count is read the plain way this time, and the map is tried again when next due. Network
 * failures, timeouts and 429s would fail the count the same way, so they stand as the reading's.
 */
const MAP_ONLY_FAILURES: ReadonlySet<FailureKind> = new Set(['invalid-response', 'server']);

export interface LiveReadOptions {
  readonly readCount: (signal: AbortSignal) => Promise<number>;
  readonly readMap: (signal: AbortSignal) => Promise<LiveMap>;
  readonly now: () => number;
  /** How often the map stands in for the plain count read (60 s for the active website, 5 min for others). */
  readonly mapEveryMs: () => number;
  readonly onMap: (map: LiveMap, at: number) => void;
  /** Once, when DataFast refuses the map for this website: live details and sales are off, the count goes on. */
  readonly onMapRefused: (reason: string) => void;
}

/**
 * A count read that, when the map is due, reads the realtime map instead: its `count` is the same
 * live count (the last 10 minutes), so live details and sales cost no request beyond the count's
 * own, and stay inside the token's request budget with it.
 */
export function liveRead(options: LiveReadOptions): (signal: AbortSignal) => Promise<number> {
  let lastMapAt = Number.NEGATIVE_INFINITY;
  let refused = false;
  return async (signal) => {
    const now = options.now();
    if (!refused && now - lastMapAt >= options.mapEveryMs() - EARLY_MS) {
      try {
        const map = await options.readMap(signal);
        lastMapAt = now;
        options.onMap(map, now);
        return map.visitors;
      } catch (error) {
        if (!(error instanceof DataFastError)) throw error;
        if (MAP_ONLY_FAILURES.has(error.kind)) {
          lastMapAt = now;
        } else if (MAP_REFUSALS.has(error.kind)) {
          refused = true;
          options.onMapRefused(
            `Live details and sale notifications are off for this website: ${error.message} An account token with the analytics:read permission can read them; the count goes on.`,
          );
        } else {
          throw error;
        }
        // The map is off or failed alone: the count is read the plain way.
      }
    }
    return options.readCount(signal);
  };
}
